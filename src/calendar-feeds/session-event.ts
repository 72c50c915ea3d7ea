import { computeAgendaTimeline, type AgendaTimelineInput } from '../agenda/agenda-timeline.js';
import { resolveText, type LocalizedText } from '../common/i18n/localized-text.js';
import type { Session } from '../sessions/session.entity.js';
import { feedWords } from './feed-words.js';
import type { IcsEvent } from './ics/ics-writer.js';
import { clockText, localDigits, zoneLabel } from './zone-labels.js';

export interface FeedAgendaItem extends AgendaTimelineInput {
  title: LocalizedText;
}

export interface EventContext {
  locale: string;
  /** The parties' zones, the reader's own first: the agenda in DESCRIPTION shows its times in each. */
  zones: string[];
  /** Base of links to the portal's pages, without a trailing slash. */
  publicBaseUrl: string;
  /** Working group names, for CATEGORIES. */
  workingGroupNames?: Map<string, LocalizedText>;
}

const STATUS: Record<Session['status'], IcsEvent['status']> = {
  draft: 'TENTATIVE',
  scheduled: 'CONFIRMED',
  cancelled: 'CANCELLED',
};

/** One session as the VEVENT every feed and `.ics` download shares. */
export function sessionToEvent(session: Session, agenda: FeedAgendaItem[], context: EventContext): IcsEvent {
  const words = feedWords(context.locale);
  const title = resolveText(session.title, context.locale) ?? '';
  const cancelled = session.status === 'cancelled';
  const online = session.onlineMeeting;
  const groupName = session.workingGroupId
    ? context.workingGroupNames?.get(session.workingGroupId)
    : undefined;
  return {
    uid: session.id,
    dtstamp: session.updatedAt,
    created: session.createdAt,
    lastModified: session.updatedAt,
    sequence: session.sequence,
    start: session.startsAt,
    end: session.endsAt,
    timeZone: session.timeZone,
    // Outlook ignores STATUS, so a cancelled session says so where everyone looks.
    summary: cancelled ? `${words.cancelled}: ${title}` : title,
    description: describe(session, agenda, context),
    location: resolveText(session.location, context.locale) ?? undefined,
    url: sessionPageUrl(context.publicBaseUrl, session.id),
    conference:
      online && session.format !== 'in_person'
        ? { uri: online.joinUrl, label: online.provider ?? words.join }
        : undefined,
    categories: [
      words.kinds[session.kind],
      words.formats[session.format],
      ...(groupName ? [resolveText(groupName, context.locale) ?? ''] : []),
    ].filter((category) => category !== ''),
    status: STATUS[session.status],
  };
}

/** The session's page on the delegate portal: what URL in every event and notice links to. */
export function sessionPageUrl(publicBaseUrl: string, sessionId: string): string {
  return `${publicBaseUrl}/sessions/${sessionId}`;
}

/** The description, then the agenda with planned times in each party's zone, then how to join. */
function describe(session: Session, agenda: FeedAgendaItem[], context: EventContext): string {
  const words = feedWords(context.locale);
  const parts: string[] = [];
  const reason =
    session.status === 'cancelled' ? resolveText(session.cancellationReason, context.locale) : null;
  if (reason) parts.push(`${words.cancelled}. ${words.reason}: ${reason}`);
  const description = resolveText(session.description, context.locale);
  if (description) parts.push(description);
  if (agenda.length > 0) {
    const zones = context.zones.length > 0 ? context.zones : [session.timeZone];
    const byId = new Map(agenda.map((item) => [item.id, item]));
    const timeline = computeAgendaTimeline(session.startsAt, session.endsAt, agenda);
    const lines = timeline.items.map((timed) => {
      const times = zones
        .map(
          (zone) =>
            `${clockText(timed.plannedStart, zone, context.locale)}–${clockText(timed.plannedEnd, zone, context.locale)} ${zoneLabel(zone, context.locale)}`,
        )
        .join(' / ');
      const indent = timed.depth === 1 ? '   ' : '';
      return `${indent}${localDigits(timed.number, context.locale)}. ${resolveText(byId.get(timed.id)!.title, context.locale) ?? ''} (${times})`;
    });
    parts.push(`${words.agenda}:\n${lines.join('\n')}`);
  }
  if (session.onlineMeeting && session.format !== 'in_person') {
    const code = session.onlineMeeting.accessCode
      ? `\n${words.accessCode}: ${session.onlineMeeting.accessCode}`
      : '';
    parts.push(`${words.join}: ${session.onlineMeeting.joinUrl}${code}`);
  }
  return parts.join('\n\n');
}
