import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { pageOfCommittee } from '../committees/committees.repository.js';
import type { Page, PageQuery } from '../common/pagination/pagination.js';
import { WorkingGroup } from './working-group.entity.js';

@Injectable()
export class WorkingGroupsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** A committee's working groups in the order they were created. */
  pageOf(committeeId: string, page: PageQuery): Promise<Page<WorkingGroup>> {
    const query = this.dataSource.getRepository(WorkingGroup).createQueryBuilder('wg');
    return pageOfCommittee(query, 'wg', committeeId, page);
  }
}
