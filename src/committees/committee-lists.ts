import type { EntityManager } from 'typeorm';
import { NotFoundError } from '../common/errors/problem.js';
import type { Page } from '../common/pagination/pagination.js';
import { Committee } from './committee.entity.js';

/**
 * A list under `/committees/:id/…` of a committee that does not exist is a 404, not an empty
 * page. Asked only when the page is empty, so a normal list costs no extra query.
 */
export async function committeeListPage<T>(
  manager: EntityManager,
  committeeId: string,
  page: Page<T>,
): Promise<Page<T>> {
  if (page.items.length === 0 && !(await manager.existsBy(Committee, { id: committeeId }))) {
    throw new NotFoundError('Committee');
  }
  return page;
}
