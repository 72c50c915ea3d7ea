import {
  daysInMonth,
  type EpochDay,
  fromEpochDay,
  isoWeekday,
  toEpochDay,
} from '../../common/time/calendar-date.js';
import type { RecurrenceRule, WeekdayRule } from './rrule.js';

/** Where a day sits in its month, as BYDAY ordinals and BYMONTHDAY need it. */
type DayOfMonth = { day: number; weekday: number; daysInMonth: number };

/**
 * The first day of the n-th period the rule steps through: DAILY counts days from the start,
 * WEEKLY weeks from the start's week (beginning on WKST), MONTHLY months from the start's month.
 */
export function nthPeriodStart(rule: RecurrenceRule, startDay: EpochDay, period: number): EpochDay {
  const step = period * rule.interval;
  if (rule.freq === 'DAILY') return startDay + step;
  if (rule.freq === 'MONTHLY') {
    const { year, month } = fromEpochDay(startDay);
    return toEpochDay({ year, month: month + step, day: 1 });
  }
  const daysSinceWeekStart = (isoWeekday(startDay) - (rule.wkst ?? 1) + 7) % 7;
  return startDay - daysSinceWeekStart + 7 * step;
}

/** The days of one period that the rule picks, in order; some may precede the start. */
export function candidateDays(rule: RecurrenceRule, startDay: EpochDay, periodStart: EpochDay): EpochDay[] {
  const { byDay, byMonthDay } = rule;
  if (rule.freq === 'DAILY') {
    const { year, month, day } = fromEpochDay(periodStart);
    const date = { day, weekday: isoWeekday(periodStart), daysInMonth: daysInMonth(year, month) };
    const matches =
      (!byDay || matchesByDay(date, byDay)) && (!byMonthDay || matchesMonthDay(date, byMonthDay));
    return matches ? [periodStart] : [];
  }
  if (rule.freq === 'WEEKLY') {
    const weekdays: number[] = byDay?.map((entry) => entry.weekday) ?? [isoWeekday(startDay)];
    return dayOffsets(7)
      .filter((offset) => weekdays.includes(isoWeekday(periodStart + offset)))
      .map((offset) => periodStart + offset);
  }
  const { year, month } = fromEpochDay(periodStart);
  const startDayOfMonth = fromEpochDay(startDay).day;
  const length = daysInMonth(year, month);
  return dayOffsets(length)
    .filter((offset) => {
      const date = { day: offset + 1, weekday: isoWeekday(periodStart + offset), daysInMonth: length };
      // RFC 5545: BYDAY limits BYMONTHDAY when both are given, and expands the month otherwise.
      if (byMonthDay) return matchesMonthDay(date, byMonthDay) && (!byDay || matchesByDay(date, byDay));
      if (byDay) return matchesByDay(date, byDay);
      return date.day === startDayOfMonth;
    })
    .map((offset) => periodStart + offset);
}

function dayOffsets(length: number): number[] {
  return Array.from({ length }, (_, offset) => offset);
}

function matchesByDay(date: DayOfMonth, byDay: WeekdayRule[]): boolean {
  const weekOfMonthFromStart = Math.ceil(date.day / 7);
  const weekOfMonthFromEnd = -Math.ceil((date.daysInMonth - date.day + 1) / 7);
  return byDay.some(
    ({ weekday, ordinal }) =>
      weekday === date.weekday &&
      (ordinal === undefined || ordinal === weekOfMonthFromStart || ordinal === weekOfMonthFromEnd),
  );
}

function matchesMonthDay(date: DayOfMonth, byMonthDay: number[]): boolean {
  return byMonthDay.some((day) => (day > 0 ? day : date.daysInMonth + 1 + day) === date.day);
}
