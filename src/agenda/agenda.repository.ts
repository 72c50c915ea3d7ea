import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { Principal } from '../common/auth/principal.js';
import type { LocalizedText } from '../common/i18n/localized-text.js';
import { partyZonesSql } from '../parties/parties.repository.js';
import type { Rsvp } from '../sessions/session-participant.entity.js';
import { Session } from '../sessions/session.entity.js';
import { visibleSessionsCondition } from '../sessions/sessions.repository.js';
import { AgendaItem } from './agenda-item.entity.js';

/** What `withAgenda` adds to a session's row (and `answer`, a reader's RSVP, where a query adds it). */
export interface AgendaRaw {
  party_zones: string[] | null;
  agenda_items: Array<Record<string, unknown>> | null;
  presenters: Array<{ id: string; full_name: LocalizedText }> | null;
  answer?: Rsvp | null;
}

/** The parties' zones, the agenda items and their presenters of a session `s`: (expression, name). */
export const AGENDA_SELECTS: ReadonlyArray<[string, keyof AgendaRaw]> = [
  [partyZonesSql('s.committee_id'), 'party_zones'],
  [`(SELECT json_agg(a.*) FROM agenda_items a WHERE a.session_id = s.id)`, 'agenda_items'],
  [
    // = ANY(ARRAY(…)) reads the presenters by primary key; IN (SELECT unnest …) was planned as a
    // scan of every committee's participants on each read.
    `(SELECT json_agg(json_build_object('id', pt.id, 'full_name', pt.full_name)) FROM participants pt
       WHERE pt.id = ANY(ARRAY(SELECT unnest(a.presenter_ids) FROM agenda_items a WHERE a.session_id = s.id)))`,
    'presenters',
  ],
];

/** Adds `AGENDA_SELECTS` to a query of sessions `s`. */
export function withAgenda(query: SelectQueryBuilder<Session>): SelectQueryBuilder<Session> {
  for (const [expression, name] of AGENDA_SELECTS) query.addSelect(expression, name);
  return query;
}

/** The agenda_items table, and a session read with its whole agenda. */
@Injectable()
export class AgendaRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The session with its parties' zones, items and presenters in one query, when the principal may see it. */
  async visibleSessionWithAgenda(
    principal: Principal,
    sessionId: string,
  ): Promise<{ session: Session; row: AgendaRaw } | undefined> {
    const visible = visibleSessionsCondition('s', principal);
    const query = withAgenda(this.dataSource.getRepository(Session).createQueryBuilder('s'))
      .where('s.id = :sessionId', { sessionId })
      .andWhere(visible.condition, visible.parameters);
    const { entities, raw } = await query.getRawAndEntities<AgendaRaw>();
    return entities[0] ? { session: entities[0], row: raw[0] } : undefined;
  }

  /** The session's items in agenda order. */
  itemsOf(manager: EntityManager, sessionId: string): Promise<AgendaItem[]> {
    return manager.find(AgendaItem, { where: { sessionId }, order: { position: 'ASC', id: 'ASC' } });
  }

  /** The position after the last item under `parentId` (top level when null). */
  async nextPosition(manager: EntityManager, sessionId: string, parentId: string | null): Promise<number> {
    const [{ next }] = await manager.query<Array<{ next: number }>>(
      `SELECT coalesce(max(position), 0) + 1 AS next FROM agenda_items
          WHERE session_id = $1 AND parent_id IS NOT DISTINCT FROM $2`,
      [sessionId, parentId],
    );
    return next;
  }

  /** Sets every item's parent and position in one statement. */
  async placeAll(
    manager: EntityManager,
    places: Array<{ id: string; parentId: string | null; position: number }>,
  ): Promise<void> {
    if (places.length === 0) return;
    await manager.query(
      `UPDATE agenda_items a SET parent_id = o.parent_id, position = o.position, updated_at = now()
         FROM unnest($1::uuid[], $2::uuid[], $3::int[]) AS o(id, parent_id, position)
        WHERE a.id = o.id`,
      [
        places.map((place) => place.id),
        places.map((place) => place.parentId),
        places.map((place) => place.position),
      ],
    );
  }

  /** The agenda is part of the session: its version (the ETag) goes up with every agenda write. */
  async bumpSessionVersion(manager: EntityManager, sessionId: string): Promise<void> {
    await manager.query('UPDATE sessions SET version = version + 1, updated_at = now() WHERE id = $1', [
      sessionId,
    ]);
  }
}

/** json_agg gives the row with its column names; map it to the entity's shape. */
export function toAgendaItem(row: Record<string, unknown>): AgendaItem {
  return {
    id: row.id as string,
    sessionId: row.session_id as string,
    parentId: (row.parent_id as string | null) ?? null,
    position: row.position as number,
    title: row.title as LocalizedText,
    description: (row.description as LocalizedText | null) ?? null,
    kind: row.kind as AgendaItem['kind'],
    durationMinutes: row.duration_minutes as number,
    presenterIds: (row.presenter_ids as string[]) ?? [],
    links: (row.links as AgendaItem['links']) ?? [],
    createdAt: new Date(row.created_at as string),
    updatedAt: new Date(row.updated_at as string),
  };
}
