import { resolveText } from '../../common/i18n/localized-text.js';
import type { Rsvp } from '../../sessions/session-participant.entity.js';
import type { Session } from '../../sessions/session.entity.js';
import type { Messages, PortalLanguage } from '../i18n/messages.js';
import { localDate, localDay, zonedLabels, type ZonedLabel } from './zoned-labels.js';

export interface SessionListEntry {
  id: string;
  title: string;
  status: Session['status'];
  times: ZonedLabel[];
  /** The viewer's answer; null when not invited. */
  rsvp: Rsvp | null;
}

export interface SessionDay {
  /** `2026-12-01` in the viewer's zone. */
  day: string;
  label: string;
  sessions: SessionListEntry[];
}

/** Sessions grouped by the viewer's local day, each with its times in the parties' zones. */
export function groupByDay(
  sessions: Session[],
  partyZones: Map<string, string[]>,
  answers: Map<string, Rsvp>,
  viewerZone: string,
  lang: PortalLanguage,
  t: Messages,
): SessionDay[] {
  const days: SessionDay[] = [];
  for (const session of sessions) {
    const day = localDay(session.startsAt, viewerZone);
    let group = days.find((candidate) => candidate.day === day);
    if (!group) {
      group = { day, label: localDate(session.startsAt, viewerZone, lang), sessions: [] };
      days.push(group);
    }
    const zones = [session.timeZone, ...(partyZones.get(session.committeeId) ?? [])];
    group.sessions.push({
      id: session.id,
      title: resolveText(session.title, lang) ?? '',
      status: session.status,
      times: zonedLabels(
        { startsAt: session.startsAt, endsAt: session.endsAt, zoneOfRecord: session.timeZone },
        [...new Set(zones)],
        viewerZone,
        lang,
        t,
      ),
      rsvp: answers.get(session.id) ?? null,
    });
  }
  return days;
}
