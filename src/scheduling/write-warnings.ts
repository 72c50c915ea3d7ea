import type { EntityManager } from 'typeorm';
import { ConflictError } from '../common/errors/problem.js';
import { counted } from '../common/i18n/plural.js';
import { resolveText } from '../common/i18n/localized-text.js';
import { utcIso } from '../common/time/zoned-time.js';
import type { ClashDto, ClashWarning, WarningDto } from '../sessions/dto/session-output.dto.js';
import { findClashes, lockParticipants } from '../sessions/sessions.repository.js';
import { partySchedules } from './scheduling.repository.js';
import { workingTimeWarnings } from './working-time-warnings.js';

/** An accepted clash as a write's warning. */
export function clashWarning(clash: ClashDto): ClashWarning {
  const title = resolveText(clash.title, 'en') ?? '';
  const count = clash.participantIds.length;
  return {
    code: 'clash',
    ...clash,
    message: `Overlaps “${title}” (${clash.startsAt}–${clash.endsAt}) for ${count} required participant(s)`,
  };
}

/**
 * The clashes a write makes for required participants of `sessionIds` (narrowed to
 * `participantIds` when given): a 409 listing them, or with `allowConflicts` the write's warnings.
 * Takes the participants' locks first, so concurrent writes for one participant are checked in turn.
 */
export async function checkClashes(
  manager: EntityManager,
  sessionIds: string[],
  allowConflicts: boolean | undefined,
  participantIds?: string[],
): Promise<ClashWarning[]> {
  await lockParticipants(manager, sessionIds, participantIds);
  const clashes = await findClashes(manager, sessionIds, participantIds);
  if (clashes.length > 0 && !allowConflicts) {
    throw new ConflictError(
      'schedule-conflict',
      `Required participants have ${counted(clashes.length, 'overlapping session')}; pass allowConflicts=true to save anyway`,
      undefined,
      { clashes },
    );
  }
  return clashes.map(clashWarning);
}

/**
 * The warnings of sessions just saved at new times: every party's working days, holidays and
 * hours (one query for the committee's parties however many sessions). `occurrences` marks
 * the sessions of a series, whose warnings then name the occurrence.
 */
export async function workingTimeWarningsFor(
  manager: EntityManager,
  committeeId: string,
  sessions: Array<{ id: string; startsAt: Date; endsAt: Date; status?: string }>,
  options: { occurrences?: boolean } = {},
): Promise<WarningDto[]> {
  const live = sessions.filter((session) => session.status !== 'cancelled');
  if (live.length === 0) return [];
  const parties = await partySchedules(manager, committeeId);
  return live.flatMap((session) =>
    workingTimeWarnings(parties, { start: session.startsAt.getTime(), end: session.endsAt.getTime() }).map(
      (warning) => ({
        ...warning,
        ...(options.occurrences && { occurrenceId: session.id, startsAt: utcIso(session.startsAt) }),
      }),
    ),
  );
}
