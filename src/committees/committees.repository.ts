import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import type { Principal } from '../common/auth/principal.js';
import { NotFoundError } from '../common/errors/problem.js';
import { pageByCreation, type Page, type PageQuery } from '../common/pagination/pagination.js';
import { Committee } from './committee.entity.js';

/** The committees table: the pages a caller may see and the writes that need a row lock. */
@Injectable()
export class CommitteesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Committees the principal may see: all for an admin, its own for an organizer or a delegate. */
  pageVisibleTo(principal: Principal, page: PageQuery): Promise<Page<Committee>> {
    const query = this.dataSource.getRepository(Committee).createQueryBuilder('committee');
    if (principal.role === 'organizer') {
      query.where('committee.id = ANY(:ids)', { ids: principal.committeeIds });
    } else if (principal.role === 'delegate') {
      query.where('committee.id = :id', { id: principal.participantCommitteeId });
    }
    return pageByCreation(query, 'committee', page);
  }

  /** Locks the committee's row for the rest of the transaction; false when there is none. */
  async lockForDelete(manager: EntityManager, id: string): Promise<boolean> {
    const rows = await manager.query<Array<{ id: string }>>(
      'SELECT id FROM committees WHERE id = $1 FOR UPDATE',
      [id],
    );
    return rows.length > 0;
  }

  async sessionCount(manager: EntityManager, id: string): Promise<number> {
    const [{ count }] = await manager.query<Array<{ count: number }>>(
      'SELECT count(*)::int AS count FROM sessions WHERE committee_id = $1',
      [id],
    );
    return count;
  }

  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.query('DELETE FROM committees WHERE id = $1', [id]);
  }
}

/**
 * A page of a committee's own rows (`alias.committee_id`), narrowed by `narrow`. A list under
 * `/committees/:id/…` of a committee that does not exist is a 404, not an empty page; that is
 * asked only when the page is empty, so a normal list costs one query.
 */
export async function pageOfCommittee<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  alias: string,
  committeeId: string,
  page: PageQuery,
): Promise<Page<T>> {
  query.andWhere(`${alias}.committee_id = :committeeId`, { committeeId });
  const found = await pageByCreation(query, alias, page);
  if (
    found.items.length === 0 &&
    !(await query.connection.manager.existsBy(Committee, { id: committeeId }))
  ) {
    throw new NotFoundError('Committee');
  }
  return found;
}

/** Raises the committee's content version (what its feeds' ETags come from); the new version. */
export async function bumpContentVersion(
  manager: EntityManager,
  committeeId: string,
): Promise<number | undefined> {
  // TypeORM answers an UPDATE … RETURNING on PostgreSQL with [rows, affected count].
  const [rows] = await manager.query<[Array<{ content_version: number }>, number]>(
    `UPDATE committees SET content_version = content_version + 1, content_changed_at = now()
        WHERE id = $1 RETURNING content_version`,
    [committeeId],
  );
  return rows[0]?.content_version;
}

/** The committee's default language. */
export async function defaultLocaleOf(manager: EntityManager, committeeId: string): Promise<string> {
  const [committee] = await manager.query<Array<{ default_locale: string }>>(
    'SELECT default_locale FROM committees WHERE id = $1',
    [committeeId],
  );
  return committee.default_locale;
}
