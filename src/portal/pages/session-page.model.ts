import type { RenderedAgendaDto } from '../../agenda/dto/rendered-agenda.dto.js';
import { resolveText } from '../../common/i18n/localized-text.js';
import type { Rsvp } from '../../sessions/session-participant.entity.js';
import type { Messages, PortalLanguage } from '../i18n/messages.js';
import { zonedLabels, type ZonedLabel } from './zoned-labels.js';

export interface AgendaRow {
  number: string;
  depth: number;
  title: string;
  kind: string;
  durationMinutes: number;
  presenters: string[];
  times: ZonedLabel[];
}

/** Everything the session page shows, already in the reader's language and zones. */
export interface SessionPageModel {
  id: string;
  title: string;
  description: string | null;
  status: 'draft' | 'scheduled' | 'cancelled';
  cancellationReason: string | null;
  kind: string;
  format: string;
  times: ZonedLabel[];
  location: string | null;
  joinUrl: string | null;
  accessCode: string | null;
  agenda: AgendaRow[];
  plannedMinutes: number;
  sessionMinutes: number;
  overrunMinutes: number;
  /** The viewer's answer; null when the viewer is not invited. */
  rsvp: Rsvp | null;
}

/** Builds the page from the agenda the API renders (same visibility, same planned times). */
export function sessionPageModel(
  agenda: RenderedAgendaDto,
  rsvp: Rsvp | null,
  viewerZone: string,
  lang: PortalLanguage,
  t: Messages,
): SessionPageModel {
  const { session } = agenda;
  const zoneOfRecord = session.timeZone;
  const labels = (startsAt: string, endsAt: string) =>
    zonedLabels(
      { startsAt: new Date(startsAt), endsAt: new Date(endsAt), zoneOfRecord },
      agenda.zones,
      viewerZone,
      lang,
      t,
    );
  const online = session.onlineMeeting as { joinUrl?: string; accessCode?: string } | null;
  return {
    id: session.id,
    title: resolveText(session.title, lang) ?? '',
    description: resolveText(session.description, lang),
    status: session.status as SessionPageModel['status'],
    cancellationReason: resolveText(session.cancellationReason, lang),
    kind: session.kind,
    format: session.format,
    times: labels(session.startsAt, session.endsAt),
    location: resolveText(session.location, lang),
    joinUrl: online?.joinUrl ?? null,
    accessCode: online?.accessCode ?? null,
    agenda: agenda.items.map((item) => ({
      number: item.number,
      depth: item.depth,
      title: resolveText(item.title, lang) ?? '',
      kind: item.kind,
      durationMinutes: item.durationMinutes,
      presenters: item.presenters.map((presenter) => resolveText(presenter.fullName, lang) ?? ''),
      times: labels(item.plannedStart, item.plannedEnd),
    })),
    plannedMinutes: agenda.totals.plannedMinutes,
    sessionMinutes: agenda.totals.sessionMinutes,
    overrunMinutes: agenda.totals.overrunMinutes,
    rsvp,
  };
}
