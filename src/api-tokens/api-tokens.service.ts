import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull, Repository } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { Committee } from '../committees/committee.entity.js';
import { TokenCache } from '../common/auth/token-cache.js';
import { generateToken, hashToken } from '../common/auth/token-hash.js';
import { invalid, NotFoundError } from '../common/errors/problem.js';
import { paginate, type Page, type PageQuery } from '../common/pagination/pagination.js';
import { Participant } from '../participants/participant.entity.js';
import { Party } from '../parties/party.entity.js';
import { ApiToken } from './api-token.entity.js';
import type { CreateApiTokenDto } from './dto/api-token.dto.js';

@Injectable()
export class ApiTokensService {
  private readonly tokens: Repository<ApiToken>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly tokenCache: TokenCache,
  ) {
    this.tokens = dataSource.getRepository(ApiToken);
  }

  async create(input: CreateApiTokenDto): Promise<{ token: ApiToken; secret: string }> {
    const committeeIds = [...new Set(input.committeeIds ?? [])];
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
      const exists = await this.dataSource.getRepository(Participant).existsBy({ id: input.participantId });
      if (!exists) throw invalid('participantId', 'names a participant that does not exist');
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
    const { secret } = await this.create({ name: 'First administrator', role: 'admin' });
    return secret;
  }

  list(page: PageQuery): Promise<Page<ApiToken>> {
    return paginate(this.tokens.createQueryBuilder('token'), {
      sortExpression: 'token.created_at',
      idExpression: 'token.id',
      sortCast: 'timestamptz',
      page,
    });
  }

  async revoke(id: string): Promise<void> {
    const result = await this.tokens
      .createQueryBuilder()
      .update()
      .set({ revokedAt: () => 'now()' })
      .where('id = :id AND revoked_at IS NULL', { id })
      .execute();
    if (result.affected === 0 && !(await this.tokens.existsBy({ id }))) throw new NotFoundError('API token');
    this.tokenCache.forgetToken(id);
  }
}
