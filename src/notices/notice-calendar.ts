import type { IcsEvent } from '../calendar-feeds/ics/ics-writer.js';
import { renderCalendar } from '../calendar-feeds/ics/ics-writer.js';
import type { Rsvp } from '../sessions/session-participant.entity.js';

const PARTSTAT: Record<Rsvp, NonNullable<IcsEvent['attendee']>['partstat']> = {
  needs_action: 'NEEDS-ACTION',
  accepted: 'ACCEPTED',
  declined: 'DECLINED',
  tentative: 'TENTATIVE',
};

export interface NoticeCalendarInput {
  method: 'REQUEST' | 'CANCEL';
  /** The VEVENTs exactly as feeds and downloads write them (same UID, SEQUENCE, RECURRENCE-ID). */
  events: IcsEvent[];
  timeZone: string;
  organizer: { email: string; name?: string };
  attendee: { email: string; name?: string; rsvp: Rsvp };
}

/**
 * The iTIP calendar of one message: the shared VEVENTs with the secretariat as ORGANIZER and
 * the recipient as the only ATTENDEE. A CANCEL marks its events cancelled, so that clients
 * remove them (a withdrawn invitation too: for that person the event is gone).
 */
export function noticeCalendar(input: NoticeCalendarInput): string {
  const events = input.events.map((event) => ({
    ...event,
    status: input.method === 'CANCEL' ? ('CANCELLED' as const) : event.status,
    organizer: input.organizer,
    attendee: {
      email: input.attendee.email,
      name: input.attendee.name,
      partstat: PARTSTAT[input.attendee.rsvp],
    },
  }));
  const instants = events.flatMap((event) => [
    event.start.getTime(),
    event.end.getTime(),
    ...(event.recurrenceId ? [event.recurrenceId.getTime()] : []),
  ]);
  return renderCalendar({
    prodId: '-//Quorum//Joint committee scheduler//EN',
    name: 'Quorum',
    timeZone: input.timeZone,
    method: input.method,
    span: { from: new Date(Math.min(...instants)), to: new Date(Math.max(...instants)) },
    events,
  });
}
