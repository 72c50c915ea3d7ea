import { DateTime } from 'luxon';
import { nextTimingChange, sessionTiming } from './session-timing.js';

// A Tehran session on 2026-12-01, 10:00–12:00 local (UTC+03:30 all year since 2022).
const start = DateTime.fromISO('2026-12-01T10:00', { zone: 'Asia/Tehran' }).toJSDate();
const end = DateTime.fromISO('2026-12-01T12:00', { zone: 'Asia/Tehran' }).toJSDate();

describe('sessionTiming', () => {
  it.each([
    ['2026-12-01T06:29:59Z', 'upcoming'],
    ['2026-12-01T06:30:00Z', 'in_progress'],
    ['2026-12-01T08:29:59Z', 'in_progress'],
    ['2026-12-01T08:30:00Z', 'over'],
    ['2027-03-01T00:00:00Z', 'over'],
  ])('at %s the session is %s', (now, expected) => {
    expect(sessionTiming(start, end, new Date(now))).toBe(expected);
  });
});

describe('nextTimingChange', () => {
  const tehran = { startsAt: start, endsAt: end };
  // A Moscow session the next day, 10:00–11:00 local (UTC+03:00).
  const moscow = {
    startsAt: new Date('2026-12-02T07:00:00Z'),
    endsAt: new Date('2026-12-02T08:00:00Z'),
  };
  it.each([
    ['before both: the first start', '2026-12-01T06:00:00Z', '2026-12-01T06:30:00.000Z'],
    ['at the first start: its end', '2026-12-01T06:30:00Z', '2026-12-01T08:30:00.000Z'],
    ['during the first: its end', '2026-12-01T07:00:00Z', '2026-12-01T08:30:00.000Z'],
    ['between them: the second start', '2026-12-01T08:30:00Z', '2026-12-02T07:00:00.000Z'],
    ['during the second: its end', '2026-12-02T07:30:00Z', '2026-12-02T08:00:00.000Z'],
  ])('%s', (_case, now, expected) => {
    expect(new Date(nextTimingChange([tehran, moscow], Date.parse(now))).toISOString()).toBe(expected);
  });

  it('is never once every session is over', () => {
    expect(nextTimingChange([tehran, moscow], Date.parse('2026-12-02T08:00:00Z'))).toBe(
      Number.POSITIVE_INFINITY,
    );
    expect(nextTimingChange([], Date.parse('2026-12-02T08:00:00Z'))).toBe(Number.POSITIVE_INFINITY);
  });
});
