import type { FieldProblem } from '../common/errors/problem.js';
import { DAY_MS } from '../common/time/durations.js';
import type { Occurrence } from './recurrence/expand.js';
import type { PartyCalendar } from './recurrence/non-working-days.js';
import { formatRule } from './recurrence/rrule.js';
import { recurrenceDateOf, planSeries, type SeriesPlan, type SeriesTiming } from './series-plan.js';

/** What an edit of a series' rule or times asks; absent fields keep their values. */
export interface SeriesTimingEdit {
  /** Local date the edit applies from; absent: the whole series. */
  from?: string;
  rrule?: string;
  startTime?: string;
  durationMinutes?: number;
  skipNonWorkingDays?: boolean;
  replaceSkipped?: SeriesTiming['replaceSkipped'];
}

/** An occurrence of the series from `from` on that was not edited on its own. */
export interface LaterOccurrence {
  id: string;
  recurrenceId: string;
}

export interface SeriesEditContext {
  /** The series' current plan (its rule expanded, no day left out): where the old rule ends. */
  currentPlan: SeriesPlan;
  parties: PartyCalendar[];
  later: LaterOccurrence[];
  /** Local dates of occurrences edited on their own: the new plan does not add them again. */
  detachedDates: string[];
}

/** A refused edit: the fields at fault and the sentence the answer's `detail` carries. */
export interface SeriesEditRefusal {
  problems: FieldProblem[];
  detail: string;
}

export interface OccurrenceMove {
  id: string;
  recurrenceId: string;
  startsAt: Date;
  endsAt: Date;
}

export interface SeriesEditPlan {
  /**
   * Set when the edit splits the series, as calendar apps do: the old series' rule, ending
   * the day before `timing.startDate`, where a new series carries on.
   */
  oldSeriesRule?: string;
  /** The timing of the series that carries the edit (the new one after a split). */
  timing: SeriesTiming & { rrule: string };
  plan: SeriesPlan;
  /** Occurrences that stay, at the new plan's times (they keep agendas and invitations). */
  move: OccurrenceMove[];
  /** Occurrences whose date the new plan no longer has. */
  remove: string[];
  /** Dates the new plan has and no occurrence holds yet. */
  add: Occurrence[];
}

/**
 * Plans an edit of a series' rule or times from a date on, without touching anything.
 * The new part starts on the first date the old rule gave on or after `from`, so that a rule
 * reading its weekday, day of month or rhythm from its start keeps them; past the last date,
 * only a new rule can carry the series on, from `from` itself. Starting after the series'
 * own start, the edit splits the series; from its start, it changes the series itself.
 */
export function planSeriesEdit(
  series: SeriesTiming,
  edit: SeriesTimingEdit,
  context: SeriesEditContext,
): SeriesEditPlan | SeriesEditRefusal {
  const { currentPlan } = context;
  const from = edit.from;
  const carriedFrom =
    currentPlan.ruleOccurrences
      .map((occurrence) => recurrenceDateOf(occurrence.recurrenceId))
      .find((date) => from === undefined || date >= from) ?? (edit.rrule !== undefined ? from : undefined);
  if (carriedFrom === undefined)
    return refuseFrom('is after the series’ last occurrence; nothing is left to change');
  const splits = carriedFrom > series.startDate;
  const previous = splits ? previousDate(carriedFrom) : undefined;
  if (previous === null) return refuseFrom('is not a real date');

  const timing = { ...series, ...definedTiming(edit), startDate: splits ? carriedFrom : series.startDate };
  // "Every Tuesday, 10 times" carried on from a date counts only what is left.
  if (splits && edit.rrule === undefined && currentPlan.rule.count !== undefined) {
    const before = currentPlan.ruleOccurrences.filter((o) => recurrenceDateOf(o.recurrenceId) < carriedFrom);
    timing.rrule = formatRule(
      { ...currentPlan.rule, count: Math.max(1, currentPlan.rule.count - before.length) },
      series.timeZone,
    );
  }
  const plan = planSeries(timing, context.parties);
  if ('problems' in plan)
    return { problems: plan.problems, detail: plan.problems.map((problem) => problem.message).join('; ') };

  return {
    oldSeriesRule: previous === undefined ? undefined : endRule(currentPlan, previous, series.timeZone),
    timing: { ...timing, rrule: plan.canonicalRule },
    plan,
    ...matchOccurrences(plan.occurrences, from, context),
  };
}

/**
 * Which occurrences from `from` on keep their rows at a planned date (move), which dates go
 * (remove), and which planned dates are new (add; never one an occurrence edited on its own holds).
 */
function matchOccurrences(
  planned: Occurrence[],
  from: string | undefined,
  context: Pick<SeriesEditContext, 'later' | 'detachedDates'>,
): Pick<SeriesEditPlan, 'move' | 'remove' | 'add'> {
  const open = new Map(
    planned
      .filter((o) => from === undefined || recurrenceDateOf(o.recurrenceId) >= from)
      .map((o) => [recurrenceDateOf(o.recurrenceId), o]),
  );
  const move: OccurrenceMove[] = [];
  const remove: string[] = [];
  for (const occurrence of context.later) {
    const next = open.get(recurrenceDateOf(occurrence.recurrenceId));
    if (!next) {
      remove.push(occurrence.id);
      continue;
    }
    open.delete(recurrenceDateOf(next.recurrenceId));
    move.push({
      id: occurrence.id,
      recurrenceId: next.recurrenceId,
      startsAt: next.startsAt,
      endsAt: next.endsAt,
    });
  }
  const detached = new Set(context.detachedDates);
  return {
    move,
    remove,
    add: [...open.values()].filter((o) => !detached.has(recurrenceDateOf(o.recurrenceId))),
  };
}

/**
 * The rule ending with `lastDate` (local, inclusive): COUNT gives way to UNTIL. A rule that
 * already ends by then is kept as it is.
 */
export function endRule(plan: SeriesPlan, lastDate: string, timeZone: string): string {
  const lastRuleDate = recurrenceDateOf(plan.ruleOccurrences.at(-1)!.recurrenceId);
  if (lastRuleDate <= lastDate) return plan.canonicalRule;
  const { count: _count, ...rest } = plan.rule;
  return formatRule({ ...rest, until: lastDate }, timeZone);
}

function refuseFrom(message: string): SeriesEditRefusal {
  return { problems: [{ path: 'from', message }], detail: `from ${message}` };
}

function definedTiming(edit: SeriesTimingEdit): Partial<SeriesTiming> {
  const { from: _from, ...timing } = edit;
  return Object.fromEntries(Object.entries(timing).filter(([, value]) => value !== undefined));
}

/** The day before a local date, or null when `date` is no real date. */
function previousDate(date: string): string | null {
  const day = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(day.getTime())) return null;
  return new Date(day.getTime() - DAY_MS).toISOString().slice(0, 10);
}
