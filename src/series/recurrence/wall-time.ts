import { DateTime, IANAZone } from 'luxon';
import { type CalendarDate, formatIsoDate, fromEpochDay, toEpochDay } from './calendar-date.js';
import { DAY_MS, MINUTE_MS } from '../../common/time/durations.js';

export type WallTime = CalendarDate & { hour: number; minute: number };

/** Where a wall-clock time lands in a zone; `shiftedMinutes` > 0 when it fell in a DST gap. */
export type ResolvedWallTime = { instant: Date; shiftedMinutes: number };

export function isKnownTimeZone(zoneName: string): boolean {
  return IANAZone.isValidZone(zoneName);
}

/**
 * Resolves a wall time without luxon's own guess, which takes the later instant in a fold:
 * a fold gives the earlier instant, a gap moves the time forward by the gap's length.
 */
export function resolveWallTime(zoneName: string, wall: WallTime): ResolvedWallTime {
  const zone = IANAZone.create(zoneName);
  const wallAsUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  const offsetDayBefore = zone.offset(wallAsUtc - DAY_MS);
  const offsetDayAfter = zone.offset(wallAsUtc + DAY_MS);
  const candidateOffsets =
    offsetDayBefore === offsetDayAfter
      ? [offsetDayBefore]
      : [...new Set([offsetDayBefore, zone.offset(wallAsUtc), offsetDayAfter])];
  const matchingInstants = candidateOffsets
    .map((offsetMinutes) => wallAsUtc - offsetMinutes * MINUTE_MS)
    .filter((instant) => wallAsUtc - zone.offset(instant) * MINUTE_MS === instant);
  if (matchingInstants.length > 0) {
    return { instant: new Date(Math.min(...matchingInstants)), shiftedMinutes: 0 };
  }
  const instant = wallAsUtc - offsetDayBefore * MINUTE_MS;
  return { instant: new Date(instant), shiftedMinutes: zone.offset(instant) - offsetDayBefore };
}

/** The last second of a local date in a zone: an inclusive end for "until this date". */
export function endOfLocalDay(zoneName: string, date: CalendarDate): Date {
  const nextDay = fromEpochDay(toEpochDay(date) + 1);
  const startOfNextDay = resolveWallTime(zoneName, { ...nextDay, hour: 0, minute: 0 });
  return new Date(startOfNextDay.instant.getTime() - 1000);
}

export function localDateOf(instant: Date, zoneName: string): string {
  const wallAsUtc = new Date(
    instant.getTime() + IANAZone.create(zoneName).offset(instant.getTime()) * MINUTE_MS,
  );
  return formatIsoDate({
    year: wallAsUtc.getUTCFullYear(),
    month: wallAsUtc.getUTCMonth() + 1,
    day: wallAsUtc.getUTCDate(),
  });
}

export function localTimeOf(instant: Date, zoneName: string): string {
  return DateTime.fromJSDate(instant, { zone: zoneName }).toFormat('HH:mm');
}
