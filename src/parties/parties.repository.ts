import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { pageOfCommittee } from '../committees/committees.repository.js';
import type { Page, PageQuery } from '../common/pagination/pagination.js';
import { Party } from './party.entity.js';

/**
 * The committee's party zones in the order the parties were added, as a subquery of a larger
 * statement (`committeeSql` names the committee there; `alias` must not clash with its aliases).
 */
export function partyZonesSql(committeeSql: string, alias = 'p'): string {
  return `(SELECT array_agg(${alias}.time_zone ORDER BY ${alias}.created_at, ${alias}.id) FROM parties ${alias} WHERE ${alias}.committee_id = ${committeeSql})`;
}

@Injectable()
export class PartiesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** A committee's parties in the order they were added. */
  pageOf(committeeId: string, page: PageQuery): Promise<Page<Party>> {
    const query = this.dataSource.getRepository(Party).createQueryBuilder('party');
    return pageOfCommittee(query, 'party', committeeId, page);
  }

  /** Each committee's distinct party zones, in the order the parties were added (one query). */
  async zonesByCommittee(committeeIds: string[]): Promise<Map<string, string[]>> {
    const unique = [...new Set(committeeIds)];
    const zones = new Map<string, string[]>();
    if (unique.length === 0) return zones;
    const rows = await this.dataSource.query<Array<{ committee_id: string; time_zone: string }>>(
      `SELECT committee_id, time_zone FROM parties WHERE committee_id = ANY($1) ORDER BY created_at, id`,
      [unique],
    );
    for (const row of rows) {
      const list = zones.get(row.committee_id) ?? [];
      if (!list.includes(row.time_zone)) list.push(row.time_zone);
      zones.set(row.committee_id, list);
    }
    return zones;
  }
}
