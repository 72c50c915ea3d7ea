import { Injectable } from '@nestjs/common';
import { PrincipalLookup, type Principal } from '../common/auth/principal.js';
import { ApiTokensRepository } from './api-tokens.repository.js';

/** The lookup the auth guard asks, answered from stored tokens. */
@Injectable()
export class ApiTokenPrincipals extends PrincipalLookup {
  constructor(private readonly tokens: ApiTokensRepository) {
    super();
  }

  byTokenHash(tokenHash: string): Promise<Principal | undefined> {
    return this.tokens.principalByHash(tokenHash);
  }
}
