import { expandCalendar, expandWithNodeIcal } from '../../test/support/ical.js';
import { MINUTE_MS } from '../common/time/durations.js';
import { planSeries } from '../series/series-plan.js';
import type { Series } from '../series/series.entity.js';
import type { Session } from '../sessions/session.entity.js';
import { readWallTime, wallMillisOf } from './ics/dst-corners.js';
import { renderCalendar, type IcsEvent } from './ics/ics-writer.js';
import { seriesToEvents } from './series-events.js';
import { sessionToEvent, type EventContext } from './session-event.js';

const CONTEXT: EventContext = { locale: 'en', zones: [], publicBaseUrl: 'https://quorum.example' };
const STAMP = new Date('2020-01-01T00:00:00Z');

interface Changes {
  /** Recurrence ids of occurrences cancelled on their own. */
  cancelled?: string[];
  /** Recurrence id → the moved occurrence's new start (an instant). */
  moved?: Record<string, string>;
}

interface SeriesCase extends Changes {
  zone: string;
  startDate: string;
  startTime: string;
  durationMinutes: number;
  rule: string;
}

/** `'Europe/Berlin 2027-03-28 02:30 60 FREQ=DAILY;COUNT=3'`: zone, start date and time, minutes, rule. */
function seriesCase(timing: string, changes: Changes): SeriesCase {
  const [zone, startDate, startTime, minutes, rule] = timing.split(' ');
  return { zone, startDate, startTime, durationMinutes: Number(minutes), rule, ...changes };
}

function seriesOf(spec: SeriesCase): Series {
  return {
    id: '6a0f3c1e-2b4d-4e8f-9a1b-3c5d7e9f1a2b',
    committeeId: 'c0000000-0000-4000-8000-000000000001',
    workingGroupId: null,
    title: { en: 'Customs working group' },
    description: null,
    kind: 'working_group',
    format: 'online',
    timeZone: spec.zone,
    startDate: spec.startDate,
    startTime: spec.startTime,
    durationMinutes: spec.durationMinutes,
    rule: spec.rule,
    skipNonWorkingDays: false,
    replaceSkipped: 'none',
    location: null,
    onlineMeeting: null,
    capacity: null,
    sequence: 1,
    createdAt: STAMP,
    updatedAt: STAMP,
  };
}

/** The occurrences as the API stores them: the rule's instants, then the organizers' changes. */
function occurrencesOf(series: Series, spec: SeriesCase): Session[] {
  const plan = planSeries({ ...series, rrule: series.rule }, []);
  if ('problems' in plan) throw new Error(plan.problems.map((problem) => problem.message).join('; '));
  return plan.ruleOccurrences.map((occurrence, index) => {
    const moved = spec.moved?.[occurrence.recurrenceId];
    const startsAt = moved ? new Date(moved) : occurrence.startsAt;
    return {
      id: `0000000${index}-0000-4000-8000-000000000000`,
      committeeId: series.committeeId,
      workingGroupId: null,
      seriesId: series.id,
      recurrenceId: occurrence.recurrenceId,
      detached: false,
      title: series.title,
      description: null,
      kind: series.kind,
      format: series.format,
      status: spec.cancelled?.includes(occurrence.recurrenceId) ? 'cancelled' : 'scheduled',
      timeZone: series.timeZone,
      startsAt,
      endsAt: new Date(startsAt.getTime() + series.durationMinutes * MINUTE_MS),
      location: null,
      onlineMeeting: null,
      capacity: null,
      sequence: moved ? 2 : 1,
      version: 1,
      cancellationReason: null,
      createdAt: STAMP,
      updatedAt: STAMP,
    };
  });
}

function calendarOf(zone: string, events: IcsEvent[]): string {
  const starts = events.map((event) => event.start.getTime());
  return renderCalendar({
    prodId: '-//Quorum//Test//EN',
    name: 'DST corners',
    timeZone: zone,
    span: { from: new Date(Math.min(...starts)), to: new Date(Math.max(...starts)) },
    events,
  });
}

/** Start and end of every instance, as each reader expands the calendar. */
function readings(text: string, zone: string) {
  const from = new Date('1970-01-01T00:00:00Z');
  const to = new Date('2100-01-01T00:00:00Z');
  const pairs = (instances: Array<{ start: string; end: string }>) =>
    instances.map(({ start, end }) => `${start} – ${end}`);
  return {
    icalJs: pairs(expandCalendar(text)),
    nodeIcal: pairs(expandWithNodeIcal(text, from, to)),
    // A strict RFC 5545 reading of every written wall time: a value with TZID other than a
    // series' DTSTART (which carries the rule's time) must mean one instant only.
    ambiguousWallTimes: eventBlocks(text).flatMap((lines, _index, blocks) =>
      lines.filter(
        (line) =>
          /;TZID=/.test(line) &&
          !namesSeriesStart(line, lines, seriesStartOf(blocks)) &&
          hasAmbiguousValue(line, zone),
      ),
    ),
  };
}

/**
 * A series' DTSTART carries the rule's wall time even in a gap or fold; a RECURRENCE-ID or EXDATE
 * with that very value names the first instance, which every reader reads as it reads DTSTART.
 */
function namesSeriesStart(line: string, lines: string[], seriesStart: string | undefined): boolean {
  if (line.startsWith('DTSTART')) return lines.some((other) => other.startsWith('RRULE:'));
  return /^(RECURRENCE-ID|EXDATE)/.test(line) && line.slice(line.indexOf(':') + 1) === seriesStart;
}

function hasAmbiguousValue(line: string, zone: string): boolean {
  return line
    .slice(line.indexOf(':') + 1)
    .split(',')
    .some((value) => {
      const [, y, mo, d, h, mi] = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})/.exec(value)!;
      return readWallTime(zone, wallMillisOf(`${y}-${mo}-${d}T${h}:${mi}`)).kind !== 'plain';
    });
}

function seriesStartOf(blocks: string[][]): string | undefined {
  const master = blocks.find((lines) => lines.some((line) => line.startsWith('RRULE:')));
  const start = master?.find((line) => line.startsWith('DTSTART'));
  return start?.slice(start.indexOf(':') + 1);
}

/** The unfolded content lines of each VEVENT. */
function eventBlocks(text: string): string[][] {
  return text
    .replace(/\r\n /g, '')
    .split('BEGIN:VEVENT')
    .slice(1)
    .map((block) => block.split('\r\n'));
}

function apiInstances(sessions: Session[]): string[] {
  return sessions
    .filter((session) => session.status !== 'cancelled')
    .map((session) => `${session.startsAt.toISOString()} – ${session.endsAt.toISOString()}`)
    .sort();
}

describe('a series in a DST corner reads back as the API lists it, in ical.js and node-ical', () => {
  it.each<[string, string, Changes?]>([
    ['Berlin, first instance in the gap', 'Europe/Berlin 2027-03-28 02:30 60 FREQ=DAILY;COUNT=3'],
    [
      'Berlin, an instance in the gap, the next cancelled',
      'Europe/Berlin 2027-03-26 02:30 60 FREQ=DAILY;COUNT=5',
      { cancelled: ['2027-03-29T02:30'] },
    ],
    [
      'Berlin, the gap instance cancelled',
      'Europe/Berlin 2027-03-26 02:30 60 FREQ=DAILY;COUNT=4',
      { cancelled: ['2027-03-28T02:30'] },
    ],
    [
      'Berlin, the gap instance moved',
      'Europe/Berlin 2027-03-26 02:30 60 FREQ=DAILY;COUNT=4',
      { moved: { '2027-03-28T02:30': '2027-03-28T08:00:00Z' } },
    ],
    ['Berlin, first instance in the fold', 'Europe/Berlin 2027-10-31 02:30 60 FREQ=DAILY;COUNT=3'],
    ['Berlin, 120 minutes across the fold', 'Europe/Berlin 2027-10-30 01:30 120 FREQ=DAILY;COUNT=3'],
    ['New York, first instance in the fold', 'America/New_York 2027-11-07 01:30 60 FREQ=DAILY;COUNT=3'],
    ['New York, 01:52 for 45 minutes in the fold', 'America/New_York 2027-11-07 01:52 45 FREQ=DAILY;COUNT=3'],
    [
      'New York, first instance in the fold, cancelled',
      'America/New_York 2027-11-07 01:30 60 FREQ=DAILY;COUNT=3',
      { cancelled: ['2027-11-07T01:30'] },
    ],
    [
      'New York, a fold instance later in the series',
      'America/New_York 2027-10-31 01:30 60 FREQ=WEEKLY;BYDAY=SU;COUNT=3',
    ],
    [
      'New York, a fold instance cancelled, the next too',
      'America/New_York 2027-11-05 01:30 60 FREQ=DAILY;COUNT=5',
      { cancelled: ['2027-11-07T01:30', '2027-11-08T01:30'] },
    ],
    [
      'New York, a fold instance moved',
      'America/New_York 2027-11-06 01:30 60 FREQ=DAILY;COUNT=3',
      { moved: { '2027-11-07T01:30': '2027-11-07T15:00:00Z' } },
    ],
    [
      'New York, a gap instance of a weekly rule, UNTIL',
      'America/New_York 2027-03-07 02:30 60 FREQ=WEEKLY;UNTIL=20270401T000000Z',
    ],
    ['Lord Howe, 30-minute gap', 'Australia/Lord_Howe 2027-10-02 02:15 60 FREQ=DAILY;COUNT=3'],
    ['Lord Howe, 30-minute fold', 'Australia/Lord_Howe 2027-04-03 01:45 90 FREQ=DAILY;COUNT=3'],
    ['Chatham, gap', 'Pacific/Chatham 2027-09-26 03:00 60 FREQ=DAILY;COUNT=3'],
    ['Chatham, fold', 'Pacific/Chatham 2027-04-03 03:15 60 FREQ=DAILY;COUNT=3'],
    ['Tehran 2021, gap at midnight', 'Asia/Tehran 2021-03-21 00:30 60 FREQ=DAILY;COUNT=3'],
    ['Tehran 2021, fold before midnight', 'Asia/Tehran 2021-09-21 23:30 60 FREQ=DAILY;COUNT=2'],
    [
      'Tehran 2022, the last fold, then no DST',
      'Asia/Tehran 2022-09-14 23:30 60 FREQ=WEEKLY;BYDAY=WE;COUNT=30',
    ],
    ['Moscow 2011, the last gap', 'Europe/Moscow 2011-03-20 02:30 60 FREQ=WEEKLY;BYDAY=SU,SU;COUNT=3'],
    ['Moscow 2014, the fold to +03', 'Europe/Moscow 2014-10-26 01:30 60 FREQ=DAILY;COUNT=2'],
  ])('%s', (_name, timing, changes = {}) => {
    const spec = seriesCase(timing, changes);
    const series = seriesOf(spec);
    const sessions = occurrencesOf(series, spec);
    const text = calendarOf(
      spec.zone,
      seriesToEvents(
        series,
        sessions.map((session) => ({ session, agenda: [] })),
        CONTEXT,
      ),
    );
    const expected = apiInstances(sessions);
    expect(readings(text, spec.zone)).toEqual({
      icalJs: expected,
      nodeIcal: expected,
      ambiguousWallTimes: [],
    });
  });
});

describe('a single session in a DST corner reads back as the API stores it', () => {
  it.each<[string, string, string, number]>([
    ['New York, the second 01:30', 'America/New_York', '2027-11-07T06:30:00Z', 60],
    ['New York, 01:52 ending in the fold', 'America/New_York', '2027-11-07T05:52:00Z', 45],
    ['New York, ending in the gap hour moved forward', 'America/New_York', '2027-03-14T06:00:00Z', 90],
    [
      'Berlin, 01:30 for 120 minutes, ending at the second 02:30',
      'Europe/Berlin',
      '2027-10-30T23:30:00Z',
      120,
    ],
    ['Berlin, starting just after the gap', 'Europe/Berlin', '2027-03-28T01:00:00Z', 30],
    ['Lord Howe, in the 30-minute fold', 'Australia/Lord_Howe', '2027-04-03T14:45:00Z', 30],
    ['Chatham, in the fold', 'Pacific/Chatham', '2027-04-03T14:15:00Z', 60],
    ['Tehran 2021, the second 23:30', 'Asia/Tehran', '2021-09-21T20:00:00Z', 45],
    ['Tehran 2022, the first 23:30', 'Asia/Tehran', '2022-09-21T19:00:00Z', 45],
    ['Moscow 2011, across the last gap', 'Europe/Moscow', '2011-03-26T22:30:00Z', 120],
    ['Moscow 2014, the first 01:30', 'Europe/Moscow', '2014-10-25T21:30:00Z', 60],
  ])('%s', (_name, zone, start, minutes) => {
    const startsAt = new Date(start);
    const endsAt = new Date(startsAt.getTime() + minutes * MINUTE_MS);
    const [session] = occurrencesOf(
      seriesOf({
        zone,
        startDate: '2027-01-01',
        startTime: '10:00',
        durationMinutes: minutes,
        rule: 'FREQ=DAILY;COUNT=1',
      }),
      { zone, startDate: '2027-01-01', startTime: '10:00', durationMinutes: minutes, rule: '' },
    );
    const single = { ...session, seriesId: null, recurrenceId: null, startsAt, endsAt };
    const text = calendarOf(zone, [sessionToEvent(single, [], CONTEXT)]);
    const expected = apiInstances([single]);
    expect(readings(text, zone)).toEqual({ icalJs: expected, nodeIcal: expected, ambiguousWallTimes: [] });
  });
});
