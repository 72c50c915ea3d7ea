import { resolveInstant, utcIso } from './zoned-time.js';

function instantOf(value: string, zone: string): string {
  const result = resolveInstant(value, zone, 'start');
  if ('problem' in result) throw new Error(result.problem.message);
  return utcIso(result.instant);
}

function problemOf(value: string, zone: string): unknown {
  const result = resolveInstant(value, zone, 'start');
  return 'problem' in result ? result.problem : `accepted as ${utcIso(result.instant)}`;
}

describe('resolveInstant reads wall times in the zone of the time', () => {
  it.each([
    ['2021-07-01T10:00', 'Asia/Tehran', '2021-07-01T05:30:00Z'], // Iran still had DST (+04:30)
    ['2023-07-01T10:00', 'Asia/Tehran', '2023-07-01T06:30:00Z'], // no DST since 2022-09-22
    ['2013-07-01T10:00', 'Europe/Moscow', '2013-07-01T06:00:00Z'], // Moscow was UTC+4
    ['2026-07-01T10:00', 'Europe/Moscow', '2026-07-01T07:00:00Z'],
    ['2026-07-01T10:00:45', 'Europe/Moscow', '2026-07-01T07:00:45Z'],
    ['2023-03-22T00:30', 'Asia/Tehran', '2023-03-21T21:00:00Z'], // the old DST gap no longer exists
    ['2026-03-29T01:59', 'Europe/Berlin', '2026-03-29T00:59:00Z'],
    ['2026-03-29T03:00', 'Europe/Berlin', '2026-03-29T01:00:00Z'],
    ['2026-10-25T01:59', 'Europe/Berlin', '2026-10-24T23:59:00Z'],
    ['2026-10-25T03:00', 'Europe/Berlin', '2026-10-25T02:00:00Z'],
    ['2026-12-01T21:00', 'Pacific/Kiritimati', '2026-12-01T07:00:00Z'],
    ['1970-01-01T00:00', 'UTC', '1970-01-01T00:00:00Z'],
    ['2200-12-31T23:59', 'UTC', '2200-12-31T23:59:00Z'],
  ])('%s in %s is %s', (value, zone, expected) => {
    expect(instantOf(value, zone)).toBe(expected);
  });
});

describe('resolveInstant reads instants with an offset whatever the zone', () => {
  it.each([
    ['2026-12-01T10:00:00+03:00', 'Asia/Tehran', '2026-12-01T07:00:00Z'],
    ['2026-12-01T07:00Z', 'Europe/Moscow', '2026-12-01T07:00:00Z'],
    ['2026-12-01T07:00:00.000Z', 'Europe/Moscow', '2026-12-01T07:00:00Z'],
    ['2026-12-01T10:30+03:30', 'Europe/Moscow', '2026-12-01T07:00:00Z'],
    ['2026-12-01T02:00-05:00', 'Asia/Tehran', '2026-12-01T07:00:00Z'],
    // Both readings of a repeated hour, chosen by their offset:
    ['2026-10-25T02:30+02:00', 'Europe/Berlin', '2026-10-25T00:30:00Z'],
    ['2026-10-25T02:30+01:00', 'Europe/Berlin', '2026-10-25T01:30:00Z'],
    ['2026-11-01T01:30-04:00', 'America/New_York', '2026-11-01T05:30:00Z'],
    ['2026-11-01T01:30-05:00', 'America/New_York', '2026-11-01T06:30:00Z'],
  ])('%s (zone %s) is %s', (value, zone, expected) => {
    expect(instantOf(value, zone)).toBe(expected);
  });
});

describe('resolveInstant refuses wall times a clock change skips or repeats', () => {
  it.each([
    [
      '2026-03-29T02:30',
      'Europe/Berlin',
      '2026-03-29T02:30 does not exist in Europe/Berlin: clocks jump forward from 02:00 to 03:00 (DST gap). ' +
        'Use a time either side, e.g. 2026-03-29T01:30+01:00 or 2026-03-29T03:30+02:00',
    ],
    [
      '2026-03-08T02:30',
      'America/New_York',
      '2026-03-08T02:30 does not exist in America/New_York: clocks jump forward from 02:00 to 03:00 (DST gap). ' +
        'Use a time either side, e.g. 2026-03-08T01:30-05:00 or 2026-03-08T03:30-04:00',
    ],
    [
      '2022-03-22T00:30',
      'Asia/Tehran',
      '2022-03-22T00:30 does not exist in Asia/Tehran: clocks jump forward from 00:00 to 01:00 (DST gap). ' +
        'Use a time either side, e.g. 2022-03-21T23:30+03:30 or 2022-03-22T01:30+04:30',
    ],
    [
      '2026-10-25T02:30',
      'Europe/Berlin',
      '2026-10-25T02:30 is ambiguous in Europe/Berlin: clocks go back, so it happens twice (DST fold). ' +
        'Give an offset: 2026-10-25T02:30+02:00 for the first or 2026-10-25T02:30+01:00 for the second',
    ],
    [
      '2026-11-01T01:30',
      'America/New_York',
      '2026-11-01T01:30 is ambiguous in America/New_York: clocks go back, so it happens twice (DST fold). ' +
        'Give an offset: 2026-11-01T01:30-04:00 for the first or 2026-11-01T01:30-05:00 for the second',
    ],
    [
      '2014-10-26T01:15',
      'Europe/Moscow',
      '2014-10-26T01:15 is ambiguous in Europe/Moscow: clocks go back, so it happens twice (DST fold). ' +
        'Give an offset: 2014-10-26T01:15+04:00 for the first or 2014-10-26T01:15+03:00 for the second',
    ],
  ])('%s in %s', (value, zone, message) => {
    expect(problemOf(value, zone)).toEqual({ path: 'start', message });
  });
});

describe('resolveInstant refuses malformed and out-of-range times', () => {
  const expectedShape =
    'expected a local time like 2026-12-01T10:00 or an instant with an offset like 2026-12-01T10:00:00+03:00, got ';
  it.each([
    ['2026-12-01 10:00', `${expectedShape}"2026-12-01 10:00"`],
    ['2026-12-01T10', `${expectedShape}"2026-12-01T10"`],
    ['2026-12-01T10:00+0300', `${expectedShape}"2026-12-01T10:00+0300"`],
    ['tomorrow', `${expectedShape}"tomorrow"`],
    ['', `${expectedShape}""`],
    ['2026-02-30T10:00', '2026-02-30T10:00 is not a valid date and time'],
    ['2026-12-01T24:00', '2026-12-01T24:00 is not a valid date and time'],
    ['2026-12-01T10:00+19:00', '+19:00 is not a valid UTC offset'],
    ['1969-12-31T23:00', 'year 1969 is out of range: only years 1970 to 2200 are accepted'],
    ['1969-12-31T23:00Z', 'year 1969 is out of range: only years 1970 to 2200 are accepted'],
    ['2201-01-01T00:00', 'year 2201 is out of range: only years 1970 to 2200 are accepted'],
  ])('%j', (value, message) => {
    expect(problemOf(value, 'Europe/Berlin')).toEqual({ path: 'start', message });
  });

  it('names the path it was given', () => {
    expect(resolveInstant('2026-03-29T02:30', 'Europe/Berlin', 'sessions[2].end')).toMatchObject({
      problem: { path: 'sessions[2].end' },
    });
  });
});
