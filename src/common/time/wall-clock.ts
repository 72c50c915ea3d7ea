import { IANAZone } from 'luxon';
import { DAY_MS, MINUTE_MS } from './durations.js';

/**
 * Wall-clock time: the one place where a local date and time become an instant in a zone. Every
 * feature reads wall times through `readWallTime` (what the time means) or `resolveWallTime` (the
 * instant under a policy for DST gaps and folds), never through luxon's own guess, which takes the
 * later instant in a fold.
 */

/** A local date and time as written on a wall clock, with no offset; seconds default to 0. */
export type WallTime = {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second?: number;
  millisecond?: number;
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

/**
 * What to do with a wall time that is not one instant: in a gap, refuse it or move it forward by
 * the gap's length (RFC 5545's reading); in a fold, refuse it or take the earlier or later instant.
 */
export type WallTimePolicy = {
  gap: 'refuse' | 'forward';
  fold: 'refuse' | 'earlier' | 'later';
};
type ForgivingPolicy = { gap: 'forward'; fold: 'earlier' | 'later' };

/** Occurrences and calendar days: a gap moves forward, a fold takes the first instant. */
export const FORWARD_THEN_EARLIER: ForgivingPolicy = { gap: 'forward', fold: 'earlier' };

/** Where a wall time lands; `shiftedMinutes` > 0 when it fell in a gap and was moved forward. */
export type ResolvedWallTime = { instant: Date; shiftedMinutes: number };

/** The instant of a wall time under `policy`; null when the policy refuses it. */
export function resolveWallTime(zoneName: string, wall: WallTime, policy?: ForgivingPolicy): ResolvedWallTime;
export function resolveWallTime(
  zoneName: string,
  wall: WallTime,
  policy: WallTimePolicy,
): ResolvedWallTime | null;
export function resolveWallTime(
  zoneName: string,
  wall: WallTime,
  policy: WallTimePolicy = FORWARD_THEN_EARLIER,
): ResolvedWallTime | null {
  const reading = readWallTime(wall, zoneName);
  if (reading.kind === 'unique') return { instant: reading.at.instant, shiftedMinutes: 0 };
  if (reading.kind === 'fold') {
    if (policy.fold === 'refuse') return null;
    const chosen = policy.fold === 'earlier' ? reading.earlier : reading.later;
    return { instant: chosen.instant, shiftedMinutes: 0 };
  }
  if (policy.gap === 'refuse') return null;
  const { shiftedForward, shiftedBack } = reading;
  return {
    instant: shiftedForward.instant,
    shiftedMinutes: shiftedForward.offsetMinutes - shiftedBack.offsetMinutes,
  };
}

/** The instant at which a UTC clock would show this wall time. */
export function wallAsUtcMs(wall: WallTime): number {
  const { year, month, day, hour, minute, second = 0, millisecond = 0 } = wall;
  return Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
}

/** The wall time of `instant` in `zoneName`, as the epoch milliseconds its fields have in UTC. */
export function wallMillisAt(zoneName: string, instant: Date | number): number {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  return ms + IANAZone.create(zoneName).offset(ms) * MINUTE_MS;
}

/** The local calendar date (`YYYY-MM-DD`) of `instant` in `zoneName`. */
export function localDateOf(instant: Date, zoneName: string): string {
  return new Date(wallMillisAt(zoneName, instant)).toISOString().slice(0, 10);
}

/** The local time of day (`HH:mm`) of `instant` in `zoneName`. */
export function localTimeOf(instant: Date, zoneName: string): string {
  return new Date(wallMillisAt(zoneName, instant)).toISOString().slice(11, 16);
}

/** The last second of a local date in a zone: an inclusive end for "until this date". */
export function endOfLocalDay(zoneName: string, date: { year: number; month: number; day: number }): Date {
  const nextDay = new Date(Date.UTC(date.year, date.month - 1, date.day + 1));
  const startOfNextDay = resolveWallTime(zoneName, {
    year: nextDay.getUTCFullYear(),
    month: nextDay.getUTCMonth() + 1,
    day: nextDay.getUTCDate(),
    hour: 0,
    minute: 0,
  });
  return new Date(startOfNextDay.instant.getTime() - 1000);
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
