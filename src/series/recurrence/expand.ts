import {
  addYears,
  type EpochDay,
  formatIsoDate,
  fromEpochDay,
  parseIsoDate,
  toEpochDay,
} from '../../common/time/calendar-date.js';
import { type RecurrenceRule, ruleProblems, untilInstant } from './rrule.js';
import { candidateDays, nthPeriodStart } from './rule-days.js';
import { endOfLocalDay, localTimeOf, resolveWallTime } from '../../common/time/wall-clock.js';
import { isKnownTimeZone } from '../../common/time/time-zones.js';
import {
  HH_MM,
  LONGEST_SESSION_MINUTES,
  MAX_SERIES_OCCURRENCES,
  MAX_SERIES_YEARS,
} from '../../common/limits.js';
import { MINUTE_MS } from '../../common/time/durations.js';

export type Occurrence = {
  /** The rule's original local start 'YYYY-MM-DDTHH:mm' in the zone of record, even when shifted. */
  recurrenceId: string;
  startsAt: Date;
  endsAt: Date;
  /** Set when the wall time fell in a DST gap on that date and was moved forward. */
  shiftedMinutes?: number;
  note?: string;
};

export type SeriesInput = {
  rule: RecurrenceRule;
  timeZone: string;
  /** Local 'YYYY-MM-DD' in `timeZone`: the rule's DTSTART date. */
  startDate: string;
  /** Local 'HH:mm': every occurrence starts at this wall-clock time. */
  startTime: string;
  durationMinutes: number;
  maxOccurrences?: number;
  maxYears?: number;
};

export type SeriesExpansion = { occurrences: Occurrence[] } | { problems: string[] };

type ExpansionPlan = {
  rule: RecurrenceRule;
  timeZone: string;
  startDay: EpochDay;
  startTime: string;
  durationMinutes: number;
  maxOccurrences: number;
  maxYears: number;
  lastAllowedDay: EpochDay;
  until: Date | null;
};

/**
 * Expands a series in its zone of record: every occurrence keeps the start's wall-clock time,
 * so its UTC instant follows the zone's offset changes.
 */
export function expandSeries(input: SeriesInput): SeriesExpansion {
  const planned = planExpansion(input);
  if ('problems' in planned) return planned;
  const plan = planned.plan;
  const { rule, startDay, lastAllowedDay, until } = plan;
  const occurrences: Occurrence[] = [];
  for (let period = 0; ; period++) {
    const periodStart = nthPeriodStart(rule, startDay, period);
    if (periodStart > lastAllowedDay) break;
    for (const day of candidateDays(rule, startDay, periodStart)) {
      if (day < startDay || day > lastAllowedDay) continue;
      const occurrence = occurrenceOn(day, plan);
      if (until && occurrence.startsAt > until) return finish(occurrences, plan);
      occurrences.push(occurrence);
      if (occurrences.length > plan.maxOccurrences) {
        return problem(
          `the series has more than ${plan.maxOccurrences} occurrences; end it earlier with UNTIL`,
        );
      }
      if (occurrences.length === rule.count) return finish(occurrences, plan);
    }
  }
  if (rule.count !== undefined && occurrences.length > 0) {
    return problem(
      `the series runs past ${plan.maxYears} years after its start ${input.startDate}: ` +
        `only ${occurrences.length} of COUNT=${rule.count} occurrences start by ${formatIsoDate(fromEpochDay(lastAllowedDay))}`,
    );
  }
  return finish(occurrences, plan);
}

function finish(occurrences: Occurrence[], plan: ExpansionPlan): SeriesExpansion {
  if (occurrences.length > 0) return { occurrences };
  const end = plan.rule.until ? `UNTIL ${plan.rule.until}` : `${plan.maxYears} years later`;
  return problem(
    `the rule gives no occurrence between the start ${formatIsoDate(fromEpochDay(plan.startDay))} and ${end}`,
  );
}

function problem(reason: string): SeriesExpansion {
  return { problems: [reason] };
}

function planExpansion(input: SeriesInput): { plan: ExpansionPlan } | { problems: string[] } {
  const { rule, timeZone, startDate, startTime, durationMinutes } = input;
  const maxOccurrences = input.maxOccurrences ?? MAX_SERIES_OCCURRENCES;
  const maxYears = input.maxYears ?? MAX_SERIES_YEARS;
  const problems = ruleProblems(rule);
  if (!isKnownTimeZone(timeZone)) problems.push(`timeZone ${timeZone} is not a known IANA time zone`);
  const start = parseIsoDate(startDate);
  if (!start) problems.push(`startDate must be a real date YYYY-MM-DD (got ${startDate})`);
  if (start && (start.year < 1970 || start.year > 2200)) {
    problems.push(`startDate must be between 1970 and 2200 (got ${startDate})`);
  }
  if (!HH_MM.test(startTime)) {
    problems.push(`startTime must be HH:mm from 00:00 to 23:59 (got ${startTime})`);
  }
  if (!Number.isInteger(durationMinutes) || durationMinutes <= 0) {
    problems.push(`durationMinutes must be a positive whole number (got ${durationMinutes})`);
  } else if (durationMinutes > LONGEST_SESSION_MINUTES) {
    problems.push(
      `durationMinutes must be at most ${LONGEST_SESSION_MINUTES} (7 days) (got ${durationMinutes})`,
    );
  }
  if (
    !Number.isInteger(maxOccurrences) ||
    maxOccurrences < 1 ||
    !Number.isInteger(maxYears) ||
    maxYears < 1
  ) {
    problems.push('maxOccurrences and maxYears must be positive whole numbers');
  }
  if (rule.count !== undefined && rule.count > maxOccurrences) {
    problems.push(`COUNT=${rule.count} is more than the limit of ${maxOccurrences} occurrences`);
  }
  if (problems.length > 0 || !start) return { problems };

  const lastAllowedDate = addYears(start, maxYears);
  const until = rule.until === undefined ? null : untilInstant(rule.until, timeZone);
  if (until && until > endOfLocalDay(timeZone, lastAllowedDate)) {
    return { problems: [`UNTIL ${rule.until} is more than ${maxYears} years after the start ${startDate}`] };
  }
  const startDay = toEpochDay(start);
  const lastAllowedDay = toEpochDay(lastAllowedDate);
  const plan = {
    rule,
    timeZone,
    startDay,
    startTime,
    durationMinutes,
    maxOccurrences,
    maxYears,
    lastAllowedDay,
    until,
  };
  return { plan };
}

function occurrenceOn(day: EpochDay, plan: ExpansionPlan): Occurrence {
  const { timeZone, startTime } = plan;
  const [hour, minute] = startTime.split(':').map(Number);
  const localDate = formatIsoDate(fromEpochDay(day));
  const { instant, shiftedMinutes } = resolveWallTime(timeZone, { ...fromEpochDay(day), hour, minute });
  const occurrence: Occurrence = {
    recurrenceId: `${localDate}T${startTime}`,
    startsAt: instant,
    endsAt: new Date(instant.getTime() + plan.durationMinutes * MINUTE_MS),
  };
  if (shiftedMinutes === 0) return occurrence;
  const note =
    `${startTime} does not exist in ${timeZone} on ${localDate} (clocks go forward ` +
    `${shiftedMinutes} minutes); this occurrence starts at ${localTimeOf(instant, timeZone)}`;
  return { ...occurrence, shiftedMinutes, note };
}
