import { zoneOffsetMinutes } from './zone-offset.js';

describe('zoneOffsetMinutes', () => {
  it.each([
    ['Asia/Tehran', '2021-07-01T05:30:00Z', 270],
    ['Asia/Tehran', '2021-12-01T06:30:00Z', 210],
    ['Asia/Tehran', '2023-07-01T06:30:00Z', 210],
    ['Europe/Moscow', '2013-07-01T06:00:00Z', 240],
    ['Europe/Moscow', '2015-01-15T07:00:00Z', 180],
    ['Europe/Berlin', '2026-03-29T00:59:59Z', 60],
    ['Europe/Berlin', '2026-03-29T01:00:00Z', 120],
    ['Europe/Berlin', '2026-10-25T00:59:59Z', 120],
    ['Europe/Berlin', '2026-10-25T01:00:00Z', 60],
    ['America/New_York', '2026-03-08T06:59:59Z', -300],
    ['America/New_York', '2026-03-08T07:00:00Z', -240],
    ['Asia/Kolkata', '2026-01-01T00:00:00Z', 330],
  ])('%s at %s is %i minutes', (zone, instant, expected) => {
    // Asked twice: the second answer comes from the cache and must agree.
    expect(zoneOffsetMinutes(zone, Date.parse(instant))).toBe(expected);
    expect(zoneOffsetMinutes(zone, Date.parse(instant))).toBe(expected);
  });

  it('answers exactly on both sides of a transition inside a quarter hour (Tehran 2022-03-21T20:30Z)', () => {
    const change = Date.parse('2022-03-21T20:30:00Z');
    expect(zoneOffsetMinutes('Asia/Tehran', change - 1000)).toBe(210);
    expect(zoneOffsetMinutes('Asia/Tehran', change)).toBe(270);
  });

  it('refuses an unknown zone', () => {
    expect(() => zoneOffsetMinutes('Mars/Olympus', 0)).toThrow(RangeError);
  });
});
