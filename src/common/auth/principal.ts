import type { TokenRole } from '../../api-tokens/api-token.entity.js';

/** Who is calling, resolved from the bearer token once per request and handed to services. */
export interface Principal {
  /** The stored token's id; null for ADMIN_TOKEN from the environment. */
  tokenId: string | null;
  role: TokenRole;
  /** Committees an organizer manages. */
  committeeIds: string[];
  /** For a delegate: its participant and that participant's committee. */
  participantId: string | null;
  participantCommitteeId: string | null;
  /** For an organizer: the party whose secretariat it is, if its token names one. */
  partyId?: string | null;
}

/** A stable key for per-caller records such as idempotency keys. */
export function principalKey(principal: Principal): string {
  return principal.tokenId ?? 'environment-admin';
}
