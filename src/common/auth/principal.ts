/** What a caller may be; a stored API token carries one (api-tokens). */
export const TOKEN_ROLES = ['admin', 'organizer', 'delegate'] as const;
export type TokenRole = (typeof TOKEN_ROLES)[number];

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
  /** For a delegate: its participant's locale, the language its reads default to. */
  locale?: string | null;
  /** For an organizer: the party whose secretariat it is, if its token names one. */
  partyId?: string | null;
}

/** A stable key for per-caller records such as idempotency keys. */
export function principalKey(principal: Principal): string {
  return principal.tokenId ?? 'environment-admin';
}

/**
 * Finds who a stored token stands for, by the token's hash; undefined when it is unknown or
 * revoked. The auth guard asks; the api-tokens feature, which owns the tokens, answers.
 */
export abstract class PrincipalLookup {
  abstract byTokenHash(tokenHash: string): Promise<Principal | undefined>;
}
