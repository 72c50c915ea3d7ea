import Holidays from 'date-holidays';
import type { Occurrence } from './expand.js';
import {
  formatIsoDate,
  fromEpochDay,
  isoWeekday,
  parseIsoDate,
  toEpochDay,
} from '../../common/time/calendar-date.js';
import { localDateOf } from '../../common/time/wall-clock.js';
import { isKnownTimeZone } from '../../common/time/time-zones.js';
import { DAY_MS } from '../../common/time/durations.js';

export type PartyCalendar = {
  code: string;
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  workWeek: number[];
  /** ISO 3166-1 alpha-2 country whose public holidays (from date-holidays) apply. */
  holidayCountry?: string | null;
  /** Local dates 'YYYY-MM-DD'. */
  extraNonWorkingDays?: string[];
  /** Local dates 'YYYY-MM-DD' that are worked whatever else says, e.g. a Russian transfer Saturday. */
  extraWorkingDays?: string[];
};

export type NonWorkingReasonCode = 'weekend' | 'holiday' | 'extra_non_working_day';
export type NonWorkingReason = { reason: NonWorkingReasonCode; name?: string };
export type SkippedOccurrence = {
  recurrenceId: string;
  partyCode: string;
  reason: NonWorkingReasonCode;
  name?: string;
};
export type WorkingOccurrences = { kept: Occurrence[]; skipped: SkippedOccurrence[] };

const holidayCalendars = new Map<string, Holidays>();
const publicHolidaysByCountryYear = new Map<string, Map<string, string[]>>();

/**
 * Why a party does not work on a local date, or null when it does. Precedence: extra working
 * days, extra non-working days, public holidays, then the days outside the party's work week.
 */
export function nonWorkingReason(localDate: string, party: PartyCalendar): NonWorkingReason | null {
  const date = parseIsoDate(localDate);
  if (!date) throw new RangeError(`not a date YYYY-MM-DD: ${localDate}`);
  if (party.extraWorkingDays?.includes(localDate)) return null;
  if (party.extraNonWorkingDays?.includes(localDate)) return { reason: 'extra_non_working_day' };
  if (party.holidayCountry) {
    const country = party.holidayCountry.toUpperCase();
    const names = [
      ...(publicHolidays(country, date.year).get(localDate) ?? []),
      ...(publicHolidays(country, date.year - 1).get(localDate) ?? []),
    ];
    if (names.length > 0) return { reason: 'holiday', name: [...new Set(names)].join(' / ') };
  }
  if (!party.workWeek.includes(isoWeekday(toEpochDay(date)))) return { reason: 'weekend' };
  return null;
}

/**
 * Keeps the occurrences every party works on. The date judged is the occurrence's local start
 * date in the series' zone of record, the same date for every party: the zone the organizers chose,
 * and for Tehran and Moscow, 30 minutes apart, only a start between midnight and 00:30 would differ.
 */
export function filterWorkingOccurrences(
  occurrences: Occurrence[],
  timeZone: string,
  parties: PartyCalendar[],
): WorkingOccurrences {
  if (!isKnownTimeZone(timeZone)) throw new RangeError(`unknown time zone ${timeZone}`);
  const kept: Occurrence[] = [];
  const skipped: SkippedOccurrence[] = [];
  for (const occurrence of occurrences) {
    const localDate = localDateOf(occurrence.startsAt, timeZone);
    const objections = parties.flatMap((party) => {
      const objection = nonWorkingReason(localDate, party);
      return objection
        ? [{ recurrenceId: occurrence.recurrenceId, partyCode: party.code, ...objection }]
        : [];
    });
    if (objections.length === 0) kept.push(occurrence);
    skipped.push(...objections);
  }
  return { kept, skipped };
}

/** Public holiday names by local date, including days of multi-day holidays that spill into the next year. */
function publicHolidays(country: string, year: number): Map<string, string[]> {
  const key = `${country}:${year}`;
  const cached = publicHolidaysByCountryYear.get(key);
  if (cached) return cached;
  const namesByDate = new Map<string, string[]>();
  for (const holiday of holidayCalendar(country).getHolidays(year)) {
    if (holiday.type !== 'public') continue;
    // Islamic holidays start at sunset the evening before (`start`), but `date` is the civil day off.
    const firstDate = parseIsoDate(holiday.date.slice(0, 10));
    const lengthInDays = Math.max(1, Math.round((holiday.end.getTime() - holiday.start.getTime()) / DAY_MS));
    // Some Persian names come in Arabic presentation forms (U+FExx); NFKC gives ordinary letters.
    const name = holiday.name.normalize('NFKC');
    for (let offset = 0; firstDate && offset < lengthInDays; offset++) {
      const date = formatIsoDate(fromEpochDay(toEpochDay(firstDate) + offset));
      namesByDate.set(date, [...(namesByDate.get(date) ?? []), name]);
    }
  }
  publicHolidaysByCountryYear.set(key, namesByDate);
  return namesByDate;
}

function holidayCalendar(country: string): Holidays {
  const cached = holidayCalendars.get(country);
  if (cached) return cached;
  if (!(country in new Holidays().getCountries())) {
    throw new RangeError(`date-holidays has no public holidays for country ${country}`);
  }
  const calendar = new Holidays(country);
  holidayCalendars.set(country, calendar);
  return calendar;
}
