import { Injectable } from '@nestjs/common';
import { counted } from '../common/i18n/plural.js';
import { DataSource, In } from 'typeorm';
import { Committee } from '../committees/committee.entity.js';
import { touchCommittee } from '../committees/committee-version.js';
import { assertCanManageCommittee, assertCanReadCommittee } from '../common/auth/access.js';
import type { Principal } from '../common/auth/principal.js';
import { ConflictError, invalid, NotFoundError, UnprocessableError } from '../common/errors/problem.js';
import { toLocalizedText } from '../common/i18n/localized-text.js';
import { paginate, type Page } from '../common/pagination/pagination.js';
import { NoticeOutbox } from '../notices/notice-outbox.service.js';
import { Participant } from '../participants/participant.entity.js';
import type { InviteDto } from '../sessions/dto/invitation.dto.js';
import type { WarningDto } from '../sessions/dto/session-output.dto.js';
import { visibleSessionsCondition } from '../sessions/session-visibility.js';
import { assertWorkingGroupOf, onlineMeetingOf, optionalText } from '../sessions/session-fields.js';
import { Session } from '../sessions/session.entity.js';
import { checkClashes } from '../sessions/sessions.service.js';
import { workingTimeWarningsFor } from '../scheduling/write-warnings.js';
import type { CreateSeriesDto, SeriesListQuery } from './dto/series.dto.js';
import { insertOccurrences, partyCalendars } from './series-occurrences.js';
import { endRule } from './series-edit-plan.js';
import { recurrenceDateOf, type SeriesPlan } from './series-plan.js';
import { lockSeries, occurrencesOf, planOrFail, timingOf } from './series-rules.js';
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
    const builder = this.dataSource.getRepository(Series).createQueryBuilder('series');
    if (principal.role === 'organizer')
      builder.where('series.committee_id = ANY(:ids)', { ids: principal.committeeIds });
    if (principal.role === 'delegate') {
      // A delegate lists only the series it can see at least one occurrence of, as `get` does.
      const visible = visibleSessionsCondition('s', principal);
      builder
        .where('series.committee_id = :id', { id: principal.participantCommitteeId })
        .andWhere(
          `EXISTS (SELECT 1 FROM sessions s WHERE s.series_id = series.id AND ${visible.condition})`,
          visible.parameters,
        );
    }
    if (query.committeeId)
      builder.andWhere('series.committee_id = :committeeId', { committeeId: query.committeeId });
    return paginate(builder, {
      sortExpression: 'series.created_at',
      idExpression: 'series.id',
      sortCast: 'timestamptz',
      page: query,
    });
  }

  /** The series and the occurrences the caller may see; a series with none visible is 404 to it. */
  async get(principal: Principal, id: string): Promise<SeriesResult> {
    const series = await this.dataSource.getRepository(Series).findOneBy({ id });
    if (!series) throw new NotFoundError('Series');
    assertCanReadCommittee(principal, series.committeeId, 'Series');
    const visible = visibleSessionsCondition('s', principal);
    const occurrences = await this.dataSource
      .getRepository(Session)
      .createQueryBuilder('s')
      .where('s.series_id = :id', { id })
      .andWhere(visible.condition, visible.parameters)
      .orderBy('s.starts_at', 'ASC')
      .addOrderBy('s.id', 'ASC')
      .getMany();
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
      // Occurrences whose local date, the first 10 characters of `recurrence_id`, is later.
      await manager
        .createQueryBuilder()
        .delete()
        .from(Session)
        .where('series_id = :id AND left(recurrence_id, 10) > :last', { id, last: lastDate })
        .execute();
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
      await manager.query(
        `DELETE FROM session_participants v USING sessions s
          WHERE v.session_id = s.id AND s.series_id = $1 AND v.participant_id = $2 AND s.ends_at > now()`,
        [id, participantId],
      );
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
      const participants = await manager.findBy(Participant, {
        id: In(ids),
        committeeId: series.committeeId,
      });
      const problems = input.invitations.flatMap((invitation, index) =>
        participants.some((participant) => participant.id === invitation.participantId) &&
        ids.indexOf(invitation.participantId) === index
          ? []
          : [
              {
                path: `invitations[${index}].participantId`,
                message: 'must be a distinct participant of the committee',
              },
            ],
      );
      if (problems.length > 0) throw new UnprocessableError(problems);
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
      // Every live occurrence at once; one already invited on its own keeps its invitation.
      const invited = await manager.query<Array<{ session_id: string }>>(
        `INSERT INTO session_participants (session_id, participant_id, role, attendance, rsvp)
         SELECT s.id, i.participant_id, i.role, i.attendance, 'needs_action'
           FROM sessions s
           CROSS JOIN unnest($2::uuid[], $3::text[], $4::text[]) AS i(participant_id, role, attendance)
          WHERE s.series_id = $1 AND s.status <> 'cancelled'
         ON CONFLICT (session_id, participant_id) DO NOTHING
         RETURNING session_id`,
        [
          id,
          ids,
          input.invitations.map((invitation) => invitation.role ?? 'attendee'),
          input.invitations.map((invitation) => invitation.attendance ?? 'required'),
        ],
      );
      const [overfull] = await manager.query<Array<{ id: string; capacity: number }>>(
        `SELECT s.id, s.capacity FROM sessions s
          WHERE s.series_id = $1 AND s.capacity IS NOT NULL
            AND (SELECT count(*) FROM session_participants p WHERE p.session_id = s.id) > s.capacity
          LIMIT 1`,
        [id],
      );
      if (overfull) {
        throw new ConflictError(
          'capacity-exceeded',
          `An occurrence has room for ${counted(overfull.capacity, 'participant')} only`,
        );
      }
      await this.notices.seriesRequested(manager, series, ids);
      const changed = [...new Set(invited.map((row) => row.session_id))];
      const warnings = await checkClashes(manager, changed, allowConflicts, ids);
      const occurrences = await occurrencesOf(manager, id);
      await touchCommittee(manager, series.committeeId);
      return { series, occurrences, warnings };
    });
  }
}
