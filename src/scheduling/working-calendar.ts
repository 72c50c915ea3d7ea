import { data as holidayData } from 'date-holidays/data';
import {
  formatIsoDate,
  fromEpochDay,
  isoWeekday,
  parseIsoDate,
  toEpochDay,
} from '../common/time/calendar-date.js';
import { nonWorkingReason, type PartyCalendar } from '../series/recurrence/non-working-days.js';
import { zoneOffsetMinutes } from '../common/time/zone-offset.js';
import { resolveWallTime } from '../common/time/wall-clock.js';
import { MINUTE_MS } from '../common/time/durations.js';

/** A party's working calendar: its work week and holidays, and its working hours in its own zone. */
export type PartySchedule = PartyCalendar & {
  id: string;
  timeZone: string;
  workingHours: { start: string; end: string };
};

export type Interval = { start: number; end: number };

/** One local date of a party: whether it works, why not, and its working hours as instants (epoch ms). */
export type PartyDay = {
  date: string;
  nonWorking: ReturnType<typeof nonWorkingReason>;
  hours: Interval | null;
};

/** The public-holiday data the answers rest on (date-holidays' own data version). */
export const HOLIDAY_DATA_VERSION = `date-holidays ${holidayData.version}`;

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export function weekdayName(localDate: string): string {
  return WEEKDAYS[isoWeekday(toEpochDay(parseIsoDate(localDate)!)) - 1];
}

export function addDays(localDate: string, days: number): string {
  return formatIsoDate(fromEpochDay(toEpochDay(parseIsoDate(localDate)!) + days));
}

/** Each date from `from` to `to`, both inclusive. */
export function datesBetween(from: string, to: string): string[] {
  const first = toEpochDay(parseIsoDate(from)!);
  const last = toEpochDay(parseIsoDate(to)!);
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, index) =>
    formatIsoDate(fromEpochDay(first + index)),
  );
}

/** The local date 'YYYY-MM-DD' of an instant (epoch ms) in a zone, through the cached offsets. */
export function localDate(instant: number, timeZone: string): string {
  return new Date(instant + zoneOffsetMinutes(timeZone, instant) * MINUTE_MS).toISOString().slice(0, 10);
}

/** The local clock 'HH:mm' of an instant (epoch ms) in a zone. */
export function localClock(instant: number, timeZone: string): string {
  return new Date(instant + zoneOffsetMinutes(timeZone, instant) * MINUTE_MS).toISOString().slice(11, 16);
}

/** The city of a zone for messages: `Europe/Moscow` reads `Moscow`. */
export function cityOf(timeZone: string): string {
  return (timeZone.split('/').at(-1) ?? timeZone).replace(/_/g, ' ');
}

/**
 * A party's local date: a holiday is the party's own local date (Nowruz in Tehran starts at
 * Tehran's midnight, not at UTC midnight), and its working hours are read in its own zone.
 */
export function partyDay(party: PartySchedule, date: string): PartyDay {
  const nonWorking = nonWorkingReason(date, party);
  return { date, nonWorking, hours: nonWorking ? null : workingHoursOn(party, date) };
}

const MAX_CACHED_HOURS = 20_000;
const hoursCache = new Map<string, Interval | null>();

/** The working hours of a local date as instants; null when the hours are empty. Remembered: zone rules do not change while running. */
export function workingHoursOn(party: PartySchedule, date: string): Interval | null {
  const key = `${party.timeZone} ${party.workingHours.start} ${party.workingHours.end} ${date}`;
  if (hoursCache.has(key)) return hoursCache.get(key)!;
  if (hoursCache.size >= MAX_CACHED_HOURS) hoursCache.clear();
  const hours = resolveWorkingHours(party, date);
  hoursCache.set(key, hours);
  return hours;
}

function resolveWorkingHours(party: PartySchedule, date: string): Interval | null {
  const calendarDate = parseIsoDate(date)!;
  const at = (time: string) => {
    const [hour, minute] = time.split(':').map(Number);
    return resolveWallTime(party.timeZone, { ...calendarDate, hour, minute }).instant.getTime();
  };
  const start = at(party.workingHours.start);
  const end = at(party.workingHours.end);
  return end > start ? { start, end } : null;
}

/** The local dates an interval touches in a zone (an interval ending at midnight does not touch the next day). */
export function localDatesTouched(interval: Interval, timeZone: string): string[] {
  const first = localDate(interval.start, timeZone);
  const last = localDate(Math.max(interval.start, interval.end - 1), timeZone);
  return datesBetween(first, last);
}

/** Whether a party's day is next to one of its public holidays: `before` it, `after` it, or neither. */
export function besideHoliday(
  party: PartySchedule,
  date: string,
): { side: 'before' | 'after'; date: string; name?: string } | null {
  for (const [side, offset] of [
    ['before', 1],
    ['after', -1],
  ] as const) {
    const neighbour = addDays(date, offset);
    const reason = nonWorkingReason(neighbour, party);
    if (reason?.reason === 'holiday') return { side, date: neighbour, name: reason.name };
  }
  return null;
}

/** Intersection of two sorted lists of disjoint intervals. */
export function intersect(left: Interval[], right: Interval[]): Interval[] {
  const result: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length) {
    const start = Math.max(left[i].start, right[j].start);
    const end = Math.min(left[i].end, right[j].end);
    if (end > start) result.push({ start, end });
    if (left[i].end < right[j].end) i++;
    else j++;
  }
  return result;
}
