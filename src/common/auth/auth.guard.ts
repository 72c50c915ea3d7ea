import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Inject,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DataSource } from 'typeorm';
import type { TokenRole } from '../../api-tokens/api-token.entity.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { ALLOWED_ROLES, PUBLIC_ROUTE } from './decorators.js';
import type { Principal } from './principal.js';
import { TokenCache } from './token-cache.js';
import { hashToken, sameSecret } from './token-hash.js';

interface TokenRow {
  id: string;
  role: TokenRole;
  committee_ids: string[];
  participant_id: string | null;
  participant_committee_id: string | null;
  party_id: string | null;
}

/** Every route needs a bearer token unless it is marked @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly dataSource: DataSource,
    private readonly tokenCache: TokenCache,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    const request = context
      .switchToHttp()
      .getRequest<{ headers: Record<string, unknown>; principal?: Principal }>();
    const token = bearerToken(request.headers.authorization);
    if (!token) throw unauthorized('A bearer token is required');
    const principal = await this.resolve(token);
    if (!principal) throw unauthorized('The token is unknown or revoked');
    request.principal = principal;

    const roles = this.reflector.getAllAndOverride<TokenRole[] | undefined>(ALLOWED_ROLES, targets);
    if (roles && !roles.includes(principal.role)) {
      throw new ForbiddenException({
        code: 'forbidden',
        detail: `This route needs the role ${roles.join(' or ')}`,
      });
    }
    return true;
  }

  private async resolve(token: string): Promise<Principal | undefined> {
    if (this.config.adminToken && sameSecret(token, this.config.adminToken)) {
      return {
        tokenId: null,
        role: 'admin',
        committeeIds: [],
        participantId: null,
        participantCommitteeId: null,
      };
    }
    const tokenHash = hashToken(token);
    const cached = this.tokenCache.get(tokenHash);
    if (cached) return cached.principal;
    const principal = await this.lookUp(tokenHash);
    this.tokenCache.set(tokenHash, principal);
    return principal;
  }

  private async lookUp(tokenHash: string): Promise<Principal | undefined> {
    const rows: TokenRow[] = await this.dataSource.query(
      `SELECT t.id, t.role, t.committee_ids, t.participant_id, t.party_id, p.committee_id AS participant_committee_id
         FROM api_tokens t LEFT JOIN participants p ON p.id = t.participant_id
        WHERE t.token_hash = $1 AND t.revoked_at IS NULL`,
      [tokenHash],
    );
    const row = rows[0];
    if (!row) return undefined;
    return {
      tokenId: row.id,
      role: row.role,
      committeeIds: row.committee_ids,
      participantId: row.participant_id,
      participantCommitteeId: row.participant_committee_id,
      partyId: row.party_id,
    };
  }
}

function bearerToken(header: unknown): string | undefined {
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

function unauthorized(detail: string): UnauthorizedException {
  return new UnauthorizedException({ code: 'unauthorized', detail });
}
