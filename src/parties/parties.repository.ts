import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { pageOfCommittee } from '../committees/committees.repository.js';
import type { Page, PageQuery } from '../common/pagination/pagination.js';
import { Party } from './party.entity.js';

@Injectable()
export class PartiesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** A committee's parties in the order they were added. */
  pageOf(committeeId: string, page: PageQuery): Promise<Page<Party>> {
    const query = this.dataSource.getRepository(Party).createQueryBuilder('party');
    return pageOfCommittee(query, 'party', committeeId, page);
  }
}
