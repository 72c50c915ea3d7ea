import type { LoadedAgenda } from '../../agenda/agenda-render.service.js';
import type { ProtocolSection } from '../../minutes/protocol-model.js';
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
  /** The minutes once agreed (a delegate reads no draft); null before. */
  minutes: SessionMinutes | null;
}

/** Agreed or signed minutes, as the protocol words them, one section per language. */
export interface SessionMinutes {
  status: 'agreed' | 'signed';
  revision: number;
  sections: ProtocolSection[];
}

/**
 * What every reader of one language and zone sees on the session page: all of it but the
 * reader's own answer and the minutes.
 */
export type SharedSessionView = Omit<SessionPageModel, 'rsvp' | 'minutes'>;

/** The page's shared part, from the agenda the API reads (same visibility, same planned times). */
export function sharedSessionView(
  agenda: LoadedAgenda,
  viewerZone: string,
  lang: PortalLanguage,
  t: Messages,
): SharedSessionView {
  const { session, timeline } = agenda;
  const zoneOfRecord = session.timeZone;
  const labels = (startsAt: Date, endsAt: Date) =>
    zonedLabels({ startsAt, endsAt, zoneOfRecord }, agenda.zones, viewerZone, lang, t);
  const online = session.onlineMeeting;
  const byId = new Map(agenda.items.map((item) => [item.id, item]));
  return {
    id: session.id,
    title: resolveText(session.title, lang) ?? '',
    description: resolveText(session.description, lang),
    status: session.status,
    cancellationReason: resolveText(session.cancellationReason, lang),
    kind: session.kind,
    format: session.format,
    times: labels(session.startsAt, session.endsAt),
    location: resolveText(session.location, lang),
    joinUrl: online?.joinUrl ?? null,
    accessCode: online?.accessCode ?? null,
    agenda: timeline.items.map((timed) => {
      const item = byId.get(timed.id)!;
      return {
        number: timed.number,
        depth: timed.depth,
        title: resolveText(item.title, lang) ?? '',
        kind: item.kind,
        durationMinutes: item.durationMinutes,
        presenters: item.presenterIds.map((id) => resolveText(agenda.presenters.get(id) ?? {}, lang) ?? ''),
        times: labels(timed.plannedStart, timed.plannedEnd),
      };
    }),
    plannedMinutes: timeline.plannedMinutes,
    sessionMinutes: timeline.sessionMinutes,
    overrunMinutes: timeline.overrunMinutes,
  };
}
