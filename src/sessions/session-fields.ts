import type { EntityManager } from 'typeorm';
import { invalid } from '../common/errors/problem.js';
import { toLocalizedText, type LocalizedText } from '../common/i18n/localized-text.js';
import { WorkingGroup } from '../working-groups/working-group.entity.js';
import type { OnlineMeetingDto } from './dto/session-input.dto.js';
import type { SeriesFields } from './series-fields.js';
import type { Session } from './session.entity.js';

/** The fields a session and a series share, as a write may give them (all optional). */
export interface SessionFieldsInput {
  workingGroupId?: string | null;
  title?: string | LocalizedText;
  description?: string | LocalizedText | null;
  kind?: Session['kind'];
  format?: Session['format'];
  location?: string | LocalizedText | null;
  onlineMeeting?: OnlineMeetingDto | null;
  capacity?: number | null;
}

/** Only what the write mentions, with text in the committee's default locale where a plain string was given. */
export function sessionFieldChanges(input: SessionFieldsInput, locale: string): Partial<SeriesFields> {
  return {
    ...(input.workingGroupId !== undefined && { workingGroupId: input.workingGroupId }),
    ...(input.title !== undefined && { title: toLocalizedText(input.title, locale) }),
    ...(input.description !== undefined && { description: optionalText(input.description, locale) }),
    ...(input.kind !== undefined && { kind: input.kind }),
    ...(input.format !== undefined && { format: input.format }),
    ...(input.location !== undefined && { location: optionalText(input.location, locale) }),
    ...(input.onlineMeeting !== undefined && { onlineMeeting: onlineMeetingOf(input.onlineMeeting) }),
    ...(input.capacity !== undefined && { capacity: input.capacity }),
  };
}

/**
 * The meeting as stored: only the keys given, so that `{ joinUrl }` sent again equals what is
 * stored and is not mistaken for a change.
 */
export function onlineMeetingOf(meeting: OnlineMeetingDto | null | undefined): Session['onlineMeeting'] {
  if (!meeting) return null;
  return Object.fromEntries(
    Object.entries(meeting).filter(([, value]) => value !== undefined),
  ) as Session['onlineMeeting'];
}

export function optionalText(
  value: string | LocalizedText | null | undefined,
  locale: string,
): LocalizedText | null {
  return value === undefined || value === null ? null : toLocalizedText(value, locale);
}

export async function assertWorkingGroupOf(
  manager: EntityManager,
  committeeId: string,
  workingGroupId: string,
): Promise<void> {
  if (!(await manager.existsBy(WorkingGroup, { id: workingGroupId, committeeId }))) {
    throw invalid('workingGroupId', 'must be a working group of the same committee');
  }
}
