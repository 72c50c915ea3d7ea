import { expandSeries } from './expand.js';
import { problemsOf, type SeriesRequest } from './expand.fixture.js';

describe('expandSeries problems', () => {
  const weeklyMoscow = { timeZone: 'Europe/Moscow', startDate: '2026-01-06', startTime: '10:00' };

  it.each<[string, Partial<SeriesRequest>, string]>([
    [
      'COUNT above the limit',
      { rule: 'FREQ=DAILY;COUNT=501' },
      'COUNT=501 is more than the limit of 500 occurrences',
    ],
    [
      'too many occurrences before UNTIL',
      { rule: 'FREQ=DAILY;UNTIL=20280101' },
      'the series has more than 500 occurrences; end it earlier with UNTIL',
    ],
    [
      'a custom occurrence limit',
      { rule: 'FREQ=WEEKLY;COUNT=4', maxOccurrences: 3 },
      'COUNT=4 is more than the limit of 3 occurrences',
    ],
    [
      'UNTIL beyond five years',
      { rule: 'FREQ=MONTHLY;UNTIL=20310107' },
      'UNTIL 2031-01-07 is more than 5 years after the start 2026-01-06',
    ],
    [
      'COUNT running beyond five years',
      { rule: 'FREQ=MONTHLY;COUNT=62' },
      'the series runs past 5 years after its start 2026-01-06: only 61 of COUNT=62 occurrences start by 2031-01-06',
    ],
    [
      'UNTIL before the start',
      { rule: 'FREQ=WEEKLY;UNTIL=20251231' },
      'the rule gives no occurrence between the start 2026-01-06 and UNTIL 2025-12-31',
    ],
    ['a zero duration', { durationMinutes: 0 }, 'durationMinutes must be a positive whole number (got 0)'],
    [
      'a negative duration',
      { durationMinutes: -30 },
      'durationMinutes must be a positive whole number (got -30)',
    ],
    [
      'a duration over 7 days',
      { durationMinutes: 10081 },
      'durationMinutes must be at most 10080 (7 days) (got 10081)',
    ],
    [
      'an impossible date',
      { startDate: '2026-02-30' },
      'startDate must be a real date YYYY-MM-DD (got 2026-02-30)',
    ],
    [
      'a date before 1970',
      { startDate: '1969-12-31' },
      'startDate must be between 1970 and 2200 (got 1969-12-31)',
    ],
    ['an hour 24', { startTime: '24:00' }, 'startTime must be HH:mm from 00:00 to 23:59 (got 24:00)'],
    ['a one-digit hour', { startTime: '9:00' }, 'startTime must be HH:mm from 00:00 to 23:59 (got 9:00)'],
    ['an unknown zone', { timeZone: 'Mars/Olympus' }, 'timeZone Mars/Olympus is not a known IANA time zone'],
  ])('rejects %s', (_label, change, expectedProblem) => {
    expect(problemsOf({ rule: 'FREQ=WEEKLY;COUNT=4', ...weeklyMoscow, ...change })).toEqual([
      expectedProblem,
    ]);
  });

  it('rejects a hand-built rule that parseRule would have refused', () => {
    const expansion = expandSeries({
      rule: { freq: 'WEEKLY', interval: 0, byDay: [{ weekday: 2, ordinal: 2 }] },
      durationMinutes: 60,
      ...weeklyMoscow,
    });
    expect(expansion).toEqual({
      problems: [
        'INTERVAL must be a whole number of at least 1 (got 0)',
        'BYDAY=2TU: ordinals such as 2TU or -1FR are only allowed with FREQ=MONTHLY',
        'a series needs COUNT or UNTIL: open-ended series are not supported',
      ],
    });
  });
});
