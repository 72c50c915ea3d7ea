import ICAL from 'ical.js';
import { expandSeries } from './expand.js';
import { formatRule, parseRule, type RecurrenceRule } from './rrule.js';

function ruleOf(text: string): RecurrenceRule {
  const parsed = parseRule(text);
  if ('problems' in parsed) throw new Error(parsed.problems.join('; '));
  return parsed.rule;
}

function ourStarts(rule: RecurrenceRule, timeZone: string, localStart: string) {
  const [startDate, startTime] = localStart.split('T');
  const expansion = expandSeries({ rule, timeZone, startDate, startTime, durationMinutes: 60 });
  if ('problems' in expansion) throw new Error(expansion.problems.join('; '));
  return expansion.occurrences;
}

/** ical.js on a floating (zone-less) DTSTART: the local date-times a client derives from the rule. */
function icalLocalStarts(rruleText: string, localStart: string): string[] {
  const [year, month, day, hour, minute] = localStart.split(/[-T:]/).map(Number);
  const dtstart = ICAL.Time.fromData({ year, month, day, hour, minute, second: 0, isDate: false });
  const iterator = ICAL.Recur.fromString(rruleText).iterator(dtstart);
  const starts: string[] = [];
  for (let next = iterator.next(); next; next = iterator.next()) starts.push(next.toString().slice(0, 16));
  return starts;
}

describe('expandSeries agrees with ical.js on local start date-times', () => {
  it.each([
    ['FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;COUNT=12', '2026-01-06T10:00'],
    ['FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;COUNT=12', '2026-01-07T10:00'],
    ['FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=20', '2026-02-04T09:30'],
    ['FREQ=WEEKLY;INTERVAL=3;COUNT=10', '2026-03-26T14:00'],
    ['FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,SU;WKST=SU;COUNT=12', '1997-08-05T09:00'],
    ['FREQ=DAILY;INTERVAL=3;COUNT=40', '2026-01-30T08:00'],
    ['FREQ=DAILY;BYDAY=SA,SU;COUNT=10', '2026-01-03T11:00'],
    ['FREQ=MONTHLY;BYDAY=-1WE;COUNT=14', '2022-06-29T10:00'],
    ['FREQ=MONTHLY;BYDAY=2TU,-1FR;COUNT=24', '2026-01-01T10:00'],
    ['FREQ=MONTHLY;BYDAY=2TU;COUNT=6', '2026-01-20T10:00'],
    ['FREQ=MONTHLY;BYDAY=5MO;COUNT=6', '2026-01-01T10:00'],
    ['FREQ=MONTHLY;COUNT=12', '2026-01-31T10:00'],
    ['FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=14', '2026-01-31T10:00'],
    ['FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=1,15,-1;COUNT=18', '2026-01-01T10:00'],
    ['FREQ=MONTHLY;BYMONTHDAY=13;BYDAY=FR;COUNT=6', '2026-01-01T10:00'],
    ['FREQ=MONTHLY;INTERVAL=3;BYDAY=1MO,3MO;COUNT=10', '2026-02-02T10:00'],
  ])('%s from %s', (rruleText, localStart) => {
    const expected = icalLocalStarts(rruleText, localStart);
    const occurrences = ourStarts(ruleOf(rruleText), 'Europe/Moscow', localStart);
    expect(expected.length).toBeGreaterThan(0);
    expect(occurrences.map((occurrence) => occurrence.recurrenceId)).toEqual(expected);
  });
});

describe('a start that does not match the rule', () => {
  // RFC 5545 counts DTSTART as an occurrence even then, and ical.js does; the API does not,
  // so a feed should write the first occurrence as DTSTART, which keeps the rule's period grid.
  it.each([
    ['FREQ=DAILY;BYDAY=SA,SU;COUNT=10', '2026-01-01T11:00', '2026-01-03T11:00'],
    ['FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;COUNT=6', '2026-01-07T10:00', '2026-01-20T10:00'],
    ['FREQ=MONTHLY;BYDAY=-1FR;COUNT=6', '2026-02-02T10:00', '2026-02-27T10:00'],
  ])('%s from %s first occurs at %s, and ical.js agrees from there', (rruleText, localStart, firstStart) => {
    const occurrences = ourStarts(ruleOf(rruleText), 'Europe/Moscow', localStart);
    expect(occurrences[0].recurrenceId).toBe(firstStart);
    expect(occurrences.map((occurrence) => occurrence.recurrenceId)).toEqual(
      icalLocalStarts(rruleText, firstStart),
    );
  });
});

const VTIMEZONES: Record<string, string> = {
  'Europe/Berlin': [
    'BEGIN:VTIMEZONE',
    'TZID:Europe/Berlin',
    'BEGIN:DAYLIGHT',
    'TZOFFSETFROM:+0100',
    'TZOFFSETTO:+0200',
    'TZNAME:CEST',
    'DTSTART:19700329T020000',
    'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
    'END:DAYLIGHT',
    'BEGIN:STANDARD',
    'TZOFFSETFROM:+0200',
    'TZOFFSETTO:+0100',
    'TZNAME:CET',
    'DTSTART:19701025T030000',
    'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
    'END:STANDARD',
    'END:VTIMEZONE',
  ].join('\r\n'),
  // Valid for 2026 only: Moscow has kept +03:00 since 2014, Tehran +03:30 since 2022.
  'Europe/Moscow': fixedOffsetZone('Europe/Moscow', '+0300', 'MSK'),
  'Asia/Tehran': fixedOffsetZone('Asia/Tehran', '+0330', '+0330'),
};

function fixedOffsetZone(tzid: string, offset: string, name: string): string {
  return [
    'BEGIN:VTIMEZONE',
    `TZID:${tzid}`,
    'BEGIN:STANDARD',
    `TZOFFSETFROM:${offset}`,
    `TZOFFSETTO:${offset}`,
    `TZNAME:${name}`,
    'DTSTART:20250101T000000',
    'END:STANDARD',
    'END:VTIMEZONE',
  ].join('\r\n');
}

/** What a calendar client computes from the feed's VEVENT: DTSTART with TZID and our RRULE text. */
function clientInstants(timeZone: string, localStart: string, rruleText: string): string[] {
  const dtstart = localStart.replace(/[-:]/g, '') + '00';
  const text = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Quorum//recurrence test//EN',
    VTIMEZONES[timeZone],
    'BEGIN:VEVENT',
    'UID:series@quorum.test',
    'DTSTAMP:20260101T000000Z',
    `DTSTART;TZID=${timeZone}:${dtstart}`,
    'DURATION:PT1H',
    `RRULE:${rruleText}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ].join('\r\n');
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const vtimezone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(vtimezone);
  const iterator = new ICAL.Event(calendar.getFirstSubcomponent('vevent') ?? undefined).iterator();
  const instants: string[] = [];
  for (let next = iterator.next(); next; next = iterator.next()) instants.push(next.toJSDate().toISOString());
  return instants;
}

describe('a feed VEVENT with our RRULE expands, in ical.js, to the instants the API lists', () => {
  it.each([
    ['Europe/Berlin', '2026-03-23T10:00', 'FREQ=WEEKLY;UNTIL=20261102', 33],
    ['Europe/Berlin', '2026-01-05T18:45', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;UNTIL=20261231', 52],
    ['Europe/Moscow', '2026-01-01T10:00', 'FREQ=DAILY;UNTIL=20260105T070000Z', 5],
    ['Europe/Moscow', '2026-01-06T23:30', 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20260127', 4],
    ['Asia/Tehran', '2026-01-28T10:00', 'FREQ=MONTHLY;BYDAY=-1WE;UNTIL=20261230', 12],
  ])('%s from %s with %s', (timeZone, localStart, rruleText, expectedLength) => {
    const occurrences = ourStarts(ruleOf(rruleText), timeZone, localStart);
    const feedRule = formatRule(ruleOf(rruleText), timeZone);
    expect(feedRule).toMatch(/UNTIL=\d{8}T\d{6}Z$/);
    expect(occurrences).toHaveLength(expectedLength);
    expect(clientInstants(timeZone, localStart, feedRule)).toEqual(
      occurrences.map((occurrence) => occurrence.startsAt.toISOString()),
    );
  });
});
