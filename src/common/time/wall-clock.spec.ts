import {
  addYears,
  formatIsoDate,
  fromEpochDay,
  isoWeekday,
  parseIsoDate,
  toEpochDay,
} from './calendar-date.js';
import { endOfLocalDay, localDateOf, localTimeOf, resolveWallTime } from './wall-clock.js';

describe('resolveWallTime', () => {
  it.each([
    ['an ordinary Tehran time in 2026', 'Asia/Tehran', '2026-06-10T10:00', '2026-06-10T06:30:00.000Z', 0],
    [
      'Tehran’s last DST start, at midnight',
      'Asia/Tehran',
      '2022-03-22T00:30',
      '2022-03-21T21:00:00.000Z',
      60,
    ],
    [
      'Tehran’s last DST end: the earlier 23:30',
      'Asia/Tehran',
      '2022-09-21T23:30',
      '2022-09-21T19:00:00.000Z',
      0,
    ],
    ['Samoa’s skipped 2011-12-30', 'Pacific/Apia', '2011-12-30T10:00', '2011-12-30T20:00:00.000Z', 1440],
    ['Lord Howe’s half-hour gap', 'Australia/Lord_Howe', '2026-10-04T02:15', '2026-10-03T15:45:00.000Z', 30],
  ])('handles %s', (_label, zone, wallTime, utcInstant, shiftedMinutes) => {
    const [year, month, day, hour, minute] = wallTime.split(/[-T:]/).map(Number);
    const resolved = resolveWallTime(zone, { year, month, day, hour, minute });
    expect(resolved.instant.toISOString()).toBe(utcInstant);
    expect(resolved.shiftedMinutes).toBe(shiftedMinutes);
  });

  it('ends a local day at its last second, also when the next day starts at 01:00', () => {
    expect(endOfLocalDay('Asia/Tehran', { year: 2022, month: 3, day: 21 }).toISOString()).toBe(
      '2022-03-21T20:29:59.000Z',
    );
    expect(endOfLocalDay('Europe/Moscow', { year: 2026, month: 12, day: 31 }).toISOString()).toBe(
      '2026-12-31T20:59:59.000Z',
    );
  });

  it('reads an instant’s local date and time in a zone, not the server’s', () => {
    const instant = new Date('2026-01-09T20:45:00Z');
    expect([localDateOf(instant, 'Asia/Tehran'), localTimeOf(instant, 'Asia/Tehran')]).toEqual([
      '2026-01-10',
      '00:15',
    ]);
    expect([localDateOf(instant, 'Europe/Moscow'), localTimeOf(instant, 'Europe/Moscow')]).toEqual([
      '2026-01-09',
      '23:45',
    ]);
  });
});

describe('calendar dates', () => {
  it('knows weekdays and round-trips through epoch days', () => {
    expect(isoWeekday(toEpochDay({ year: 1970, month: 1, day: 1 }))).toBe(4);
    expect(isoWeekday(toEpochDay({ year: 2026, month: 3, day: 21 }))).toBe(6);
    expect(isoWeekday(toEpochDay({ year: 1969, month: 12, day: 28 }))).toBe(7);
    expect(formatIsoDate(fromEpochDay(toEpochDay({ year: 2024, month: 2, day: 29 }) + 1))).toBe('2024-03-01');
  });

  it('parses only real dates and keeps 29 February within its month a year later', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseIsoDate('2026-02-29')).toBeNull();
    expect(parseIsoDate('2026-13-01')).toBeNull();
    expect(parseIsoDate('2026-1-01')).toBeNull();
    expect(addYears({ year: 2024, month: 2, day: 29 }, 5)).toEqual({ year: 2029, month: 2, day: 28 });
  });
});
