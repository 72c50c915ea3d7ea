import { IANAZone } from 'luxon';
import { DAY_MS, MINUTE_MS } from './durations.js';

/** A local date and time as written on a wall clock, with no offset. */
export type WallTime = {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
};

export type ZonedInstant = { instant: Date; offsetMinutes: number };

/**
 * What a wall time means in a zone: one instant, none (clocks jumped over it: a gap), or two
 * (clocks were turned back over it: a fold). For a gap, `shiftedBack`/`shiftedForward` are the
 * wall time read with the offset after/before the change (e.g. 02:30 → 01:30 or 03:30 in Berlin),
 * and `jumpAt` the instant the clocks jump.
 */
export type WallTimeReading =
  | { kind: 'unique'; at: ZonedInstant }
  | { kind: 'gap'; shiftedBack: ZonedInstant; shiftedForward: ZonedInstant; jumpAt: Date }
  | { kind: 'fold'; earlier: ZonedInstant; later: ZonedInstant };

export function readWallTime(wall: WallTime, zoneName: string): WallTimeReading {
  const zone = IANAZone.create(zoneName);
  const wallAsUtc = wallAsUtcMs(wall);
  // Offset changes are far apart, so the offsets a day either side are all the candidates.
  const offsetBefore = zone.offset(wallAsUtc - DAY_MS);
  const offsetAfter = zone.offset(wallAsUtc + DAY_MS);
  const candidates = [...new Set([offsetBefore, zone.offset(wallAsUtc), offsetAfter])]
    .map((offsetMinutes) => ({ offsetMinutes, ms: wallAsUtc - offsetMinutes * MINUTE_MS }))
    .filter(({ offsetMinutes, ms }) => zone.offset(ms) === offsetMinutes)
    .sort((a, b) => a.ms - b.ms)
    .map(({ offsetMinutes, ms }) => ({ offsetMinutes, instant: new Date(ms) }));

  if (candidates.length === 1) return { kind: 'unique', at: candidates[0] };
  if (candidates.length > 1) {
    return { kind: 'fold', earlier: candidates[0], later: candidates[candidates.length - 1] };
  }
  const readWithOffsetAfter = wallAsUtc - offsetAfter * MINUTE_MS;
  const readWithOffsetBefore = wallAsUtc - offsetBefore * MINUTE_MS;
  return {
    kind: 'gap',
    shiftedBack: { instant: new Date(readWithOffsetAfter), offsetMinutes: offsetBefore },
    shiftedForward: { instant: new Date(readWithOffsetBefore), offsetMinutes: offsetAfter },
    jumpAt: new Date(firstInstantWithOffset(zone, offsetAfter, readWithOffsetAfter, readWithOffsetBefore)),
  };
}

/** The instant at which a UTC clock would show this wall time. */
export function wallAsUtcMs(wall: WallTime): number {
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, wall.millisecond);
}

/** Binary search, in whole minutes, for the first instant in (from, to] that has `offset`. */
function firstInstantWithOffset(zone: IANAZone, offset: number, fromMs: number, toMs: number): number {
  let lowMinute = Math.floor(fromMs / MINUTE_MS);
  let highMinute = Math.ceil(toMs / MINUTE_MS);
  while (highMinute - lowMinute > 1) {
    const middleMinute = Math.floor((lowMinute + highMinute) / 2);
    if (zone.offset(middleMinute * MINUTE_MS) === offset) highMinute = middleMinute;
    else lowMinute = middleMinute;
  }
  return highMinute * MINUTE_MS;
}
