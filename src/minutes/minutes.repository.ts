import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { AgendaItem } from '../agenda/agenda-item.entity.js';
import type { LocalizedText } from '../common/i18n/localized-text.js';
import { Participant } from '../participants/participant.entity.js';
import { Party } from '../parties/party.entity.js';
import type { Session } from '../sessions/session.entity.js';
import { ActionItem } from './action-item.entity.js';
import type { MinutesActor, MinutesAttendance, MinutesContent } from './minutes-content.js';
import { MinutesChange, MinutesRevision } from './minutes-revision.entity.js';

/** Statuses a delegate may read. */
export const READABLE_STATUSES = ['agreed', 'signed'] as const;

export interface NumberedAgendaItem {
  id: string;
  number: string;
  title: LocalizedText;
}

/** The queries the minutes' services ask, one method per question. */
@Injectable()
export class MinutesRepository {
  constructor(private readonly dataSource: DataSource) {}

  latest(manager: EntityManager, sessionId: string, readableOnly: boolean): Promise<MinutesRevision | null> {
    return manager.findOne(MinutesRevision, {
      where: { sessionId, ...(readableOnly && { status: In([...READABLE_STATUSES]) }) },
      order: { revision: 'DESC' },
    });
  }

  byNumber(sessionId: string, revision: number, readableOnly: boolean): Promise<MinutesRevision | null> {
    return this.dataSource.getRepository(MinutesRevision).findOne({
      where: { sessionId, revision, ...(readableOnly && { status: In([...READABLE_STATUSES]) }) },
    });
  }

  list(sessionId: string, readableOnly: boolean): Promise<MinutesRevision[]> {
    return this.dataSource.getRepository(MinutesRevision).find({
      where: { sessionId, ...(readableOnly && { status: In([...READABLE_STATUSES]) }) },
      order: { revision: 'ASC' },
    });
  }

  /** A revision with its stored protocol document (not read with the revision otherwise). */
  withDocument(manager: EntityManager, revisionId: string): Promise<MinutesRevision> {
    return manager
      .createQueryBuilder(MinutesRevision, 'r')
      .addSelect('r.document')
      .where('r.id = :id', { id: revisionId })
      .getOneOrFail();
  }

  /** A revision with its uploaded signed copy; `signedOnly` for callers who may read signed revisions only. */
  withSignedCopy(sessionId: string, revision: number, signedOnly: boolean): Promise<MinutesRevision | null> {
    return this.dataSource
      .getRepository(MinutesRevision)
      .createQueryBuilder('r')
      .addSelect('r.signedCopy')
      .where('r.session_id = :sessionId AND r.revision = :revision', { sessionId, revision })
      .andWhere(signedOnly ? "r.status = 'signed'" : 'TRUE')
      .getOne();
  }

  changes(revisionId: string): Promise<MinutesChange[]> {
    return this.dataSource
      .getRepository(MinutesChange)
      .find({ where: { revisionId }, order: { version: 'ASC', createdAt: 'ASC' } });
  }

  async recordChange(
    manager: EntityManager,
    revision: MinutesRevision,
    action: string,
    actor: MinutesActor,
    extra: { paths?: string[]; partyId?: string } = {},
  ): Promise<void> {
    await manager.insert(MinutesChange, {
      revisionId: revision.id,
      version: revision.version,
      action,
      actor,
      paths: extra.paths ?? [],
      partyId: extra.partyId ?? null,
    });
  }

  /** The committee's parties in the order they were created: the order of every per-party list. */
  parties(manager: EntityManager, committeeId: string): Promise<Party[]> {
    return manager.find(Party, { where: { committeeId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  async partyIds(manager: EntityManager, committeeId: string): Promise<string[]> {
    return (await this.parties(manager, committeeId)).map((party) => party.id);
  }

  /** The parties that the committee's live organizer tokens speak for. */
  async organizerPartyIds(manager: EntityManager, committeeId: string): Promise<string[]> {
    const rows = await manager.query<Array<{ party_id: string }>>(
      `SELECT DISTINCT party_id FROM api_tokens
        WHERE role = 'organizer' AND revoked_at IS NULL AND party_id IS NOT NULL AND $1 = ANY(committee_ids)`,
      [committeeId],
    );
    return rows.map((row) => row.party_id);
  }

  /** The invitees, present unless they declined: the attendance a first draft starts from. */
  async invitedAttendance(manager: EntityManager, sessionId: string): Promise<MinutesAttendance[]> {
    const rows = await manager.query<Array<{ participant_id: string; party_id: string; rsvp: string }>>(
      `SELECT v.participant_id, p.party_id, v.rsvp FROM session_participants v
         JOIN participants p ON p.id = v.participant_id
        WHERE v.session_id = $1 ORDER BY p.party_id, v.created_at, v.participant_id`,
      [sessionId],
    );
    return rows.map((row) => ({
      participantId: row.participant_id,
      partyId: row.party_id,
      present: row.rsvp !== 'declined',
    }));
  }

  /** Participant id → party id, for those of the committee among `ids`. */
  async participantParties(
    manager: EntityManager,
    committeeId: string,
    ids: string[],
  ): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const found = await manager.find(Participant, {
      where: { id: In(unique), committeeId },
      select: { id: true, partyId: true },
    });
    return new Map(found.map((participant) => [participant.id, participant.partyId]));
  }

  /** The session's agenda in order, numbered as the rendered agenda numbers it (1, 2, 2.1). */
  async numberedAgenda(manager: EntityManager, sessionId: string): Promise<NumberedAgendaItem[]> {
    const items = await manager.find(AgendaItem, {
      where: { sessionId },
      order: { position: 'ASC', id: 'ASC' },
    });
    const numbered: NumberedAgendaItem[] = [];
    items
      .filter((item) => item.parentId === null)
      .forEach((parent, index) => {
        numbered.push({ id: parent.id, number: `${index + 1}`, title: parent.title });
        items
          .filter((child) => child.parentId === parent.id)
          .forEach((child, childIndex) =>
            numbered.push({ id: child.id, number: `${index + 1}.${childIndex + 1}`, title: child.title }),
          );
      });
    return numbered;
  }

  /**
   * Agreed minutes hand their action items to the committee's list: new ones are added, changed
   * ones updated (their status is kept: it moves on outside the minutes), removed ones deleted.
   * Each new row is stamped with the clock, not the transaction's start, so the list keeps the
   * minutes' order.
   */
  async syncActionItems(manager: EntityManager, session: Session, content: MinutesContent): Promise<void> {
    const entries = content.items.flatMap((item) =>
      item.actionItems.map((action) => ({ action, agendaItemId: item.agendaItemId })),
    );
    const ids = entries.map((entry) => entry.action.id);
    await manager.query(`DELETE FROM action_items WHERE session_id = $1 AND NOT (id = ANY($2::uuid[]))`, [
      session.id,
      ids,
    ]);
    for (const { action, agendaItemId } of entries) {
      await manager.query(
        `INSERT INTO action_items
           (id, committee_id, session_id, working_group_id, agenda_item_id, title, party_id, owner_ids, due_date, status, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, clock_timestamp())
         ON CONFLICT (id) DO UPDATE SET agenda_item_id = EXCLUDED.agenda_item_id, title = EXCLUDED.title,
           party_id = EXCLUDED.party_id, owner_ids = EXCLUDED.owner_ids, due_date = EXCLUDED.due_date,
           updated_at = now()`,
        [
          action.id,
          session.committeeId,
          session.id,
          session.workingGroupId,
          agendaItemId,
          JSON.stringify(action.title),
          action.partyId,
          action.ownerIds,
          action.dueDate,
          action.status,
        ],
      );
    }
  }

  actionItemsOf(sessionId: string): Promise<ActionItem[]> {
    return this.dataSource.getRepository(ActionItem).findBy({ sessionId });
  }
}
