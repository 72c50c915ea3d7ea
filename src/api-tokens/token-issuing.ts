import type { Principal } from '../common/auth/principal.js';
import type { TokenRole } from '../common/auth/principal.js';
import { ForbiddenError } from '../common/errors/problem.js';

/**
 * Admins issue any token. An organizer onboards its own committees' people: delegate tokens
 * (the participant is checked by the caller) and organizer tokens for committees it manages
 * itself; never an admin token, and never a committee beyond its own.
 */
export function assertMayIssue(principal: Principal, role: TokenRole, committeeIds: string[]): void {
  if (principal.role === 'admin') return;
  if (role === 'admin') {
    throw new ForbiddenError('Only an admin may create admin tokens');
  }
  const beyond = committeeIds.filter((id) => !principal.committeeIds.includes(id));
  if (beyond.length > 0) {
    throw new ForbiddenError('An organizer token may name only committees the caller manages', [
      { path: 'committeeIds', message: 'names a committee the caller does not manage' },
    ]);
  }
}
