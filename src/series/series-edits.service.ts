import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { Committee } from '../committees/committee.entity.js';
import { touchCommittee } from '../committees/committee-version.js';
import type { Principal } from '../common/auth/principal.js';
import { UnprocessableError } from '../common/errors/problem.js';
import { NoticeOutbox } from '../notices/notice-outbox.service.js';
import { applySessionChanges, sameValue } from '../sessions/session-changes.js';
import { assertWorkingGroupOf, sessionFieldChanges } from '../sessions/session-fields.js';
import { Session } from '../sessions/session.entity.js';
import { checkClashes, workingTimeWarningsFor } from '../scheduling/write-warnings.js';
import type { UpdateSeriesDto } from './dto/series.dto.js';
import { insertOccurrences, partyCalendars } from './series-occurrences.js';
import { recurrenceDateOf } from './series-plan.js';
import { planSeriesEdit, type SeriesEditPlan } from './series-edit-plan.js';
import { lockSeries, planOrFail, timingOf } from './series-rules.js';
import {
  anyPublished,
  copyInvitations,
  detachedRecurrenceIds,
  laterOccurrences,
  occurrencesOf,
} from './series.repository.js';
import type { SeriesResult } from './series.service.js';
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
  constructor(
    private readonly dataSource: DataSource,
    private readonly notices: NoticeOutbox,
  ) {}

  update(
    principal: Principal,
    id: string,
    input: UpdateSeriesDto,
    allowConflicts?: boolean,
  ): Promise<SeriesResult> {
    return this.dataSource.transaction(async (manager) => {
      const series = await lockSeries(manager, principal, id);
      const sequenceBefore = series.sequence;
      const committee = await manager.findOneByOrFail(Committee, { id: series.committeeId });
      if (input.workingGroupId) await assertWorkingGroupOf(manager, series.committeeId, input.workingGroupId);
      const fieldChanges = sessionFieldChanges(input, committee.defaultLocale);
      const timingChanged = TIMING_FIELDS.some(
        (field) => input[field] !== undefined && input[field] !== timingOf(series)[field],
      );
      const later = await laterOccurrences(manager, id, input.from);
      const edit = timingChanged ? await this.planTiming(manager, series, input, later) : undefined;

      const { target, continuedBy } = await saveSeries(manager, series, edit, fieldChanges, timingChanged);
      const changed = edit
        ? await applyEdit(manager, { target, later, edit, fieldChanges, originalSeriesId: id })
        : await manager.save(
            later.map((occurrence) => (applySessionChanges(occurrence, fieldChanges), occurrence)),
          );
      const warnings = [
        ...(await checkClashes(
          manager,
          changed.map((occurrence) => occurrence.id),
          allowConflicts,
        )),
        // Only new times can fall outside a party's working days or hours.
        ...(edit
          ? await workingTimeWarningsFor(manager, series.committeeId, changed, { occurrences: true })
          : []),
      ];
      await this.notify(manager, series, sequenceBefore, continuedBy ? target : undefined);
      await touchCommittee(manager, series.committeeId);
      const occurrences = await occurrencesOf(manager, target.id);
      return { series: target, occurrences, plan: edit?.plan, continuedBy, warnings };
    });
  }

  /**
   * Calendar apps hold a series as one event: an edit they must notice (its SEQUENCE went up)
   * sends each invitee one REQUEST with the rule and overrides, not one per occurrence. A split
   * updates the old series (now ending earlier) and invites to the one that carries on.
   */
  private async notify(
    manager: EntityManager,
    series: Series,
    sequenceBefore: number,
    continuation: Series | undefined,
  ): Promise<void> {
    if (series.sequence !== sequenceBefore) {
      await this.notices.seriesRequested(manager, series, undefined, 'update');
    }
    if (continuation) await this.notices.seriesRequested(manager, continuation);
  }

  /** Plans a change of rule or times; the refusal, if any, before anything is written. */
  private async planTiming(
    manager: EntityManager,
    series: Series,
    input: UpdateSeriesDto,
    later: Session[],
  ): Promise<SeriesEditPlan> {
    const currentPlan = planOrFail(timingOf(series), []);
    const detached = await detachedRecurrenceIds(manager, series.id);
    const edit = planSeriesEdit(
      timingOf(series),
      {
        from: input.from,
        rrule: input.rrule,
        startTime: input.startTime,
        durationMinutes: input.durationMinutes,
        skipNonWorkingDays: input.skipNonWorkingDays,
        replaceSkipped: input.replaceSkipped,
      },
      {
        currentPlan,
        parties: await partyCalendars(manager, series.committeeId),
        later: later.map((occurrence) => ({ id: occurrence.id, recurrenceId: occurrence.recurrenceId! })),
        detachedDates: detached.map(recurrenceDateOf),
      },
    );
    if ('problems' in edit) throw new UnprocessableError(edit.problems, edit.detail);
    return edit;
  }
}

/**
 * Writes the series side of an edit. A split ends the old series and starts a new one that
 * carries the edit; otherwise the series itself takes the new timing and fields.
 */
async function saveSeries(
  manager: EntityManager,
  series: Series,
  edit: SeriesEditPlan | undefined,
  fieldChanges: Partial<Series>,
  timingChanged: boolean,
): Promise<{ target: Series; continuedBy?: string }> {
  let target = series;
  let continuedBy: string | undefined;
  if (edit?.oldSeriesRule !== undefined) {
    series.rule = edit.oldSeriesRule;
    series.sequence += 1;
    await manager.save(series);
    target = manager.create(Series, {
      ...withoutIdentity(series),
      ...fieldChanges,
      startDate: edit.timing.startDate,
      sequence: 0,
    });
    target = await manager.save(target);
    await copyInvitations(manager, series.id, target.id);
    continuedBy = target.id;
  }
  if (edit) {
    Object.assign(target, {
      rule: edit.timing.rrule,
      startTime: edit.timing.startTime,
      durationMinutes: edit.timing.durationMinutes,
      skipNonWorkingDays: edit.timing.skipNonWorkingDays,
      replaceSkipped: edit.timing.replaceSkipped ?? series.replaceSkipped,
      // A new series starts its own count; the same series tells calendars of the change.
      sequence: continuedBy === undefined ? target.sequence + 1 : 0,
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
    target = await manager.save(series);
  }
  return { target, continuedBy };
}

/**
 * Brings the later occurrences in line with the plan, one statement per kind of change:
 * those the plan keeps keep their rows (agenda, invitations, answers) at the new times;
 * dates the plan drops go; new dates are added.
 */
async function applyEdit(
  manager: EntityManager,
  change: {
    target: Series;
    later: Session[];
    edit: SeriesEditPlan;
    fieldChanges: Partial<Series>;
    originalSeriesId: string;
  },
): Promise<Session[]> {
  const { target, later, edit, originalSeriesId } = change;
  const sessionFields = change.fieldChanges as Partial<Session>;
  if (edit.remove.length > 0) await manager.delete(Session, { id: In(edit.remove) });
  const byId = new Map(later.map((occurrence) => [occurrence.id, occurrence]));
  const kept = edit.move.map((move) => {
    const occurrence = byId.get(move.id)!;
    occurrence.seriesId = target.id;
    occurrence.recurrenceId = move.recurrenceId;
    applySessionChanges(occurrence, { ...sessionFields, startsAt: move.startsAt, endsAt: move.endsAt });
    return occurrence;
  });
  const saved = await manager.save(kept);
  // New dates are published when the series is: when any of its occurrences, before or after
  // the edit, has left draft (a series' occurrences are published together).
  const published = await anyPublished(manager, [originalSeriesId, target.id]);
  const added = await insertOccurrences(manager, target, edit.add, published ? 'scheduled' : 'draft');
  return [...saved, ...added];
}

function withoutIdentity(series: Series): Partial<Series> {
  const { id: _id, createdAt: _createdAt, updatedAt: _updatedAt, ...rest } = series;
  return rest;
}
