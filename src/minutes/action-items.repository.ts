import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '../common/auth/principal.js';
import { pageByCreation, type Page } from '../common/pagination/pagination.js';
import type { Session } from '../sessions/session.entity.js';
import { visibleSessionsCondition } from '../sessions/sessions.repository.js';
import { ActionItem } from './action-item.entity.js';
import type { ActionItemQuery } from './dto/action-item.dto.js';
import { UNFINISHED_STATUSES } from './minutes-content.js';

/** The action_items table: the committee's list and what is still open before a session. */
@Injectable()
export class ActionItemsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Items of the sessions the principal may see, filtered; overdue means due before `today` and unfinished. */
  pageVisibleTo(
    principal: Principal,
    committeeId: string,
    query: ActionItemQuery,
    today: string,
  ): Promise<Page<ActionItem>> {
    const visible = visibleSessionsCondition('s', principal);
    const builder = this.ofCommittee(committeeId).andWhere(visible.condition, visible.parameters);
    if (query.status) builder.andWhere('a.status = :status', { status: query.status });
    if (query.partyId) builder.andWhere('a.party_id = :partyId', { partyId: query.partyId });
    if (query.ownerId) builder.andWhere(':ownerId = ANY(a.owner_ids)', { ownerId: query.ownerId });
    if (query.workingGroupId) {
      builder.andWhere('a.working_group_id = :workingGroupId', { workingGroupId: query.workingGroupId });
    }
    if (query.overdue !== undefined) {
      const overdue = 'COALESCE(a.due_date < CAST(:today AS date) AND a.status = ANY(:unfinished), false)';
      builder.andWhere(query.overdue ? overdue : `NOT ${overdue}`, {
        today,
        unfinished: UNFINISHED_STATUSES,
      });
    }
    return pageByCreation(builder, 'a', query);
  }

  /**
   * Unfinished items of the committee's earlier sessions (of the session's working group, when
   * it has one), soonest due first.
   */
  unfinishedBefore(session: Session): Promise<ActionItem[]> {
    const builder = this.ofCommittee(session.committeeId)
      .andWhere('a.status = ANY(:unfinished)', { unfinished: UNFINISHED_STATUSES })
      .andWhere('s.id <> :sessionId AND s.starts_at < :startsAt', {
        sessionId: session.id,
        startsAt: session.startsAt,
      });
    if (session.workingGroupId) {
      builder.andWhere('a.working_group_id = :workingGroupId', { workingGroupId: session.workingGroupId });
    }
    return builder
      .orderBy('a.due_date', 'ASC', 'NULLS LAST')
      .addOrderBy('a.created_at', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .getMany();
  }

  private ofCommittee(committeeId: string) {
    return this.dataSource
      .getRepository(ActionItem)
      .createQueryBuilder('a')
      .innerJoin('sessions', 's', 's.id = a.session_id')
      .where('a.committee_id = :committeeId', { committeeId });
  }
}
