import { findAvailability, type BusyTime, type SearchParticipant } from './availability.js';
import {
  addDays,
  besideHoliday,
  cityOf,
  datesBetween,
  intersect,
  localClock,
  localDate,
  partyDay,
  type Interval,
  type PartyDay,
  type PartySchedule,
} from './working-calendar.js';
import { MINUTE_MS } from '../common/time/durations.js';

export type { BusyTime, SearchParticipant } from './availability.js';

export interface SlotSearchInput {
  parties: PartySchedule[];
  /** Local dates in `timeZone`, both inclusive: a slot starts on one of them. */
  from: string;
  to: string;
  timeZone: string;
  durationMinutes: number;
  granularityMinutes: number;
  participants: SearchParticipant[];
  busy: BusyTime[];
  /** Party code → at least this many of its listed participants free. */
  minPerParty: Record<string, number>;
  /** Preferred local times of day in `timeZone` ('HH:mm'); slots outside them rank lower. */
  earliestLocal?: string;
  latestLocal?: string;
  limit: number;
}

export type Reason = { code: string; message: string } & Record<string, unknown>;
export interface Slot {
  startsAt: Date;
  endsAt: Date;
  score: number;
  reasons: Reason[];
}
export interface SlotSearchResult {
  slots: Slot[];
  /** Why there is no slot; empty when there are slots. */
  reasons: Reason[];
}

const BESIDE_HOLIDAY_PENALTY = 5;
const OUTSIDE_PREFERENCE_PENALTY = 10;

/**
 * Ranked meeting times that suit every party. A slot lies inside every party's working hours,
 * on a working day of every party (each party's dates in its own zone), and has every required
 * participant free (or, for a party in `minPerParty`, enough of its listed participants).
 * Scores start at 100 and lose points for tentative conflicts, busy participants, distance from
 * each party's midday, a holiday next door and a time outside the preferences. Equal scores
 * are ordered by start, so the same input always gives the same answer.
 */
export function searchSlots(input: SlotSearchInput): SlotSearchResult {
  const { parties } = input;
  const durationMs = input.durationMinutes * MINUTE_MS;
  // Party dates around the range: the range is in the answer's zone, a party's day may start earlier.
  const partyDates = datesBetween(addDays(input.from, -1), addDays(input.to, 1));
  const dayOf = memoized((party: PartySchedule, date: string) => partyDay(party, date));
  const besideOf = memoized((party: PartySchedule, date: string) => besideHoliday(party, date));
  const hoursByParty = parties.map((party) =>
    partyDates.map((date) => dayOf(party, date)).flatMap((day) => (day.hours ? [day.hours] : [])),
  );
  const common = hoursByParty.reduce((shared, hours) => intersect(shared, hours));
  const starts = candidateStarts(common, input, durationMs);
  if (starts.length === 0) return { slots: [], reasons: emptyReasons(input, common, durationMs) };

  const availability = findAvailability(input);
  const slots: Slot[] = [];
  for (const start of starts) {
    const interval = { start, end: start + durationMs };
    const check = availability.judge(interval);
    if (!check.feasible) continue;
    const reasons: Reason[] = [...check.reasons];
    let score = 100 - check.penalty;
    for (const party of parties) {
      const distance = middayDistance(party, interval, dayOf(party, localDate(start, party.timeZone)));
      score -= Math.round(distance.minutes / 30);
      reasons.push(distance.reason);
      const beside = besideOf(party, localDate(start, party.timeZone));
      if (beside) {
        score -= BESIDE_HOLIDAY_PENALTY;
        reasons.push({
          code: 'beside_holiday',
          partyCode: party.code,
          date: beside.date,
          message: `The day ${beside.side} a public holiday for ${party.code} (${beside.name ?? beside.date})`,
        });
      }
    }
    if (!withinPreference(interval, input)) {
      score -= OUTSIDE_PREFERENCE_PENALTY;
      reasons.push({
        code: 'outside_preference',
        message: `Outside the preferred ${input.earliestLocal ?? '00:00'}–${input.latestLocal ?? '24:00'} ${cityOf(input.timeZone)}`,
      });
    }
    slots.push({ startsAt: new Date(start), endsAt: new Date(interval.end), score, reasons });
  }
  slots.sort((a, b) => b.score - a.score || a.startsAt.getTime() - b.startsAt.getTime());
  if (slots.length === 0) return { slots, reasons: availability.whyNone(starts, durationMs) };
  return { slots: slots.slice(0, input.limit), reasons: [] };
}

/** Starts on the answer zone's clock grid (every `granularityMinutes` from local midnight), inside one common interval. */
function candidateStarts(common: Interval[], input: SlotSearchInput, durationMs: number): number[] {
  const step = input.granularityMinutes * MINUTE_MS;
  const starts: number[] = [];
  for (const interval of common) {
    // The grid is local: find the offset of this interval's start from a grid point on the local clock.
    const [hour, minute] = localClock(interval.start, input.timeZone).split(':').map(Number);
    const minutesIntoDay = hour * 60 + minute + new Date(interval.start).getUTCSeconds() / 60;
    const past = (minutesIntoDay * MINUTE_MS) % step;
    for (let start = interval.start + (past === 0 ? 0 : step - past); start + durationMs <= interval.end;) {
      const date = localDate(start, input.timeZone);
      if (date >= input.from && date <= input.to) starts.push(start);
      start += step;
    }
  }
  return starts;
}

function middayDistance(
  party: PartySchedule,
  interval: Interval,
  day: PartyDay,
): { minutes: number; reason: Reason } {
  const hours = day.hours ?? interval;
  const midday = (hours.start + hours.end) / 2;
  const minutes = Math.round(Math.abs((interval.start + interval.end) / 2 - midday) / MINUTE_MS);
  return {
    minutes,
    reason: {
      code: 'midday_distance',
      partyCode: party.code,
      minutes,
      message: `${minutes} min from ${party.code}'s midday (${localClock(midday, party.timeZone)} ${cityOf(party.timeZone)})`,
    },
  };
}

function withinPreference(interval: Interval, input: SlotSearchInput): boolean {
  const start = localClock(interval.start, input.timeZone);
  const end = localClock(interval.end, input.timeZone);
  const sameDay = localDate(interval.start, input.timeZone) === localDate(interval.end - 1, input.timeZone);
  if (input.earliestLocal && start < input.earliestLocal) return false;
  if (input.latestLocal && (end > input.latestLocal || !sameDay)) return false;
  return true;
}

/** Why no candidate time exists at all: no common working day, or no common hours long enough. */
function emptyReasons(input: SlotSearchInput, common: Interval[], durationMs: number): Reason[] {
  const dates = datesBetween(input.from, input.to);
  const commonDays = dates.filter((date) =>
    input.parties.every((party) => partyDay(party, date).nonWorking === null),
  );
  if (commonDays.length === 0) {
    const objections = dates.slice(0, 31).flatMap((date) =>
      input.parties.flatMap((party) => {
        const reason = partyDay(party, date).nonWorking;
        return reason ? [{ date, partyCode: party.code, reason: reason.reason, name: reason.name }] : [];
      }),
    );
    return [
      {
        code: 'no_common_working_day',
        message: `No day from ${input.from} to ${input.to} is a working day for every party (${input.parties.map((p) => p.code).join(', ')})`,
        days: objections,
      },
    ];
  }
  const longest = Math.max(0, ...common.map((interval) => interval.end - interval.start));
  if (longest < durationMs) {
    return [
      {
        code: 'common_hours_too_short',
        message: `The parties' working hours overlap by at most ${Math.round(longest / MINUTE_MS)} min on a common working day; ${input.durationMinutes} min do not fit`,
      },
    ];
  }
  return [
    {
      code: 'no_time_on_the_grid',
      message: `No start on the ${input.granularityMinutes}-minute grid fits ${input.durationMinutes} min inside the common working hours`,
    },
  ];
}

/** A party's days are asked for again and again while ranking; each is worked out once per search. */
function memoized<T>(
  compute: (party: PartySchedule, date: string) => T,
): (party: PartySchedule, date: string) => T {
  const cache = new Map<string, T>();
  return (party, date) => {
    const key = `${party.id} ${date}`;
    if (!cache.has(key)) cache.set(key, compute(party, date));
    return cache.get(key)!;
  };
}
