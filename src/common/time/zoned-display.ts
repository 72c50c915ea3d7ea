import { zoneOffsetMinutes } from './zone-offset.js';
import { DAY_MS, MINUTE_MS } from './durations.js';

export type DisplayTime = { timeZone: string; start: string; end: string; dayOffset: number };

/** ISO 8601 in the zone's offset, to the second: `2026-12-01T10:00:00+03:00` (UTC gives `+00:00`). */
export function localIso(instant: Date, zone: string): string {
  const epochMs = wholeSecondsMs(instant);
  const offset = zoneOffsetMinutes(zone, epochMs);
  return `${new Date(epochMs + offset * MINUTE_MS).toISOString().slice(0, 19)}${offsetText(offset)}`;
}

/** ISO 8601 in UTC, to the second: `2026-12-01T07:00:00Z`. */
export function utcIso(instant: Date): string {
  return `${new Date(wholeSecondsMs(instant)).toISOString().slice(0, 19)}Z`;
}

/**
 * The session's times in each zone asked (once each, in the order asked). `dayOffset` is the
 * zone's local start date minus the zone of record's, in days: 23:30 in Moscow is +1 in Tehran.
 */
export function displayTimes(
  startsAt: Date,
  endsAt: Date,
  zoneOfRecord: string,
  zones: string[],
): DisplayTime[] {
  const recordDay = localDayNumber(startsAt, zoneOfRecord);
  return [...new Set(zones)].map((timeZone) => ({
    timeZone,
    start: localIso(startsAt, timeZone),
    end: localIso(endsAt, timeZone),
    dayOffset: localDayNumber(startsAt, timeZone) - recordDay,
  }));
}

/** `+03:30`, `-05:00`, `+00:00`. */
export function offsetText(offsetMinutes: number): string {
  const magnitude = Math.abs(offsetMinutes);
  const hours = String(Math.floor(magnitude / 60)).padStart(2, '0');
  const minutes = String(magnitude % 60).padStart(2, '0');
  return `${offsetMinutes < 0 ? '-' : '+'}${hours}:${minutes}`;
}

/** The wall clock `HH:mm` that `instant` reads under a given offset. */
export function clockAtOffset(instant: Date, offsetMinutes: number): string {
  return new Date(instant.getTime() + offsetMinutes * MINUTE_MS).toISOString().slice(11, 16);
}

/** `2026-03-29T01:30+01:00`: a wall time to the minute with the offset it has in `zone`. */
export function localMinuteWithOffset(instant: Date, zone: string): string {
  return localIso(instant, zone).replace(/:00(?=[+-]\d{2}:\d{2}$)/, '');
}

function localDayNumber(instant: Date, zone: string): number {
  const epochMs = wholeSecondsMs(instant);
  return Math.floor((epochMs + zoneOffsetMinutes(zone, epochMs) * MINUTE_MS) / DAY_MS);
}

function wholeSecondsMs(instant: Date): number {
  return Math.floor(instant.getTime() / 1000) * 1000;
}
