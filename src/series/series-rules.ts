import type { EntityManager } from 'typeorm';
import { canManageCommittee } from '../common/auth/access.js';
import type { Principal } from '../common/auth/principal.js';
import { NotFoundError, UnprocessableError } from '../common/errors/problem.js';
import { refuseWrite } from '../sessions/session-access.js';
import type { PartyCalendar } from './recurrence/non-working-days.js';
import { planSeries, type SeriesPlan, type SeriesTiming } from './series-plan.js';
import type { Series } from './series.entity.js';
import { lockSeriesRow } from './series.repository.js';

/** The series, locked until the transaction ends, when the caller may write it. */
export async function lockSeries(manager: EntityManager, principal: Principal, id: string): Promise<Series> {
  const series = await lockSeriesRow(manager, id);
  if (!series) throw new NotFoundError('Series');
  if (!canManageCommittee(principal, series.committeeId)) {
    // As for sessions: a series the caller cannot see (no visible occurrence) does not exist for it.
    await refuseWrite(manager, principal, 'Series', { condition: 's.series_id = :id', parameters: { id } });
  }
  return series;
}

/** The series' occurrences, or a 422 naming what in the rule gives none. */
export function planOrFail(timing: SeriesTiming, parties: PartyCalendar[]): SeriesPlan {
  const plan = planSeries(timing, parties);
  if ('problems' in plan)
    throw new UnprocessableError(plan.problems, plan.problems.map((problem) => problem.message).join('; '));
  return plan;
}

/** The stored series' timing, as the planner reads it. */
export function timingOf(series: Series): SeriesTiming {
  return {
    rrule: series.rule,
    timeZone: series.timeZone,
    startDate: series.startDate,
    startTime: series.startTime,
    durationMinutes: series.durationMinutes,
    skipNonWorkingDays: series.skipNonWorkingDays,
    replaceSkipped: series.replaceSkipped,
  };
}
