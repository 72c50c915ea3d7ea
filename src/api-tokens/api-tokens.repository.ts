import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, type SelectQueryBuilder } from 'typeorm';
import type { Principal, TokenRole } from '../common/auth/principal.js';
import { pageByCreation, type Page, type PageQuery } from '../common/pagination/pagination.js';
import { ApiToken } from './api-token.entity.js';

interface PrincipalRow {
  id: string;
  role: TokenRole;
  committee_ids: string[];
  participant_id: string | null;
  participant_committee_id: string | null;
  participant_locale: string | null;
  party_id: string | null;
}

/** The api_tokens table: who a token is, and the tokens a caller may see and revoke. */
@Injectable()
export class ApiTokensRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The principal of a live stored token, with a delegate's committee and locale, in one query. */
  async principalByHash(tokenHash: string): Promise<Principal | undefined> {
    const [row] = await this.dataSource.query<PrincipalRow[]>(
      `SELECT t.id, t.role, t.committee_ids, t.participant_id, t.party_id, p.committee_id AS participant_committee_id,
              p.locale AS participant_locale
         FROM api_tokens t LEFT JOIN participants p ON p.id = t.participant_id
        WHERE t.token_hash = $1 AND t.revoked_at IS NULL`,
      [tokenHash],
    );
    if (!row) return undefined;
    return {
      tokenId: row.id,
      role: row.role,
      committeeIds: row.committee_ids,
      participantId: row.participant_id,
      participantCommitteeId: row.participant_committee_id,
      locale: row.participant_locale,
      partyId: row.party_id,
    };
  }

  pageVisibleTo(principal: Principal, page: PageQuery): Promise<Page<ApiToken>> {
    return pageByCreation(this.visibleTo(principal), 'token', page);
  }

  isVisibleTo(principal: Principal, id: string): Promise<boolean> {
    return this.visibleTo(principal).andWhere('token.id = :id', { id }).getExists();
  }

  /** Revokes a live token; false when it was revoked already or does not exist. */
  async revoke(id: string): Promise<boolean> {
    const result = await this.dataSource
      .getRepository(ApiToken)
      .createQueryBuilder()
      .update()
      .set({ revokedAt: () => 'now()' })
      .where('id = :id AND revoked_at IS NULL', { id })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /** An organizer sees its committees' delegate tokens and organizer tokens within its committees. */
  private visibleTo(principal: Principal): SelectQueryBuilder<ApiToken> {
    const query = this.dataSource.getRepository(ApiToken).createQueryBuilder('token');
    if (principal.role === 'admin') return query;
    return query
      .leftJoin('token.participant', 'participant')
      .where(
        new Brackets((either) =>
          either
            .where("token.role = 'delegate' AND participant.committee_id = ANY(:managed)")
            .orWhere("token.role = 'organizer' AND token.committee_ids <@ :managed::uuid[]"),
        ),
        { managed: principal.committeeIds },
      );
  }
}
