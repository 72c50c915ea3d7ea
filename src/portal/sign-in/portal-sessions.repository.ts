import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { LocalizedText } from '../../common/i18n/localized-text.js';
import { PortalSession } from './portal-session.entity.js';

/** A signed-in delegate's row: `portal_sessions ps` joined with `participants vp`. */
export interface ViewerRow {
  session_id: string;
  csrf_token: string;
  participant_id: string;
  committee_id: string;
  full_name: LocalizedText;
  locale: string;
  time_zone: string;
}

/** The columns of a `ViewerRow` (expression, name), for queries that read the viewer with what it views. */
export const VIEWER_SELECTS: ReadonlyArray<[string, keyof ViewerRow]> = [
  ['ps.id', 'session_id'],
  ['ps.csrf_token', 'csrf_token'],
  ['vp.id', 'participant_id'],
  ['vp.committee_id', 'committee_id'],
  ['vp.full_name', 'full_name'],
  ['vp.locale', 'locale'],
  ['vp.time_zone', 'time_zone'],
];
export const VIEWER_COLUMNS = VIEWER_SELECTS.map(([expression, name]) => `${expression} AS ${name}`).join(
  ', ',
);

/** The browsers' sign-in sessions (`portal_sessions`), found by the hash of their cookie's secret. */
@Injectable()
export class PortalSessionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The delegate a session signs in, while it has not ended or expired. */
  async viewerByTokenHash(tokenHash: string): Promise<ViewerRow | undefined> {
    const rows = await this.dataSource.query<ViewerRow[]>(
      `SELECT ${VIEWER_COLUMNS}
         FROM portal_sessions ps JOIN participants vp ON vp.id = ps.participant_id
        WHERE ps.token_hash = $1 AND ps.expires_at > now()`,
      [tokenHash],
    );
    return rows[0];
  }

  async endByTokenHash(tokenHash: string): Promise<void> {
    await this.dataSource.getRepository(PortalSession).delete({ tokenHash });
  }
}
