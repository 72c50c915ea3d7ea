import { DAY_MS } from './durations.js';

/** A date with no zone attached: calendar arithmetic that no DST change can disturb. */
export type CalendarDate = { year: number; month: number; day: number };

/** Days since 1970-01-01, so that dates compare and step as plain numbers. */
export type EpochDay = number;

export function toEpochDay({ year, month, day }: CalendarDate): EpochDay {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

export function fromEpochDay(epochDay: EpochDay): CalendarDate {
  const midnightUtc = new Date(epochDay * DAY_MS);
  return {
    year: midnightUtc.getUTCFullYear(),
    month: midnightUtc.getUTCMonth() + 1,
    day: midnightUtc.getUTCDate(),
  };
}

/** ISO weekday, 1 = Monday … 7 = Sunday; 1970-01-01 was a Thursday. */
export function isoWeekday(epochDay: EpochDay): number {
  return ((((epochDay + 3) % 7) + 7) % 7) + 1;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function parseIsoDate(text: string): CalendarDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number);
  const isRealDate = month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
  return isRealDate ? { year, month, day } : null;
}

export function formatIsoDate({ year, month, day }: CalendarDate): string {
  return [String(year).padStart(4, '0'), String(month).padStart(2, '0'), String(day).padStart(2, '0')].join(
    '-',
  );
}

/** The same date some years later; 29 February becomes the 28th in a common year. */
export function addYears(date: CalendarDate, years: number): CalendarDate {
  const year = date.year + years;
  return { year, month: date.month, day: Math.min(date.day, daysInMonth(year, date.month)) };
}
