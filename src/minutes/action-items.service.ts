import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { AgendaItemsService } from '../agenda/agenda-items.service.js';
import type { AgendaItem } from '../agenda/agenda-item.entity.js';
import { Committee } from '../committees/committee.entity.js';
import { assertCanReadCommittee, canManageCommittee } from '../common/auth/access.js';
import type { Principal } from '../common/auth/principal.js';
import { NotFoundError } from '../common/errors/problem.js';
import { type Page } from '../common/pagination/pagination.js';
import { Party } from '../parties/party.entity.js';
import { refuseWrite } from '../sessions/session-access.js';
import { SessionsService } from '../sessions/sessions.service.js';
import { ActionItem } from './action-item.entity.js';
import { ActionItemsRepository } from './action-items.repository.js';
import type { ActionItemQuery, ReviewItemDto } from './dto/action-item.dto.js';
import type { ActionItemStatus } from './minutes-content.js';
import { REVIEW_TITLE, reviewDescription } from './review-of-action-items.js';

/** Action items of agreed minutes, across the committee's sessions. */
@Injectable()
export class ActionItemsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly agendaItems: AgendaItemsService,
    private readonly repository: ActionItemsRepository,
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
    const page = await this.repository.pageVisibleTo(principal, committeeId, query, today);
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
    const actionItems = await this.repository.unfinishedBefore(session);
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
