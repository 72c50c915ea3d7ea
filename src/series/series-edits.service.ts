import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Committee } from '../committees/committee.entity.js';
import { touchCommittee } from '../committees/committee-version.js';
import type { Principal } from '../common/auth/principal.js';
import { invalid } from '../common/errors/problem.js';
import { applySessionChanges, sameValue } from '../sessions/session-changes.js';
import { assertWorkingGroupOf, sessionFieldChanges } from '../sessions/session-fields.js';
import { Session } from '../sessions/session.entity.js';
import { checkClashes } from '../sessions/sessions.service.js';
import { workingTimeWarningsFor } from '../scheduling/write-warnings.js';
import type { UpdateSeriesDto } from './dto/series.dto.js';
import { formatRule } from './recurrence/rrule.js';
import { insertOccurrences, partyCalendars } from './series-occurrences.js';
import { localDateOf, type SeriesPlan } from './series-plan.js';
import {
  endRule,
  lockSeries,
  occurrencesOf,
  planOrFail,
  timingOf,
  type SeriesResult,
} from './series.service.js';
import { Series } from './series.entity.js';

const TIMING_FIELDS = [
  'rrule',
  'startTime',
  'durationMinutes',
  'skipNonWorkingDays',
  'replaceSkipped',
] as const;
/** Fields of the series' own VEVENT whose change calendar apps must notice (besides timing). */
const SIGNIFICANT_SERIES_FIELDS = ['title', 'location', 'onlineMeeting'] as const;

/**
 * Edits a series from a date on. Field edits reach every occurrence from that date that was
 * not edited on its own. A change of rule or times from a date after the start splits the
 * series, as calendar apps do: the old one ends the day before, a new one carries on, and
 * the occurrences keep their agendas and invitations.
 */
@Injectable()
export class SeriesEditsService {
  constructor(private readonly dataSource: DataSource) {}

  update(
    principal: Principal,
    id: string,
    input: UpdateSeriesDto,
    allowConflicts?: boolean,
  ): Promise<SeriesResult> {
    return this.dataSource.transaction(async (manager) => {
      let series = await lockSeries(manager, principal, id);
      const committee = await manager.findOneByOrFail(Committee, { id: series.committeeId });
      if (input.workingGroupId) await assertWorkingGroupOf(manager, series.committeeId, input.workingGroupId);
      const from = input.from ?? '0000-01-01';
      const fieldChanges = sessionFieldChanges(input, committee.defaultLocale);
      const timingChanged = TIMING_FIELDS.some(
        (field) => input[field] !== undefined && input[field] !== currentTiming(series)[field],
      );

      let continuedBy: string | undefined;
      let plan: SeriesPlan | undefined;
      let target = series;
      if (timingChanged) {
        const timing = { ...timingOf(series), ...definedTiming(input) };
        const oldPlan = planOrFail(timingOf(series), []);
        // The new part starts on the first date the rule gave on or after `from`, so that a
        // rule reading its weekday, day of month or rhythm from its start keeps them.
        // Past the last date, only a new rule can carry the series on, from `from` itself.
        const carriedFrom =
          oldPlan.ruleOccurrences
            .map((occurrence) => localDateOf(occurrence.recurrenceId))
            .find((date) => date >= from) ?? (input.rrule !== undefined ? from : undefined);
        if (input.from !== undefined && carriedFrom === undefined) {
          throw invalid('from', 'is after the series’ last occurrence; nothing is left to change');
        }
        const splits = carriedFrom !== undefined && carriedFrom > series.startDate;
        if (splits) {
          // "Every Tuesday, 10 times" carried on from a date counts only what is left.
          if (input.rrule === undefined && oldPlan.rule.count !== undefined) {
            const before = oldPlan.ruleOccurrences.filter(
              (occurrence) => localDateOf(occurrence.recurrenceId) < carriedFrom,
            );
            timing.rrule = formatRule(
              { ...oldPlan.rule, count: Math.max(1, oldPlan.rule.count - before.length) },
              series.timeZone,
            );
          }
          series.rule = endRule(oldPlan, previousDate(carriedFrom), series.timeZone);
          series.sequence += 1;
          await manager.save(series);
          target = await manager.save(
            manager.create(Series, {
              ...withoutIdentity(series),
              ...fieldChanges,
              startDate: carriedFrom,
              sequence: 0,
            }),
          );
          await copyInvitations(manager, series.id, target.id);
          continuedBy = target.id;
        }
        plan = planOrFail(
          { ...timing, startDate: target.startDate },
          await partyCalendars(manager, series.committeeId),
        );
        Object.assign(target, {
          rule: plan.canonicalRule,
          startTime: timing.startTime,
          durationMinutes: timing.durationMinutes,
          skipNonWorkingDays: timing.skipNonWorkingDays,
          replaceSkipped: timing.replaceSkipped,
          sequence: splits ? target.sequence : target.sequence + 1,
        });
        target = await manager.save(target);
      }
      // After a split the old series describes its earlier occurrences, so it keeps its fields.
      if (target === series) {
        // The series' own VEVENT shows these too, so calendar apps must see them as an update.
        if (
          SIGNIFICANT_SERIES_FIELDS.some(
            (field) => fieldChanges[field] !== undefined && !sameValue(series[field], fieldChanges[field]),
          )
        ) {
          series.sequence += timingChanged ? 0 : 1;
        }
        Object.assign(series, fieldChanges);
        series = target = await manager.save(series);
      }

      const later = await manager
        .createQueryBuilder(Session, 's')
        .where('s.series_id = :id AND s.detached = false AND s.recurrence_id >= :from', { id, from })
        .orderBy('s.starts_at', 'ASC')
        .getMany();
      const changed = await reshape(manager, {
        target,
        later,
        plan,
        fieldChanges,
        from,
        originalSeriesId: id,
      });
      const warnings = [
        ...(await checkClashes(
          manager,
          changed.map((occurrence) => occurrence.id),
          allowConflicts,
        )),
        // Only new times can fall outside a party's working days or hours.
        ...(plan
          ? await workingTimeWarningsFor(manager, series.committeeId, changed, { occurrences: true })
          : []),
      ];
      await touchCommittee(manager, series.committeeId);
      const occurrences = await occurrencesOf(manager, target.id);
      return { series: target, occurrences, plan, continuedBy, warnings };
    });
  }
}

/**
 * Brings the later occurrences in line: each keeps its row (agenda, invitations, answers)
 * when the new plan still has its date; dates the plan drops go; new dates are added.
 */
async function reshape(
  manager: EntityManager,
  change: {
    target: Series;
    later: Session[];
    plan: SeriesPlan | undefined;
    fieldChanges: Partial<Series>;
    from: string;
    originalSeriesId: string;
  },
): Promise<Session[]> {
  const { target, later, plan, from, originalSeriesId } = change;
  const sessionFields = change.fieldChanges as Partial<Session>;
  if (!plan) {
    for (const occurrence of later) applySessionChanges(occurrence, sessionFields);
    return manager.save(later);
  }
  const planned = new Map(
    plan.occurrences
      .filter((o) => localDateOf(o.recurrenceId) >= from)
      .map((o) => [localDateOf(o.recurrenceId), o]),
  );
  const detachedDates = new Set(
    (
      await manager
        .createQueryBuilder(Session, 's')
        .select('s.recurrence_id', 'recurrence_id')
        .where('s.series_id = :id AND s.detached = true', { id: originalSeriesId })
        .getRawMany<{ recurrence_id: string }>()
    ).map((row) => localDateOf(row.recurrence_id)),
  );
  const kept: Session[] = [];
  for (const occurrence of later) {
    const next = planned.get(localDateOf(occurrence.recurrenceId!));
    if (!next) {
      await manager.delete(Session, { id: occurrence.id });
      continue;
    }
    planned.delete(localDateOf(next.recurrenceId));
    occurrence.seriesId = target.id;
    occurrence.recurrenceId = next.recurrenceId;
    applySessionChanges(occurrence, { ...sessionFields, startsAt: next.startsAt, endsAt: next.endsAt });
    kept.push(occurrence);
  }
  const saved = await manager.save(kept);
  // New dates are published when the series is: when any of its occurrences, before or after
  // the edit, has left draft (a series' occurrences are published together).
  const [{ published }] = await manager.query<Array<{ published: boolean }>>(
    `SELECT EXISTS (SELECT 1 FROM sessions WHERE series_id = ANY($1) AND status <> 'draft') AS published`,
    [[originalSeriesId, target.id]],
  );
  const status = published ? 'scheduled' : 'draft';
  const added = await insertOccurrences(
    manager,
    target,
    [...planned.values()].filter((occurrence) => !detachedDates.has(localDateOf(occurrence.recurrenceId))),
    status,
  );
  return [...saved, ...added];
}

function currentTiming(series: Series) {
  return {
    rrule: series.rule,
    startTime: series.startTime,
    durationMinutes: series.durationMinutes,
    skipNonWorkingDays: series.skipNonWorkingDays,
    replaceSkipped: series.replaceSkipped,
  };
}

function definedTiming(input: UpdateSeriesDto) {
  return Object.fromEntries(
    TIMING_FIELDS.filter((field) => input[field] !== undefined).map((field) => [field, input[field]]),
  );
}

function withoutIdentity(series: Series): Partial<Series> {
  const { id: _id, createdAt: _createdAt, updatedAt: _updatedAt, ...rest } = series;
  return rest;
}

async function copyInvitations(
  manager: EntityManager,
  fromSeriesId: string,
  toSeriesId: string,
): Promise<void> {
  await manager.query(
    `INSERT INTO series_participants (series_id, participant_id, role, attendance)
     SELECT $2, participant_id, role, attendance FROM series_participants WHERE series_id = $1`,
    [fromSeriesId, toSeriesId],
  );
}

function previousDate(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(day.getTime())) throw invalid('from', 'is not a real date');
  return new Date(day.getTime() - 86_400_000).toISOString().slice(0, 10);
}
