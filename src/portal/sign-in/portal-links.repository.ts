import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/** A sign-in link to insert: whose it is, the hash of its secret and when it stops working. */
export interface NewPortalLink {
  participantId: string;
  tokenHash: string;
  expiresAt: Date;
}

/** The portal links' queries that TypeORM's repository API does not express. */
@Injectable()
export class PortalLinksRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Links of kind `mail`, all in one statement. */
  async insertMailLinks(links: readonly NewPortalLink[]): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO portal_links (participant_id, kind, token_hash, expires_at)
       SELECT participant_id, 'mail', token_hash, expires_at
         FROM unnest($1::uuid[], $2::text[], $3::timestamptz[]) AS l(participant_id, token_hash, expires_at)`,
      [
        links.map((link) => link.participantId),
        links.map((link) => link.tokenHash),
        links.map((link) => link.expiresAt),
      ],
    );
  }

  /**
   * Marks the link with this hash used, if it can still sign someone in, in the statement that
   * checks it: two clicks at once cannot both use a one-time link. Its id, or undefined.
   */
  async markUsed(manager: EntityManager, tokenHash: string): Promise<string | undefined> {
    const rows = await manager.query<Array<{ id: string }>>(
      `WITH used AS (
         UPDATE portal_links SET used_at = COALESCE(used_at, now())
          WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > now()
            AND (kind <> 'one_time' OR used_at IS NULL)
         RETURNING id)
       SELECT id FROM used`,
      [tokenHash],
    );
    return rows[0]?.id;
  }
}
