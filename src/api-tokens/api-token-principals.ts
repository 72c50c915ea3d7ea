import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PrincipalLookup, type Principal, type TokenRole } from '../common/auth/principal.js';

interface TokenRow {
  id: string;
  role: TokenRole;
  committee_ids: string[];
  participant_id: string | null;
  participant_committee_id: string | null;
  participant_locale: string | null;
  party_id: string | null;
}

/** The principal of a live stored token, with a delegate's committee, in one query. */
@Injectable()
export class ApiTokenPrincipals extends PrincipalLookup {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async byTokenHash(tokenHash: string): Promise<Principal | undefined> {
    const rows: TokenRow[] = await this.dataSource.query(
      `SELECT t.id, t.role, t.committee_ids, t.participant_id, t.party_id, p.committee_id AS participant_committee_id,
              p.locale AS participant_locale
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
      locale: row.participant_locale,
      partyId: row.party_id,
    };
  }
}
