import { Injectable } from '@nestjs/common';
import { counted } from '../common/i18n/plural.js';
import { DataSource, In } from 'typeorm';
import { Committee } from '../committees/committee.entity.js';
import { touchCommittee } from '../committees/committee-version.js';
import { assertCanManageCommittee, assertCanReadCommittee } from '../common/auth/access.js';
import type { Principal } from '../common/auth/principal.js';
import { ConflictError, invalid, NotFoundError } from '../common/errors/problem.js';
import { toLocalizedText } from '../common/i18n/localized-text.js';
import { type Page } from '../common/pagination/pagination.js';
import { NoticeOutbox } from '../notices/notice-outbox.service.js';
import type { InviteDto } from '../sessions/dto/invitation.dto.js';
import type { WarningDto } from '../sessions/dto/session-output.dto.js';
import { assertWorkingGroupOf, onlineMeetingOf, optionalText } from '../sessions/session-fields.js';
import { assertInvitable } from '../sessions/invitation-rules.js';
import { Session } from '../sessions/session.entity.js';
import { checkClashes, workingTimeWarningsFor } from '../scheduling/write-warnings.js';
import type { CreateSeriesDto, SeriesListQuery } from './dto/series.dto.js';
import { insertOccurrences, partyCalendars } from './series-occurrences.js';
import { endRule } from './series-edit-plan.js';
import { recurrenceDateOf, type SeriesPlan } from './series-plan.js';
import { lockSeries, planOrFail, timingOf } from './series-rules.js';
import {
  deleteOccurrencesAfter,
  inviteToOccurrences,
  occurrencesOf,
  overfullOccurrence,
  uninviteFromComing,
  visibleOccurrencesOf,
  visibleSeriesPage,
} from './series.repository.js';
import { SeriesParticipant } from './series-participant.entity.js';
import { Series } from './series.entity.js';

export interface SeriesResult {
  series: Series;
  occurrences: Session[];
  plan?: SeriesPlan;
  continuedBy?: string;
  warnings?: WarningDto[];
}

@Injectable()
export class SeriesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly notices: NoticeOutbox,
  ) {}

  async create(principal: Principal, input: CreateSeriesDto): Promise<SeriesResult> {
    assertCanManageCommittee(principal, input.committeeId);
    return this.dataSource.transaction(async (manager) => {
      const committee = await manager.findOneBy(Committee, { id: input.committeeId });
      if (!committee) throw new NotFoundError('Committee');
      if (input.workingGroupId) await assertWorkingGroupOf(manager, input.committeeId, input.workingGroupId);
      const plan = planOrFail(
        {
          ...input,
          skipNonWorkingDays: input.skipNonWorkingDays ?? false,
          replaceSkipped: input.replaceSkipped ?? 'none',
        },
        await partyCalendars(manager, input.committeeId),
      );
      const locale = committee.defaultLocale;
      const series = await manager.save(
        manager.create(Series, {
          committeeId: input.committeeId,
          workingGroupId: input.workingGroupId ?? null,
          title: toLocalizedText(input.title, locale),
          description: optionalText(input.description, locale),
          kind: input.kind,
          format: input.format,
          timeZone: input.timeZone,
          startDate: input.startDate,
          startTime: input.startTime,
          durationMinutes: input.durationMinutes,
          rule: plan.canonicalRule,
          skipNonWorkingDays: input.skipNonWorkingDays ?? false,
          replaceSkipped: input.replaceSkipped ?? 'none',
          location: optionalText(input.location, locale),
          onlineMeeting: onlineMeetingOf(input.onlineMeeting),
          capacity: input.capacity ?? null,
          sequence: 0,
        }),
      );
      const occurrences = await insertOccurrences(
        manager,
        series,
        plan.occurrences,
        input.publish ? 'scheduled' : 'draft',
      );
      await touchCommittee(manager, series.committeeId);
      const warnings = await workingTimeWarningsFor(manager, series.committeeId, occurrences, {
        occurrences: true,
      });
      return { series, occurrences, plan, warnings };
    });
  }

  list(principal: Principal, query: SeriesListQuery): Promise<Page<Series>> {
    return visibleSeriesPage(this.dataSource.manager, principal, query);
  }

  /** The series and the occurrences the caller may see; a series with none visible is 404 to it. */
  async get(principal: Principal, id: string): Promise<SeriesResult> {
    const series = await this.dataSource.getRepository(Series).findOneBy({ id });
    if (!series) throw new NotFoundError('Series');
    assertCanReadCommittee(principal, series.committeeId, 'Series');
    const occurrences = await visibleOccurrencesOf(this.dataSource.manager, principal, id);
    if (principal.role === 'delegate' && occurrences.length === 0) throw new NotFoundError('Series');
    return { series, occurrences };
  }

  /** Ends the series after `lastDate`: later occurrences go, earlier ones stay as they are. */
  async end(principal: Principal, id: string, lastDate: string): Promise<SeriesResult> {
    return this.dataSource.transaction(async (manager) => {
      const series = await lockSeries(manager, principal, id);
      if (lastDate < series.startDate) throw invalid('lastDate', 'is before the series starts');
      const parsed = planOrFail(timingOf(series), []);
      const kept = parsed.ruleOccurrences.filter((o) => recurrenceDateOf(o.recurrenceId) <= lastDate);
      // A series left with no date would be a rule that gives nothing: end it at its first date at the earliest.
      if (kept.length === 0) {
        throw invalid(
          'lastDate',
          `is before the series' first occurrence (${recurrenceDateOf(parsed.ruleOccurrences[0].recurrenceId)})`,
        );
      }
      // Already ending by then: nothing changes, and calendars are not told of a change.
      if (kept.length === parsed.ruleOccurrences.length) {
        const occurrences = await occurrencesOf(manager, id);
        return { series, occurrences };
      }
      series.rule = endRule(parsed, lastDate, series.timeZone);
      series.sequence += 1;
      await manager.save(series);
      await deleteOccurrencesAfter(manager, id, lastDate);
      await this.notices.seriesRequested(manager, series, undefined, 'update');
      await touchCommittee(manager, series.committeeId);
      const occurrences = await occurrencesOf(manager, id);
      return { series, occurrences };
    });
  }

  /**
   * Ends a series invitation: the participant leaves the series and every occurrence still
   * to come; past occurrences keep the record of who was invited.
   */
  async uninvite(principal: Principal, id: string, participantId: string): Promise<SeriesResult> {
    return this.dataSource.transaction(async (manager) => {
      const series = await lockSeries(manager, principal, id);
      const removed = await manager.delete(SeriesParticipant, { seriesId: id, participantId });
      if (!removed.affected) throw new NotFoundError('Series invitation');
      await this.notices.seriesWithdrawn(manager, series, [participantId]);
      await uninviteFromComing(manager, id, participantId);
      await touchCommittee(manager, series.committeeId);
      const occurrences = await occurrencesOf(manager, id);
      return { series, occurrences };
    });
  }

  /** Invites to every occurrence, and to those a later edit adds. */
  async invite(
    principal: Principal,
    id: string,
    input: InviteDto,
    allowConflicts: boolean | undefined,
  ): Promise<SeriesResult> {
    return this.dataSource.transaction(async (manager) => {
      const series = await lockSeries(manager, principal, id);
      const ids = input.invitations.map((invitation) => invitation.participantId);
      await assertInvitable(manager, series.committeeId, input.invitations);
      if (await manager.existsBy(SeriesParticipant, { seriesId: id, participantId: In(ids) })) {
        throw new ConflictError('already-invited', 'Some participants are already invited to this series');
      }
      await manager.insert(
        SeriesParticipant,
        input.invitations.map((invitation) => ({
          seriesId: id,
          participantId: invitation.participantId,
          role: invitation.role ?? 'attendee',
          attendance: invitation.attendance ?? 'required',
        })),
      );
      const changed = await inviteToOccurrences(
        manager,
        id,
        input.invitations.map((invitation) => ({
          participantId: invitation.participantId,
          role: invitation.role ?? 'attendee',
          attendance: invitation.attendance ?? 'required',
        })),
      );
      const overfull = await overfullOccurrence(manager, id);
      if (overfull) {
        throw new ConflictError(
          'capacity-exceeded',
          `An occurrence has room for ${counted(overfull.capacity, 'participant')} only`,
        );
      }
      await this.notices.seriesRequested(manager, series, ids);
      const warnings = await checkClashes(manager, changed, allowConflicts, ids);
      const occurrences = await occurrencesOf(manager, id);
      await touchCommittee(manager, series.committeeId);
      return { series, occurrences, warnings };
    });
  }
}
