import { Injectable } from '@nestjs/common';
import type { Principal } from './principal.js';

/** How long one instance trusts what it read about a token. Revocation here is immediate. */
export const TOKEN_CACHE_MS = 5_000;
const MAX_ENTRIES = 10_000;

/**
 * Token lookups, remembered for a few seconds so that a burst of requests with the same
 * token costs one query. Revoking on this instance forgets the token at once; another
 * instance stops accepting it within TOKEN_CACHE_MS.
 */
@Injectable()
export class TokenCache {
  private readonly entries = new Map<string, { principal: Principal | undefined; expires: number }>();

  get(tokenHash: string, now = Date.now()): { principal: Principal | undefined } | undefined {
    const entry = this.entries.get(tokenHash);
    if (!entry) return undefined;
    if (entry.expires <= now) {
      this.entries.delete(tokenHash);
      return undefined;
    }
    return { principal: entry.principal };
  }

  set(tokenHash: string, principal: Principal | undefined, now = Date.now()): void {
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(tokenHash, { principal, expires: now + TOKEN_CACHE_MS });
  }

  forgetToken(tokenId: string): void {
    for (const [hash, entry] of this.entries) {
      if (entry.principal?.tokenId === tokenId) this.entries.delete(hash);
    }
  }
}
