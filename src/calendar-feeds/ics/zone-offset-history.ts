import { IANAZone } from 'luxon';
import { formatWallClock } from './ics-text.js';
import { MINUTE_MS } from '../../common/time/durations.js';

/**
 * Transitions are found by sampling the offset once per step and bisecting where it changed, so a
 * zone that changes its offset and back within one step would be missed; tz data since 1970 has
 * no such episode shorter than a day.
 */
const SCAN_STEP_SECONDS = 24 * 60 * 60;

/**
 * Histories are a function of the runtime's tz data alone, which does not change while the process
 * runs, so feeds rendered again and again over the same years reuse them.
 */
const MAX_CACHED_HISTORIES = 200;
const historyCache = new Map<string, ZoneOffsetHistory>();

export interface OffsetTransition {
  readonly epochSeconds: number;
  readonly offsetBeforeMinutes: number;
  readonly offsetAfterMinutes: number;
}

/** Every UTC offset an IANA zone had from `fromSeconds` to `toSeconds`, per the runtime's tz data. */
export interface ZoneOffsetHistory {
  /** The zone's name as the caller spelled it, for TZID. */
  readonly tzid: string;
  readonly zone: IANAZone;
  readonly fromSeconds: number;
  readonly toSeconds: number;
  readonly initialOffsetMinutes: number;
  /** In time order; each is the first second with the new offset. */
  readonly transitions: readonly OffsetTransition[];
}

export function scanZoneOffsetHistory(zone: string, from: Date, to: Date): ZoneOffsetHistory {
  const ianaZone = IANAZone.create(zone);
  if (!ianaZone.isValid) {
    throw new RangeError(`Unknown time zone: ${zone}`);
  }
  const fromSeconds = Math.floor(from.getTime() / 1000);
  const toSeconds = Math.ceil(to.getTime() / 1000);
  if (!(fromSeconds <= toSeconds)) {
    throw new RangeError('The time zone span must not end before it starts');
  }
  return {
    tzid: zone,
    zone: ianaZone,
    fromSeconds,
    toSeconds,
    initialOffsetMinutes: tzDataOffsetMinutes(ianaZone, fromSeconds),
    transitions: findOffsetTransitions(ianaZone, fromSeconds, toSeconds),
  };
}

export function cachedZoneOffsetHistory(zone: string, from: Date, to: Date): ZoneOffsetHistory {
  const key = `${zone}|${from.getTime()}|${to.getTime()}`;
  let history = historyCache.get(key);
  if (!history) {
    history = scanZoneOffsetHistory(zone, from, to);
    if (historyCache.size >= MAX_CACHED_HISTORIES) {
      historyCache.delete(historyCache.keys().next().value!);
    }
    historyCache.set(key, history);
  }
  return history;
}

/** The offset in force at `instant`: looked up in the history inside its span, in the tz data outside. */
export function offsetMinutesAt(history: ZoneOffsetHistory, instant: Date): number {
  const epochSeconds = Math.floor(instant.getTime() / 1000);
  if (!(epochSeconds >= history.fromSeconds && epochSeconds <= history.toSeconds)) {
    return tzDataOffsetMinutes(history.zone, epochSeconds);
  }
  const { transitions } = history;
  let low = 0;
  let high = transitions.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (transitions[middle].epochSeconds <= epochSeconds) low = middle + 1;
    else high = middle;
  }
  return low === 0 ? history.initialOffsetMinutes : transitions[low - 1].offsetAfterMinutes;
}

/** Same result as `formatLocal`, without asking Intl for each instant. */
export function formatLocalFromHistory(history: ZoneOffsetHistory, instant: Date): string {
  return formatWallClock(instant.getTime() + offsetMinutesAt(history, instant) * MINUTE_MS);
}

function tzDataOffsetMinutes(zone: IANAZone, epochSeconds: number): number {
  const offset = zone.offset(epochSeconds * 1000);
  if (!Number.isFinite(offset)) {
    throw new RangeError('Invalid date');
  }
  return offset;
}

function findOffsetTransitions(zone: IANAZone, fromSeconds: number, toSeconds: number): OffsetTransition[] {
  const transitions: OffsetTransition[] = [];
  let cursor = fromSeconds;
  let cursorOffset = tzDataOffsetMinutes(zone, cursor);
  while (cursor < toSeconds) {
    const probe = Math.min(cursor + SCAN_STEP_SECONDS, toSeconds);
    if (tzDataOffsetMinutes(zone, probe) === cursorOffset) {
      cursor = probe;
      continue;
    }
    let lastWithOldOffset = cursor;
    let firstWithNewOffset = probe;
    while (firstWithNewOffset - lastWithOldOffset > 1) {
      const middle = Math.floor((lastWithOldOffset + firstWithNewOffset) / 2);
      if (tzDataOffsetMinutes(zone, middle) === cursorOffset) lastWithOldOffset = middle;
      else firstWithNewOffset = middle;
    }
    const offsetAfter = tzDataOffsetMinutes(zone, firstWithNewOffset);
    transitions.push({
      epochSeconds: firstWithNewOffset,
      offsetBeforeMinutes: cursorOffset,
      offsetAfterMinutes: offsetAfter,
    });
    cursor = firstWithNewOffset;
    cursorOffset = offsetAfter;
  }
  return transitions;
}
