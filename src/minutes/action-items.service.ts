import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { AgendaItemsService } from '../agenda/agenda-items.service.js';
import type { AgendaItem } from '../agenda/agenda-item.entity.js';
import { Committee } from '../committees/committee.entity.js';
import { assertCanReadCommittee, canManageCommittee } from '../common/auth/access.js';
import type { Principal } from '../common/auth/principal.js';
import { NotFoundError } from '../common/errors/problem.js';
import { paginate, type Page } from '../common/pagination/pagination.js';
import { Party } from '../parties/party.entity.js';
import { refuseWrite, visibleSessionsCondition } from '../sessions/session-visibility.js';
import { SessionsService } from '../sessions/sessions.service.js';
import { ActionItem } from './action-item.entity.js';
import type { ActionItemQuery, ReviewItemDto } from './dto/action-item.dto.js';
import { UNFINISHED_STATUSES, type ActionItemStatus } from './minutes-content.js';
import { REVIEW_TITLE, reviewDescription } from './review-of-action-items.js';

/** Action items of agreed minutes, across the committee's sessions. */
@Injectable()
export class ActionItemsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly agendaItems: AgendaItemsService,
  ) {}

  /** Today in the committee's default zone: what "overdue" is measured against. */
  async today(committeeId: string): Promise<string> {
    const committee = await this.dataSource.getRepository(Committee).findOneBy({ id: committeeId });
    if (!committee) throw new NotFoundError('Committee');
    return DateTime.now().setZone(committee.defaultTimeZone).toISODate()!;
  }

  /** Items of sessions the caller may see (a delegate: those sessions it may see), oldest first. */
  async list(
    principal: Principal,
    committeeId: string,
    query: ActionItemQuery,
  ): Promise<Page<ActionItem> & { today: string }> {
    assertCanReadCommittee(principal, committeeId);
    const today = await this.today(committeeId);
    const visible = visibleSessionsCondition('s', principal);
    const builder = this.dataSource
      .getRepository(ActionItem)
      .createQueryBuilder('a')
      .innerJoin('sessions', 's', 's.id = a.session_id')
      .where('a.committee_id = :committeeId', { committeeId })
      .andWhere(visible.condition, visible.parameters);
    if (query.status) builder.andWhere('a.status = :status', { status: query.status });
    if (query.partyId) builder.andWhere('a.party_id = :partyId', { partyId: query.partyId });
    if (query.ownerId) builder.andWhere(':ownerId = ANY(a.owner_ids)', { ownerId: query.ownerId });
    if (query.workingGroupId)
      builder.andWhere('a.working_group_id = :workingGroupId', { workingGroupId: query.workingGroupId });
    if (query.overdue !== undefined) {
      const overdue = 'COALESCE(a.due_date < CAST(:today AS date) AND a.status = ANY(:unfinished), false)';
      builder.andWhere(query.overdue ? overdue : `NOT ${overdue}`, {
        today,
        unfinished: UNFINISHED_STATUSES,
      });
    }
    const page = await paginate(builder, {
      sortExpression: 'a.created_at',
      idExpression: 'a.id',
      sortCast: 'timestamptz',
      page: query,
    });
    return { items: page.items, nextCursor: page.nextCursor, today };
  }

  /** The status moves on outside the minutes: the committee's organizers update it. */
  updateStatus(principal: Principal, id: string, status: ActionItemStatus): Promise<ActionItem> {
    return this.dataSource.transaction(async (manager) => {
      const item = await manager.findOne(ActionItem, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!item) throw new NotFoundError('Action item');
      if (!canManageCommittee(principal, item.committeeId)) {
        await refuseWrite(manager, principal, 'Action item', {
          condition: 's.id = :sessionId',
          parameters: { sessionId: item.sessionId },
        });
      }
      item.status = status;
      return manager.save(item);
    });
  }

  /**
   * Adds a "Review of action items" agenda item to a session, listing the unfinished action
   * items of earlier sessions of its committee (of its working group, when it has one).
   */
  async addReviewItem(
    principal: Principal,
    sessionId: string,
    input: ReviewItemDto,
    ifMatch?: string,
  ): Promise<{ agendaItem: AgendaItem; actionItems: ActionItem[]; committeeId: string }> {
    const session = await this.sessions.get(principal, sessionId);
    const builder = this.dataSource
      .getRepository(ActionItem)
      .createQueryBuilder('a')
      .innerJoin('sessions', 's', 's.id = a.session_id')
      .where('a.committee_id = :committeeId', { committeeId: session.committeeId })
      .andWhere('a.status = ANY(:unfinished)', { unfinished: UNFINISHED_STATUSES })
      .andWhere('s.id <> :sessionId AND s.starts_at < :startsAt', { sessionId, startsAt: session.startsAt });
    if (session.workingGroupId)
      builder.andWhere('a.working_group_id = :workingGroupId', { workingGroupId: session.workingGroupId });
    const actionItems = await builder
      .orderBy('a.due_date', 'ASC', 'NULLS LAST')
      .addOrderBy('a.created_at', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .getMany();
    const parties = await this.dataSource.getRepository(Party).findBy({ committeeId: session.committeeId });
    const agendaItem = await this.agendaItems.create(
      principal,
      sessionId,
      {
        title: REVIEW_TITLE,
        description: reviewDescription(actionItems, new Map(parties.map((party) => [party.id, party.name]))),
        kind: 'discussion',
        durationMinutes: input.durationMinutes ?? 15,
      },
      ifMatch,
    );
    return { agendaItem, actionItems, committeeId: session.committeeId };
  }
}
