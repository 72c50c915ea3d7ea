import {
  contentLine,
  escapeText,
  foldLine,
  formatLocal,
  formatUtc,
  removeControlCharacters,
} from './ics-text.js';
import { vTimezoneLines } from './vtimezone.js';
import { spanCoveringEvents } from './vtimezone-span.js';
import {
  formatLocalFromHistory,
  cachedZoneOffsetHistory,
  type ZoneOffsetHistory,
} from './zone-offset-history.js';

export interface IcsEvent {
  uid: string;
  dtstamp: Date;
  created: Date;
  lastModified: Date;
  sequence: number;
  start: Date;
  end: Date;
  /** IANA zone of record: DTSTART, DTEND, EXDATE and RECURRENCE-ID are written as wall times in it. */
  timeZone: string;
  summary: string;
  description?: string;
  location?: string;
  url?: string;
  conference?: { uri: string; label?: string };
  categories?: string[];
  status: 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';
  /** An RFC 5545 RRULE value such as `FREQ=WEEKLY;BYDAY=TU;UNTIL=20270101T000000Z`, written as is. */
  rrule?: string;
  /** Extra instances outside the RRULE (written as local times with TZID). */
  rdates?: Date[];
  exdates?: Date[];
  recurrenceId?: Date;
  /** iTIP (e-mail) only: the secretariat, written as ORGANIZER. Feeds carry no addresses. */
  organizer?: { email: string; name?: string };
  /** iTIP (e-mail) only: the one recipient, written as ATTENDEE with RSVP=TRUE. */
  attendee?: {
    email: string;
    name?: string;
    partstat: 'NEEDS-ACTION' | 'ACCEPTED' | 'DECLINED' | 'TENTATIVE';
  };
}

export interface IcsCalendar {
  prodId: string;
  name: string;
  /** Written as X-WR-TIMEZONE, the zone clients show the calendar in by default. */
  timeZone: string;
  events: IcsEvent[];
  /** The span the feed covers; VTIMEZONEs are generated for it, widened to cover every event. */
  span: { from: Date; to: Date };
  /** PUBLISH for feeds and downloads; REQUEST or CANCEL for iTIP messages. */
  method?: 'PUBLISH' | 'REQUEST' | 'CANCEL';
}

const CRLF = '\r\n';

type LocalTimeFormatter = (instant: Date, zone: string) => string;

/** A complete iCalendar object: folded lines, CRLF line ends, a final CRLF. */
export function renderCalendar(calendar: IcsCalendar): string {
  const histories = scanZoneHistories(calendar);
  // Local times come from the same scan as the VTIMEZONEs, so the two cannot disagree.
  const formatLocalTime: LocalTimeFormatter = (instant, zone) =>
    formatLocalFromHistory(histories.get(zone)!, instant);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    contentLine('PRODID', {}, escapeText(calendar.prodId)),
    'CALSCALE:GREGORIAN',
    'METHOD:' + (calendar.method ?? 'PUBLISH'),
    contentLine('NAME', {}, escapeText(calendar.name)),
    contentLine('X-WR-CALNAME', {}, escapeText(calendar.name)),
    contentLine('X-WR-TIMEZONE', {}, escapeText(calendar.timeZone)),
    'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
    'X-PUBLISHED-TTL:PT1H',
  ];
  for (const history of histories.values()) {
    lines.push(...vTimezoneLines(history).map(foldLine));
  }
  for (const event of calendar.events) {
    lines.push(...eventLines(event, formatLocalTime));
  }
  lines.push('END:VCALENDAR');
  return lines.join(CRLF) + CRLF;
}

/** One history per zone the events use, sorted by name so the output does not depend on event order. */
function scanZoneHistories(calendar: IcsCalendar): Map<string, ZoneOffsetHistory> {
  const zones = [...new Set(calendar.events.map((event) => event.timeZone))].sort();
  const histories = new Map<string, ZoneOffsetHistory>();
  if (zones.length > 0) {
    const span = spanCoveringEvents(calendar.span, calendar.events);
    for (const zone of zones) {
      histories.set(zone, cachedZoneOffsetHistory(zone, span.from, span.to));
    }
  }
  return histories;
}

/** The folded lines of one VEVENT, from BEGIN to END. */
export function renderEventLines(event: IcsEvent): string[] {
  return eventLines(event, formatLocal);
}

function eventLines(event: IcsEvent, formatLocalTime: LocalTimeFormatter): string[] {
  const zone = event.timeZone;
  const lines = [
    'BEGIN:VEVENT',
    contentLine('UID', {}, escapeText(event.uid)),
    'DTSTAMP:' + formatUtc(event.dtstamp),
    'CREATED:' + formatUtc(event.created),
    'LAST-MODIFIED:' + formatUtc(event.lastModified),
    'SEQUENCE:' + formatSequence(event.sequence),
    contentLine('DTSTART', { TZID: zone }, formatLocalTime(event.start, zone)),
    contentLine('DTEND', { TZID: zone }, formatLocalTime(event.end, zone)),
  ];
  if (event.rrule) {
    lines.push(contentLine('RRULE', {}, removeControlCharacters(event.rrule)));
  }
  if (event.rdates && event.rdates.length > 0) {
    lines.push(
      contentLine('RDATE', { TZID: zone }, formatExceptionDates(event.rdates, zone, formatLocalTime)),
    );
  }
  if (event.exdates && event.exdates.length > 0) {
    lines.push(
      contentLine('EXDATE', { TZID: zone }, formatExceptionDates(event.exdates, zone, formatLocalTime)),
    );
  }
  if (event.recurrenceId) {
    lines.push(contentLine('RECURRENCE-ID', { TZID: zone }, formatLocalTime(event.recurrenceId, zone)));
  }
  lines.push(...participantLines(event));
  lines.push(contentLine('SUMMARY', {}, escapeText(event.summary)));
  if (event.description) {
    lines.push(contentLine('DESCRIPTION', {}, escapeText(event.description)));
  }
  if (event.location) {
    lines.push(contentLine('LOCATION', {}, escapeText(event.location)));
  }
  if (event.url) {
    lines.push(contentLine('URL', { VALUE: 'URI' }, removeControlCharacters(event.url)));
  }
  if (event.conference) {
    lines.push(conferenceLine(event.conference));
  }
  const categories = (event.categories ?? []).filter((category) => category.length > 0);
  if (categories.length > 0) {
    lines.push(contentLine('CATEGORIES', {}, categories.map(escapeText).join(',')));
  }
  lines.push('STATUS:' + event.status, 'TRANSP:OPAQUE', 'END:VEVENT');
  return lines;
}

function participantLines(event: IcsEvent): string[] {
  const lines: string[] = [];
  if (event.organizer) {
    const params: Record<string, string> = event.organizer.name ? { CN: event.organizer.name } : {};
    lines.push(contentLine('ORGANIZER', params, `mailto:${removeControlCharacters(event.organizer.email)}`));
  }
  if (event.attendee) {
    const params: Record<string, string> = {
      ...(event.attendee.name ? { CN: event.attendee.name } : {}),
      ROLE: 'REQ-PARTICIPANT',
      PARTSTAT: event.attendee.partstat,
      RSVP: 'TRUE',
    };
    lines.push(contentLine('ATTENDEE', params, `mailto:${removeControlCharacters(event.attendee.email)}`));
  }
  return lines;
}

function formatSequence(sequence: number): string {
  if (!Number.isSafeInteger(sequence) || sequence < 0) {
    throw new RangeError(`SEQUENCE must be a non-negative integer, got ${sequence}`);
  }
  return String(sequence);
}

/** Sorted and without duplicates, so the order the exceptions were stored in does not change the output. */
function formatExceptionDates(exdates: Date[], zone: string, formatLocalTime: LocalTimeFormatter): string {
  const sortedInstants = [...exdates].sort((left, right) => left.getTime() - right.getTime());
  return [...new Set(sortedInstants.map((exdate) => formatLocalTime(exdate, zone)))].join(',');
}

function conferenceLine(conference: { uri: string; label?: string }): string {
  const params: Record<string, string> = { VALUE: 'URI', FEATURE: 'VIDEO' };
  if (conference.label) {
    params.LABEL = conference.label;
  }
  return contentLine('CONFERENCE', params, removeControlCharacters(conference.uri));
}
