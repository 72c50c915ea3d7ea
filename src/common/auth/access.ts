import { ForbiddenError, NotFoundError } from '../errors/problem.js';
import type { Principal } from './principal.js';

/** Admins and the committee's organizers manage it. */
export function canManageCommittee(principal: Principal, committeeId: string): boolean {
  return (
    principal.role === 'admin' ||
    (principal.role === 'organizer' && principal.committeeIds.includes(committeeId))
  );
}

/** Managers, and delegates of the committee, see its structure. */
export function canReadCommittee(principal: Principal, committeeId: string): boolean {
  return canManageCommittee(principal, committeeId) || principal.participantCommitteeId === committeeId;
}

/** What a caller may not see does not exist for it: 404, so ids cannot be probed. */
export function assertCanReadCommittee(principal: Principal, committeeId: string, what = 'Committee'): void {
  if (!canReadCommittee(principal, committeeId)) throw new NotFoundError(what);
}

/** A caller who may see the committee but not change it gets 403; one who may not see it, 404. */
export function assertCanManageCommittee(
  principal: Principal,
  committeeId: string,
  what = 'Committee',
): void {
  assertCanReadCommittee(principal, committeeId, what);
  if (!canManageCommittee(principal, committeeId)) {
    throw new ForbiddenError('Only the committee’s organizers may change this');
  }
}
