import type { EntityManager } from 'typeorm';
import type { Principal } from '../common/auth/principal.js';
import { ForbiddenError, NotFoundError } from '../common/errors/problem.js';
import { seesAnySession, type SqlCondition } from './sessions.repository.js';

/**
 * For a caller who may not change a thing: 404 when it cannot even see a session of it
 * (`where` picks the sessions, on alias `s`), else 403.
 */
export async function refuseWrite(
  manager: EntityManager,
  principal: Principal,
  what: string,
  where: SqlCondition,
): Promise<never> {
  if (!(await seesAnySession(manager, principal, where))) throw new NotFoundError(what);
  throw new ForbiddenError('Only the committee’s organizers may change this');
}
