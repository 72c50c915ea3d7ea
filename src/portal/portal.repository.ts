import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { loadedAgenda, type LoadedAgenda } from '../agenda/agenda-render.service.js';
import { AGENDA_SELECTS, type AgendaRaw } from '../agenda/agenda.repository.js';
import { hashToken } from '../common/auth/token-hash.js';
import { preparedRow } from '../database/prepared-row.js';
import { READABLE_STATUSES } from '../minutes/minutes.repository.js';
import type { Rsvp } from '../sessions/session-participant.entity.js';
import { participantVisibilitySql } from '../sessions/sessions.repository.js';
import { Session } from '../sessions/session.entity.js';
import { VIEWER_COLUMNS, type ViewerRow } from './sign-in/portal-sessions.repository.js';
import { toViewer, type PortalViewer } from './sign-in/portal-sessions.service.js';

/** What the session page needs, read in one statement with the signed-in delegate. */
export interface SessionPageRead {
  viewer: PortalViewer;
  agenda: LoadedAgenda;
  /** Whether the session has minutes this delegate may read (agreed or signed). */
  minutesReadable: boolean;
}

/** The session page's prepared statement, by name on each connection. */
const SESSION_PAGE_STATEMENT = 'quorum_portal_session_page';

type SessionPageRow = AgendaRaw & ViewerRow & { minutes_readable: boolean } & Record<string, unknown>;

/** The questions portal pages ask that the API's services do not. */
@Injectable()
export class PortalRepository {
  /** The session page's statement and the session columns it reads, built once from the entity. */
  private sessionPageStatement: { text: string; columns: Array<[string, string]> } | undefined;

  constructor(private readonly dataSource: DataSource) {}

  /** A participant's answers to the given sessions' invitations. */
  async answers(participantId: string, sessionIds: string[]): Promise<Map<string, Rsvp>> {
    if (sessionIds.length === 0) return new Map();
    const rows = await this.dataSource.query<Array<{ session_id: string; rsvp: Rsvp }>>(
      'SELECT session_id, rsvp FROM session_participants WHERE participant_id = $1 AND session_id = ANY($2)',
      [participantId, sessionIds],
    );
    return new Map(rows.map((row) => [row.session_id, row.rsvp]));
  }

  /**
   * The session page in one round trip: the delegate the cookie signs in, the session and its
   * agenda under that delegate's visibility (the API's rule), the delegate's answer and whether
   * agreed minutes exist. Undefined when the cookie signs no one in or the session is not visible.
   * The page is the portal's busiest read, so its SQL is written once, not built per request,
   * and is a named prepared statement: PostgreSQL parses and plans it once per connection
   * instead of on every view (planning the statement took longer than running it).
   */
  async sessionPage(cookieSecret: string, sessionId: string): Promise<SessionPageRead | undefined> {
    const statement = (this.sessionPageStatement ??= this.buildSessionPageStatement());
    const values = [hashToken(cookieSecret), sessionId, [...READABLE_STATUSES]];
    const row = await preparedRow<SessionPageRow>(
      this.dataSource,
      SESSION_PAGE_STATEMENT,
      statement.text,
      values,
    );
    if (!row) return undefined;
    const session = Object.fromEntries(
      statement.columns.map(([column, property]) => [property, row[`s_${column}`]]),
    ) as unknown as Session;
    return {
      viewer: toViewer(row),
      agenda: loadedAgenda(session, row),
      minutesReadable: row.minutes_readable,
    };
  }

  private buildSessionPageStatement(): { text: string; columns: Array<[string, string]> } {
    const columns = this.dataSource
      .getMetadata(Session)
      .columns.map((column): [string, string] => [column.databaseName, column.propertyName]);
    const text = `SELECT ${columns.map(([column]) => `s.${column} AS s_${column}`).join(', ')},
        ${VIEWER_COLUMNS},
        ${AGENDA_SELECTS.map(([expression, name]) => `${expression} AS ${name}`).join(',\n        ')},
        (SELECT v.rsvp FROM session_participants v WHERE v.session_id = s.id AND v.participant_id = vp.id) AS answer,
        EXISTS (SELECT 1 FROM minutes_revisions r WHERE r.session_id = s.id AND r.status = ANY($3)) AS minutes_readable
      FROM portal_sessions ps
      JOIN participants vp ON vp.id = ps.participant_id
      JOIN sessions s ON s.id = $2 AND ${participantVisibilitySql('s', 'vp.committee_id', 'vp.id')}
     WHERE ps.token_hash = $1 AND ps.expires_at > now()`;
    return { text, columns };
  }
}
