import { DateTime } from 'luxon';
import { sessionTiming } from './session-timing.js';

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
