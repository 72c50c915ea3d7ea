import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** A sign-in link to insert: whose it is, the hash of its secret and when it stops working. */
export interface NewPortalLink {
  participantId: string;
  tokenHash: string;
  expiresAt: Date;
}

/** The portal links' queries that TypeORM's repository does not write for us. */
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
}
