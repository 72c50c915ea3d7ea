import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull, Repository } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { Committee } from '../committees/committee.entity.js';
import { canManageCommittee } from '../common/auth/access.js';
import type { Principal } from '../common/auth/principal.js';
import { TokenCache } from '../common/auth/token-cache.js';
import { generateToken, hashToken } from '../common/auth/token-hash.js';
import { invalid, NotFoundError } from '../common/errors/problem.js';
import { type Page, type PageQuery } from '../common/pagination/pagination.js';
import { Participant } from '../participants/participant.entity.js';
import { Party } from '../parties/party.entity.js';
import { ApiToken } from './api-token.entity.js';
import { ApiTokensRepository } from './api-tokens.repository.js';
import type { CreateApiTokenDto } from './dto/api-token.dto.js';
import { assertMayIssue } from './token-issuing.js';

@Injectable()
export class ApiTokensService {
  private readonly tokens: Repository<ApiToken>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly tokenCache: TokenCache,
    private readonly repository: ApiTokensRepository,
  ) {
    this.tokens = dataSource.getRepository(ApiToken);
  }

  async create(principal: Principal, input: CreateApiTokenDto): Promise<{ token: ApiToken; secret: string }> {
    const committeeIds = [...new Set(input.committeeIds ?? [])];
    assertMayIssue(principal, input.role, committeeIds);
    if (input.role === 'organizer') {
      if (committeeIds.length === 0)
        throw invalid('committeeIds', 'must name at least one committee for an organizer');
      const found = await this.dataSource.getRepository(Committee).countBy({ id: In(committeeIds) });
      if (found !== committeeIds.length)
        throw invalid('committeeIds', 'names a committee that does not exist');
    } else if (committeeIds.length > 0) {
      throw invalid('committeeIds', `is only for organizer tokens`);
    }
    if (input.role === 'delegate') {
      if (!input.participantId) throw invalid('participantId', 'is required for a delegate token');
      const participant = await this.dataSource
        .getRepository(Participant)
        .findOneBy({ id: input.participantId });
      // A participant of a committee the organizer does not manage is, for it, not there.
      if (!participant || !canManageCommittee(principal, participant.committeeId))
        throw invalid('participantId', 'names a participant that does not exist');
    } else if (input.participantId) {
      throw invalid('participantId', 'is only for delegate tokens');
    }
    if (input.partyId) {
      if (input.role !== 'organizer') throw invalid('partyId', 'is only for organizer tokens');
      const party = await this.dataSource.getRepository(Party).existsBy({
        id: input.partyId,
        committeeId: In(committeeIds),
      });
      if (!party) throw invalid('partyId', 'must be a party of one of the token’s committees');
    }
    const secret = generateToken('qrm');
    const token = await this.tokens.save(
      this.tokens.create({
        name: input.name,
        role: input.role,
        committeeIds,
        participantId: input.participantId ?? null,
        partyId: input.partyId ?? null,
        tokenHash: hashToken(secret),
        revokedAt: null,
      }),
    );
    return { token, secret };
  }

  /**
   * On a brand-new installation there is no way in without a token: create one admin
   * token, unless ADMIN_TOKEN is set or an admin token already exists.
   */
  async createFirstAdminTokenIfNone(config: Pick<AppConfig, 'adminToken'>): Promise<string | undefined> {
    if (config.adminToken) return undefined;
    if (await this.tokens.existsBy({ role: 'admin', revokedAt: IsNull() })) return undefined;
    const { secret } = await this.create(SYSTEM, { name: 'First administrator', role: 'admin' });
    return secret;
  }

  list(principal: Principal, page: PageQuery): Promise<Page<ApiToken>> {
    return this.repository.pageVisibleTo(principal, page);
  }

  async revoke(principal: Principal, id: string): Promise<void> {
    if (!(await this.repository.isVisibleTo(principal, id))) throw new NotFoundError('API token');
    if (!(await this.repository.revoke(id)) && !(await this.tokens.existsBy({ id }))) {
      throw new NotFoundError('API token');
    }
    this.tokenCache.forgetToken(id);
  }
}

/** Start-up work (the first admin token) runs with an admin's rights. */
const SYSTEM: Principal = {
  tokenId: null,
  role: 'admin',
  committeeIds: [],
  participantId: null,
  participantCommitteeId: null,
};
