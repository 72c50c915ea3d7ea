import { localIso, resolveSessionTimes, type SessionTimesInput, utcIso } from './zoned-time.js';

function resolved(input: SessionTimesInput): unknown {
  const result = resolveSessionTimes(input);
  if ('problems' in result) return result;
  return { startsAt: utcIso(result.startsAt), endsAt: utcIso(result.endsAt) };
}

describe('resolveSessionTimes accepts', () => {
  it.each<[string, SessionTimesInput, string, string]>([
    [
      'a Tehran wall time and a duration',
      { start: '2026-12-01T10:00', durationMinutes: 90, timeZone: 'Asia/Tehran' },
      '2026-12-01T06:30:00Z',
      '2026-12-01T08:00:00Z',
    ],
    [
      'Moscow wall times for start and end',
      { start: '2013-07-01T10:00', end: '2013-07-01T12:30', timeZone: 'Europe/Moscow' },
      '2013-07-01T06:00:00Z',
      '2013-07-01T08:30:00Z',
    ],
    [
      'a wall time with an end given as an instant',
      { start: '2026-12-01T10:00', end: '2026-12-01T09:00Z', timeZone: 'Europe/Moscow' },
      '2026-12-01T07:00:00Z',
      '2026-12-01T09:00:00Z',
    ],
    [
      'a session of exactly 7 days',
      { start: '2026-12-01T10:00', durationMinutes: 7 * 24 * 60, timeZone: 'Europe/Moscow' },
      '2026-12-01T07:00:00Z',
      '2026-12-08T07:00:00Z',
    ],
    [
      'a start in the repeated hour when it carries an offset',
      { start: '2026-10-25T02:30+01:00', durationMinutes: 30, timeZone: 'Europe/Berlin' },
      '2026-10-25T01:30:00Z',
      '2026-10-25T02:00:00Z',
    ],
  ])('%s', (_, input, startsAt, endsAt) => {
    expect(resolved(input)).toEqual({ startsAt, endsAt });
  });

  it('counts durationMinutes as elapsed time across a DST change', () => {
    const result = resolveSessionTimes({
      start: '2026-10-25T01:30',
      durationMinutes: 120,
      timeZone: 'Europe/Berlin',
    });
    if ('problems' in result) throw new Error(JSON.stringify(result.problems));
    expect([localIso(result.startsAt, 'Europe/Berlin'), localIso(result.endsAt, 'Europe/Berlin')]).toEqual([
      '2026-10-25T01:30:00+02:00',
      '2026-10-25T02:30:00+01:00',
    ]);
  });
});

describe('resolveSessionTimes rejects', () => {
  it.each<[string, SessionTimesInput, Array<{ path: string; message: string }>]>([
    [
      'an unknown zone',
      { start: '2026-12-01T10:00', durationMinutes: 60, timeZone: 'Asia/Teheran' },
      [{ path: 'timeZone', message: 'Asia/Teheran is a deprecated alias; use Asia/Tehran' }],
    ],
    [
      'a missing start, and neither end nor duration',
      { timeZone: 'Asia/Tehran' },
      [
        { path: 'start', message: 'start is required' },
        { path: 'end', message: 'give end or durationMinutes' },
      ],
    ],
    [
      'both end and duration',
      { start: '2026-12-01T10:00', end: '2026-12-01T11:00', durationMinutes: 60, timeZone: 'Asia/Tehran' },
      [{ path: 'end', message: 'give either end or durationMinutes, not both' }],
    ],
    [
      'a zero duration',
      { start: '2026-12-01T10:00', durationMinutes: 0, timeZone: 'Asia/Tehran' },
      [
        {
          path: 'durationMinutes',
          message: 'durationMinutes must be a positive whole number of minutes, got 0',
        },
      ],
    ],
    [
      'a fractional duration',
      { start: '2026-12-01T10:00', durationMinutes: 1.5, timeZone: 'Asia/Tehran' },
      [
        {
          path: 'durationMinutes',
          message: 'durationMinutes must be a positive whole number of minutes, got 1.5',
        },
      ],
    ],
    [
      'an end before the start',
      { start: '2026-12-01T10:00', end: '2026-12-01T09:30', timeZone: 'Asia/Tehran' },
      [
        {
          path: 'end',
          message: 'end (2026-12-01T09:30:00+03:30) must be after start (2026-12-01T10:00:00+03:30)',
        },
      ],
    ],
    [
      'an end equal to the start, written in another offset',
      { start: '2026-12-01T10:00', end: '2026-12-01T06:30Z', timeZone: 'Asia/Tehran' },
      [
        {
          path: 'end',
          message: 'end (2026-12-01T10:00:00+03:30) must be after start (2026-12-01T10:00:00+03:30)',
        },
      ],
    ],
    [
      '7 days and 1 minute by duration',
      { start: '2026-12-01T10:00', durationMinutes: 7 * 24 * 60 + 1, timeZone: 'Europe/Moscow' },
      [
        {
          path: 'durationMinutes',
          message: 'a session may last at most 7 days (10080 minutes); this one lasts 10081 minutes',
        },
      ],
    ],
    [
      '7 days and 1 minute by end',
      { start: '2026-12-01T10:00', end: '2026-12-08T10:01', timeZone: 'Europe/Moscow' },
      [
        {
          path: 'end',
          message: 'a session may last at most 7 days (10080 minutes); this one lasts 10081 minutes',
        },
      ],
    ],
    [
      'a start in 1969',
      { start: '1969-12-31T10:00', durationMinutes: 60, timeZone: 'UTC' },
      [{ path: 'start', message: 'year 1969 is out of range: only years 1970 to 2200 are accepted' }],
    ],
    [
      'an end in 2201',
      { start: '2200-12-31T10:00', end: '2201-01-01T10:00', timeZone: 'UTC' },
      [{ path: 'end', message: 'year 2201 is out of range: only years 1970 to 2200 are accepted' }],
    ],
    [
      'a duration that ends in 2201',
      { start: '2200-12-31T23:00', durationMinutes: 120, timeZone: 'UTC' },
      [{ path: 'durationMinutes', message: 'the session would end in 2201, after 2200' }],
    ],
  ])('%s', (_, input, problems) => {
    expect(resolved(input)).toEqual({ problems });
  });

  it('reports a skipped start and an ambiguous end together', () => {
    const result = resolveSessionTimes({
      start: '2026-03-29T02:30',
      end: '2026-10-25T02:30',
      timeZone: 'Europe/Berlin',
    });
    expect(result).toEqual({
      problems: [
        {
          path: 'start',
          message:
            '2026-03-29T02:30 does not exist in Europe/Berlin: clocks jump forward from 02:00 to 03:00 (DST gap). ' +
            'Use a time either side, e.g. 2026-03-29T01:30+01:00 or 2026-03-29T03:30+02:00',
        },
        {
          path: 'end',
          message:
            '2026-10-25T02:30 is ambiguous in Europe/Berlin: clocks go back, so it happens twice (DST fold). ' +
            'Give an offset: 2026-10-25T02:30+02:00 for the first or 2026-10-25T02:30+01:00 for the second',
        },
      ],
    });
  });

  it('names the fields by the paths it is given', () => {
    const result = resolveSessionTimes(
      { start: '2026-12-01T10:00', durationMinutes: -5, timeZone: 'Mars/Olympus' },
      { durationMinutes: 'body.durationMinutes', timeZone: 'body.timeZone' },
    );
    expect(result).toEqual({
      problems: [
        {
          path: 'body.timeZone',
          message: 'unknown time zone "Mars/Olympus"; use an IANA name like Asia/Tehran',
        },
        {
          path: 'body.durationMinutes',
          message: 'durationMinutes must be a positive whole number of minutes, got -5',
        },
      ],
    });
  });
});
