import {
  instanceNaming,
  isPlainLocalTime,
  otherReadings,
  ruleForReaders,
  wallMillisOf,
  type RuleInstance,
} from './dst-corners.js';
import {
  contentLine,
  escapeText,
  formatLocal,
  formatUtc,
  formatWallClock,
  removeControlCharacters,
} from './ics-text.js';
import { MINUTE_MS } from '../../common/time/durations.js';

/** One VEVENT as Quorum writes it, and its lines: the part of iCalendar text a session or series makes. */

export interface IcsEvent {
  uid: string;
  dtstamp: Date;
  created: Date;
  lastModified: Date;
  sequence: number;
  start: Date;
  end: Date;
  /**
   * IANA zone of record: DTSTART, DTEND, EXDATE and RECURRENCE-ID are written as wall times in it,
   * unless readers would read the wall time differently (a DST gap or fold): then in UTC.
   */
  timeZone: string;
  summary: string;
  description?: string;
  location?: string;
  url?: string;
  conference?: { uri: string; label?: string };
  categories?: string[];
  status: 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';
  /** An RFC 5545 RRULE value such as `FREQ=WEEKLY;BYDAY=TU;UNTIL=20270101T000000Z`. */
  rrule?: string;
  /**
   * With `rrule`: every instance the rule gives, in order. DTSTART then carries the first one's
   * wall time (the RRULE repeats it), DURATION replaces DTEND, and instances in a DST gap or fold
   * are written so that every reader places them where the API does.
   */
  ruleInstances?: RuleInstance[];
  /** Extra instances outside the RRULE. */
  rdates?: Date[];
  /** Instances left out: with `ruleInstances`, their `startsAt`. */
  exdates?: Date[];
  recurrenceId?: Date;
  /** With `recurrenceId`: the rule instance it names, so that it is named as in the series' EXDATEs. */
  recurrenceInstance?: { wallTime: string; first: boolean };
  /** iTIP (e-mail) only: the secretariat, written as ORGANIZER. Feeds carry no addresses. */
  organizer?: { email: string; name?: string };
  /** iTIP (e-mail) only: the one recipient, written as ATTENDEE with RSVP=TRUE. */
  attendee?: {
    email: string;
    name?: string;
    partstat: 'NEEDS-ACTION' | 'ACCEPTED' | 'DECLINED' | 'TENTATIVE';
  };
}

/** Writes an instant as a wall time in a zone (`YYYYMMDDTHHMMSS`). */
export type LocalTimeFormatter = (instant: Date, zone: string) => string;

/** The folded lines of one VEVENT, from BEGIN to END. */
export function renderEventLines(event: IcsEvent): string[] {
  return eventLines(event, formatLocal);
}

export function eventLines(event: IcsEvent, formatLocalTime: LocalTimeFormatter): string[] {
  const zone = event.timeZone;
  const lines = [
    'BEGIN:VEVENT',
    contentLine('UID', {}, escapeText(event.uid)),
    'DTSTAMP:' + formatUtc(event.dtstamp),
    'CREATED:' + formatUtc(event.created),
    'LAST-MODIFIED:' + formatUtc(event.lastModified),
    'SEQUENCE:' + formatSequence(event.sequence),
  ];
  if (event.rrule && event.ruleInstances && event.ruleInstances.length > 0) {
    lines.push(...ruleLines(event, event.rrule, event.ruleInstances, formatLocalTime));
  } else {
    lines.push(
      dateTimeLine('DTSTART', event.start, zone, formatLocalTime),
      dateTimeLine('DTEND', event.end, zone, formatLocalTime),
    );
    if (event.rrule) lines.push(contentLine('RRULE', {}, removeControlCharacters(event.rrule)));
    lines.push(...dateListLines('RDATE', event.rdates ?? [], zone, formatLocalTime));
    lines.push(...dateListLines('EXDATE', event.exdates ?? [], zone, formatLocalTime));
  }
  if (event.recurrenceId) {
    lines.push(recurrenceIdLine(event, event.recurrenceId, formatLocalTime));
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

/** A date-time as a wall time with TZID when every reader reads it alike, else in UTC. */
function dateTimeLine(
  name: string,
  instant: Date,
  zone: string,
  formatLocalTime: LocalTimeFormatter,
): string {
  return isPlainLocalTime(zone, instant)
    ? contentLine(name, { TZID: zone }, formatLocalTime(instant, zone))
    : `${name}:${formatUtc(instant)}`;
}

/**
 * EXDATE or RDATE values, sorted and without duplicates so that stored order does not change the
 * output: plain wall times on one line with TZID, the others in UTC on another.
 */
function dateListLines(
  name: string,
  instants: Date[],
  zone: string,
  formatLocalTime: LocalTimeFormatter,
): string[] {
  const sorted = [...instants].sort((left, right) => left.getTime() - right.getTime());
  const wall = new Set<string>();
  const utc = new Set<string>();
  for (const instant of sorted) {
    if (isPlainLocalTime(zone, instant)) wall.add(formatLocalTime(instant, zone));
    else utc.add(formatUtc(instant));
  }
  return [
    ...(wall.size > 0 ? [contentLine(name, { TZID: zone }, [...wall].join(','))] : []),
    ...(utc.size > 0 ? [contentLine(name, {}, [...utc].join(','))] : []),
  ];
}

/**
 * A series master: DTSTART at the rule's wall time and DURATION, so the RRULE repeats the wall
 * time and every instance lasts exactly as long. An instance readers place differently is left
 * out in UTC wherever a reader would put it and added back as a UTC RDATE at the API's instant;
 * left out on purpose, the RDATE stays and is left out too (ical.js needs the pair to match).
 */
function ruleLines(
  event: IcsEvent,
  rrule: string,
  instances: RuleInstance[],
  formatLocalTime: LocalTimeFormatter,
): string[] {
  const zone = event.timeZone;
  const excluded = new Set((event.exdates ?? []).map((instant) => instant.getTime()));
  const ruleStarts = new Set(instances.map((instance) => instance.startsAt.getTime()));
  const wallExdates: string[] = [];
  const utcExdates: Date[] = [];
  const utcRdates: Date[] = [];
  instances.forEach((instance, index) => {
    const isExcluded = excluded.has(instance.startsAt.getTime());
    if (instanceNaming(zone, instance, index === 0) === 'wall') {
      if (isExcluded) wallExdates.push(formatWall(instance.wallTime));
      return;
    }
    utcExdates.push(...otherReadings(zone, instance));
    utcRdates.push(instance.startsAt);
    if (isExcluded) utcExdates.push(instance.startsAt);
  });
  const minutes = Math.round((event.end.getTime() - event.start.getTime()) / MINUTE_MS);
  return [
    contentLine('DTSTART', { TZID: zone }, formatWall(instances[0].wallTime)),
    `DURATION:PT${minutes}M`,
    contentLine('RRULE', {}, removeControlCharacters(ruleForReaders(rrule, zone, instances))),
    ...dateListLines('RDATE', [...(event.rdates ?? []), ...utcRdates], zone, formatLocalTime),
    ...(wallExdates.length > 0
      ? [contentLine('EXDATE', { TZID: zone }, [...new Set(wallExdates)].join(','))]
      : []),
    ...dateListLines(
      'EXDATE',
      (event.exdates ?? []).filter((instant) => !ruleStarts.has(instant.getTime())),
      zone,
      formatLocalTime,
    ),
    ...(utcExdates.length > 0
      ? [contentLine('EXDATE', {}, [...new Set(sortedInstants(utcExdates).map(formatUtc))].join(','))]
      : []),
  ];
}

/** RECURRENCE-ID names an instance as the master's EXDATE and RDATE do. */
function recurrenceIdLine(event: IcsEvent, recurrenceId: Date, formatLocalTime: LocalTimeFormatter): string {
  const named = event.recurrenceInstance;
  if (!named) return dateTimeLine('RECURRENCE-ID', recurrenceId, event.timeZone, formatLocalTime);
  const instance = { wallTime: named.wallTime, startsAt: recurrenceId };
  return instanceNaming(event.timeZone, instance, named.first) === 'wall'
    ? contentLine('RECURRENCE-ID', { TZID: event.timeZone }, formatWall(named.wallTime))
    : `RECURRENCE-ID:${formatUtc(recurrenceId)}`;
}

function formatWall(wallTime: string): string {
  return formatWallClock(wallMillisOf(wallTime));
}

function sortedInstants(instants: Date[]): Date[] {
  return [...instants].sort((left, right) => left.getTime() - right.getTime());
}

function conferenceLine(conference: { uri: string; label?: string }): string {
  const params: Record<string, string> = { VALUE: 'URI', FEATURE: 'VIDEO' };
  if (conference.label) {
    params.LABEL = conference.label;
  }
  return contentLine('CONFERENCE', params, removeControlCharacters(conference.uri));
}
