import ICAL from 'ical.js';
import { IANAZone } from 'luxon';
import { formatLocal } from './ics-text.js';
import { buildVTimezone } from './vtimezone.js';

const HOUR_MILLIS = 60 * 60 * 1000;
// Not a divisor of a day, so the samples walk through every time of day.
const SAMPLE_STEP_MILLIS = 97 * 60 * 1000;

function readWithIcalJs(lines: string[]): ICAL.Timezone {
  const component = new ICAL.Component(ICAL.parse(lines.join('\r\n') + '\r\n'));
  return new ICAL.Timezone(component);
}

/** The instant ical.js gives a wall time (`20260329T030000`) read through `timezone`. */
function instantOfWallTime(timezone: ICAL.Timezone, wallTime: string): string {
  const [, year, month, day, hour, minute, second] = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})$/
    .exec(wallTime)!
    .map(Number);
  const time = new ICAL.Time({ year, month, day, hour, minute, second, isDate: false }, timezone);
  return new Date(time.toUnixTime() * 1000).toISOString();
}

function isAmbiguousWallTime(zone: IANAZone, millis: number): boolean {
  const offsetMillis = zone.offset(millis) * 60_000;
  return [millis - 3 * HOUR_MILLIS, millis + 3 * HOUR_MILLIS].some((nearby) => {
    const otherOffsetMillis = zone.offset(nearby) * 60_000;
    const otherInstant = millis + offsetMillis - otherOffsetMillis;
    return otherOffsetMillis !== offsetMillis && zone.offset(otherInstant) * 60_000 === otherOffsetMillis;
  });
}

function subcomponentSummaries(lines: string[]): string[] {
  return lines
    .join('\n')
    .split(/BEGIN:(?=STANDARD|DAYLIGHT)/)
    .slice(1)
    .map((block) => block.split('\nEND:')[0].replace(/\n/g, ' '));
}

describe('buildVTimezone structure', () => {
  it('gives Asia/Tehran in 2026 one STANDARD observance at +0330, since Iran dropped DST in 2022', () => {
    expect(
      buildVTimezone('Asia/Tehran', new Date('2026-01-01T00:00:00Z'), new Date('2027-01-01T00:00:00Z')),
    ).toEqual([
      'BEGIN:VTIMEZONE',
      'TZID:Asia/Tehran',
      'BEGIN:STANDARD',
      'DTSTART:20260101T033000',
      'TZOFFSETFROM:+0330',
      'TZOFFSETTO:+0330',
      'TZNAME:+0330',
      'END:STANDARD',
      'END:VTIMEZONE',
    ]);
  });

  it('gives Europe/Moscow in 2026 one STANDARD observance at +0300', () => {
    const lines = buildVTimezone(
      'Europe/Moscow',
      new Date('2026-03-15T12:00:00Z'),
      new Date('2026-12-31T00:00:00Z'),
    );
    expect(subcomponentSummaries(lines)).toEqual([
      expect.stringMatching(
        /^STANDARD DTSTART:20260315T150000 TZOFFSETFROM:\+0300 TZOFFSETTO:\+0300 TZNAME:\S+$/,
      ),
    ]);
  });

  it('lists the last two Iranian DST periods as RDATEs in the wall time before each change', () => {
    const lines = buildVTimezone(
      'Asia/Tehran',
      new Date('2021-01-01T00:00:00Z'),
      new Date('2024-01-01T00:00:00Z'),
    );
    expect(subcomponentSummaries(lines)).toEqual([
      'STANDARD DTSTART:20210101T033000 TZOFFSETFROM:+0330 TZOFFSETTO:+0330 TZNAME:+0330',
      'DAYLIGHT DTSTART:20210322T000000 TZOFFSETFROM:+0330 TZOFFSETTO:+0430 TZNAME:+0430' +
        ' RDATE:20210322T000000 RDATE:20220322T000000',
      'STANDARD DTSTART:20210922T000000 TZOFFSETFROM:+0430 TZOFFSETTO:+0330 TZNAME:+0330' +
        ' RDATE:20210922T000000 RDATE:20220922T000000',
    ]);
  });

  it('finds Moscow moving to +0400 in March 2011 and back to +0300 in October 2014, to the second', () => {
    const lines = buildVTimezone(
      'Europe/Moscow',
      new Date('2011-01-01T00:00:00Z'),
      new Date('2016-01-01T00:00:00Z'),
    );
    const onsets = lines.filter((line) => /^(DTSTART|TZOFFSET)/.test(line));
    expect(onsets).toEqual([
      'DTSTART:20110101T030000',
      'TZOFFSETFROM:+0300',
      'TZOFFSETTO:+0300',
      'DTSTART:20110327T020000',
      'TZOFFSETFROM:+0300',
      'TZOFFSETTO:+0400',
      'DTSTART:20141026T020000',
      'TZOFFSETFROM:+0400',
      'TZOFFSETTO:+0300',
    ]);
  });

  it('names Europe/Berlin observances CET and CEST with the 2026 changes at 02:00 and 03:00 local', () => {
    const lines = buildVTimezone(
      'Europe/Berlin',
      new Date('2026-01-01T00:00:00Z'),
      new Date('2027-01-01T00:00:00Z'),
    );
    expect(subcomponentSummaries(lines)).toEqual([
      'STANDARD DTSTART:20260101T010000 TZOFFSETFROM:+0100 TZOFFSETTO:+0100 TZNAME:CET',
      'DAYLIGHT DTSTART:20260329T020000 TZOFFSETFROM:+0100 TZOFFSETTO:+0200 TZNAME:CEST',
      'STANDARD DTSTART:20261025T030000 TZOFFSETFROM:+0200 TZOFFSETTO:+0100 TZNAME:CET',
    ]);
  });

  it('groups the yearly changes of America/New_York into one DAYLIGHT and one STANDARD', () => {
    const lines = buildVTimezone(
      'America/New_York',
      new Date('2024-01-01T00:00:00Z'),
      new Date('2027-01-01T00:00:00Z'),
    );
    expect(lines.filter((line) => line.startsWith('BEGIN:'))).toEqual([
      'BEGIN:VTIMEZONE',
      'BEGIN:STANDARD',
      'BEGIN:DAYLIGHT',
      'BEGIN:STANDARD',
    ]);
    expect(lines.filter((line) => line.startsWith('RDATE:'))).toEqual([
      'RDATE:20240310T020000',
      'RDATE:20250309T020000',
      'RDATE:20260308T020000',
      'RDATE:20241103T020000',
      'RDATE:20251102T020000',
      'RDATE:20261101T020000',
    ]);
    expect(lines.filter((line) => line.startsWith('TZNAME:'))).toEqual([
      'TZNAME:EST',
      'TZNAME:EDT',
      'TZNAME:EST',
    ]);
  });

  it('rejects an unknown zone and a span that ends before it starts', () => {
    const from = new Date('2026-01-01T00:00:00Z');
    expect(() => buildVTimezone('Asia/Nowhere', from, new Date('2027-01-01T00:00:00Z'))).toThrow(RangeError);
    expect(() => buildVTimezone('Asia/Tehran', from, new Date('2025-01-01T00:00:00Z'))).toThrow(RangeError);
  });
});

describe('buildVTimezone read back by ical.js', () => {
  it.each([
    ['Europe/Berlin', '20260329T015959', '2026-03-29T00:59:59.000Z'],
    ['Europe/Berlin', '20260329T030000', '2026-03-29T01:00:00.000Z'],
    ['Europe/Berlin', '20261025T015959', '2026-10-24T23:59:59.000Z'],
    ['Europe/Berlin', '20261025T030000', '2026-10-25T02:00:00.000Z'],
    ['Asia/Tehran', '20220321T235959', '2022-03-21T20:29:59.000Z'],
    ['Asia/Tehran', '20220322T010000', '2022-03-21T20:30:00.000Z'],
    ['Asia/Tehran', '20220921T225959', '2022-09-21T18:29:59.000Z'],
    ['Asia/Tehran', '20220922T000000', '2022-09-21T20:30:00.000Z'],
    ['Asia/Tehran', '20230701T100000', '2023-07-01T06:30:00.000Z'],
    ['Europe/Moscow', '20110327T015959', '2011-03-26T22:59:59.000Z'],
    ['Europe/Moscow', '20110327T030000', '2011-03-26T23:00:00.000Z'],
    ['Europe/Moscow', '20141026T005959', '2014-10-25T20:59:59.000Z'],
    ['Europe/Moscow', '20141026T020000', '2014-10-25T23:00:00.000Z'],
    ['America/New_York', '20260308T015959', '2026-03-08T06:59:59.000Z'],
    ['America/New_York', '20260308T030000', '2026-03-08T07:00:00.000Z'],
    ['America/New_York', '20261101T005959', '2026-11-01T04:59:59.000Z'],
    ['America/New_York', '20261101T020000', '2026-11-01T07:00:00.000Z'],
  ])('reads %s %s as %s', (zone, wallTime, expectedInstant) => {
    const lines = buildVTimezone(zone, new Date('2010-06-01T00:00:00Z'), new Date('2027-01-01T00:00:00Z'));
    expect(instantOfWallTime(readWithIcalJs(lines), wallTime)).toBe(expectedInstant);
  });

  it.each([
    ['Asia/Tehran', '2020-01-01T00:00:00Z', '2024-01-01T00:00:00Z'],
    ['Europe/Moscow', '2010-01-01T00:00:00Z', '2016-01-01T00:00:00Z'],
    ['Europe/Berlin', '2025-06-15T12:00:00Z', '2027-06-15T12:00:00Z'],
    ['America/New_York', '2025-01-01T00:00:00Z', '2027-01-01T00:00:00Z'],
  ])('agrees with the runtime tz data throughout %s from %s to %s', (zone, fromIso, toIso) => {
    const from = new Date(fromIso);
    const to = new Date(toIso);
    const timezone = readWithIcalJs(buildVTimezone(zone, from, to));
    const ianaZone = IANAZone.create(zone);
    const disagreements: string[] = [];
    for (let millis = from.getTime(); millis <= to.getTime(); millis += SAMPLE_STEP_MILLIS) {
      const wallTime = formatLocal(new Date(millis), zone);
      const readInstant = new Date(instantOfWallTime(timezone, wallTime));
      // In a fold the wall time names two instants; ical.js may pick either, but it must name this wall time.
      const agrees = isAmbiguousWallTime(ianaZone, millis)
        ? formatLocal(readInstant, zone) === wallTime
        : readInstant.getTime() === millis;
      if (!agrees) disagreements.push(`${wallTime} -> ${readInstant.toISOString()}`);
    }
    expect(disagreements).toEqual([]);
  });
});
