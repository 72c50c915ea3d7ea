import type { FieldProblem } from '../common/errors/problem.js';
import { type Occurrence, expandSeries } from './recurrence/expand.js';
import {
  filterWorkingOccurrences,
  type PartyCalendar,
  type SkippedOccurrence,
} from './recurrence/non-working-days.js';
import { replaceSkipped, type ReplaceSkipped, type Replacement } from './recurrence/replace-skipped.js';
import { formatRule, parseRule, type RecurrenceRule } from './recurrence/rrule.js';

export interface SeriesTiming {
  rrule: string;
  timeZone: string;
  startDate: string;
  startTime: string;
  durationMinutes: number;
  skipNonWorkingDays: boolean;
  /** What becomes of a skipped date: nothing, or a meeting on the next day every party works. */
  replaceSkipped?: ReplaceSkipped;
}

export interface SeriesPlan {
  rule: RecurrenceRule;
  /** The rule as feeds write it (UNTIL in UTC). */
  canonicalRule: string;
  /** Every date the rule gives, before non-working days are left out: what a feed's RRULE expands to. */
  ruleOccurrences: Occurrence[];
  occurrences: Occurrence[];
  skipped: SkippedOccurrence[];
  /** Skipped dates whose meeting is held on another day instead. */
  replacements: Replacement[];
  shifted: Array<{ recurrenceId: string; shiftedMinutes: number; note: string }>;
}

/** Which occurrences a series has: the rule expanded in its zone of record, minus non-working days if asked. */
export function planSeries(
  timing: SeriesTiming,
  parties: PartyCalendar[],
): SeriesPlan | { problems: FieldProblem[] } {
  if (timing.replaceSkipped === 'next_common_working_day' && !timing.skipNonWorkingDays) {
    return {
      problems: [{ path: 'replaceSkipped', message: 'needs skipNonWorkingDays: true (nothing is skipped)' }],
    };
  }
  const parsed = parseRule(timing.rrule);
  if ('problems' in parsed)
    return { problems: parsed.problems.map((message) => ({ path: 'rrule', message })) };
  const expansion = expandSeries({
    rule: parsed.rule,
    timeZone: timing.timeZone,
    startDate: timing.startDate,
    startTime: timing.startTime,
    durationMinutes: timing.durationMinutes,
  });
  if ('problems' in expansion) return { problems: expansion.problems.map(expansionProblem) };
  const { kept: working, skipped } = timing.skipNonWorkingDays
    ? filterWorkingOccurrences(expansion.occurrences, timing.timeZone, parties)
    : { kept: expansion.occurrences, skipped: [] };
  const { occurrences: kept, replacements } =
    timing.replaceSkipped === 'next_common_working_day'
      ? replaceSkipped(working, skipped, timing, parties)
      : { occurrences: working, replacements: [] };
  if (kept.length === 0) {
    return {
      problems: [{ path: 'rrule', message: 'every occurrence falls on a non-working day; none is left' }],
    };
  }
  return {
    rule: parsed.rule,
    canonicalRule: formatRule(parsed.rule, timing.timeZone),
    ruleOccurrences: expansion.occurrences,
    occurrences: kept,
    skipped,
    replacements,
    shifted: kept.flatMap((occurrence) =>
      occurrence.shiftedMinutes
        ? [
            {
              recurrenceId: occurrence.recurrenceId,
              shiftedMinutes: occurrence.shiftedMinutes,
              note: occurrence.note ?? '',
            },
          ]
        : [],
    ),
  };
}

const TIMING_FIELD = /^(startDate|startTime|durationMinutes|timeZone) (.*)$/s;

/** The expansion names the timing field at fault first ("startDate must be …"); the rest is the rule's. */
function expansionProblem(message: string): FieldProblem {
  const field = TIMING_FIELD.exec(message);
  return field ? { path: field[1], message: field[2] } : { path: 'rrule', message };
}

/** The local date (`YYYY-MM-DD`) an occurrence was planned on, from its recurrence id `YYYY-MM-DDTHH:mm`. */
export function recurrenceDateOf(recurrenceId: string): string {
  return recurrenceId.slice(0, 10);
}
