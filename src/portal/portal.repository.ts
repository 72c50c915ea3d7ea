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

/**
 * What the session page shows for this delegate alone, read with the delegate: the rest of the
 * page is the same for every reader of the same language and zone at the same content version.
 */
export interface SessionPageState {
  viewer: PortalViewer;
  /** The session's committee's content version, which every change the page could show raises. */
  contentVersion: number;
  answer: Rsvp | null;
  minutesReadable: boolean;
}

/** The session page's prepared statements, by name on each connection. */
const SESSION_AGENDA_STATEMENT = 'quorum_portal_session_agenda';
const SESSION_PAGE_STATE_STATEMENT = 'quorum_portal_session_page_state';

/** The delegate a cookie signs in and the session, when that delegate may see it (the API's rule). */
const VIEWER_AND_VISIBLE_SESSION = `FROM portal_sessions ps
      JOIN participants vp ON vp.id = ps.participant_id
      JOIN sessions s ON s.id = $2 AND ${participantVisibilitySql('s', 'vp.committee_id', 'vp.id')}`;
const VIEWER_OWN_PART = `(SELECT v.rsvp FROM session_participants v WHERE v.session_id = s.id AND v.participant_id = vp.id) AS answer,
        EXISTS (SELECT 1 FROM minutes_revisions r WHERE r.session_id = s.id AND r.status = ANY($3)) AS minutes_readable`;
const SIGNED_IN = 'ps.token_hash = $1 AND ps.expires_at > now()';

const SESSION_PAGE_STATE_SQL = `SELECT ${VIEWER_COLUMNS}, c.content_version, ${VIEWER_OWN_PART}
      ${VIEWER_AND_VISIBLE_SESSION}
      JOIN committees c ON c.id = s.committee_id
     WHERE ${SIGNED_IN}`;

type SessionPageStateRow = ViewerRow & {
  content_version: number;
  answer: Rsvp | null;
  minutes_readable: boolean;
};

type SessionAgendaRow = AgendaRaw & Record<string, unknown>;

/** The questions portal pages ask that the API's services do not. */
@Injectable()
export class PortalRepository {
  /** The session agenda's statement and the session columns it reads, built once from the entity. */
  private sessionAgendaStatement: { text: string; columns: Array<[string, string]> } | undefined;

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
   * The delegate the cookie signs in, what the session page shows for that delegate alone, and
   * the version of the rest; undefined when the cookie signs no one in or the session is not
   * visible to that delegate. A small statement: the session's agenda is read only when the
   * page's shared part is not already kept for that version.
   */
  async sessionPageState(cookieSecret: string, sessionId: string): Promise<SessionPageState | undefined> {
    const row = await preparedRow<SessionPageStateRow>(
      this.dataSource,
      SESSION_PAGE_STATE_STATEMENT,
      SESSION_PAGE_STATE_SQL,
      [hashToken(cookieSecret), sessionId, [...READABLE_STATUSES]],
    );
    if (!row) return undefined;
    return {
      viewer: toViewer(row),
      contentVersion: row.content_version,
      answer: row.answer ?? null,
      minutesReadable: row.minutes_readable,
    };
  }

  /**
   * The session and its agenda, under the visibility of the delegate the cookie signs in (the
   * API's rule): the page's shared part, read when it is not kept. Undefined as
   * `sessionPageState` is. Its SQL is written once, not built per request, and is a named
   * prepared statement: PostgreSQL parses and plans it once per connection instead of on every
   * read (planning it took longer than running it).
   */
  async sessionAgenda(cookieSecret: string, sessionId: string): Promise<LoadedAgenda | undefined> {
    const statement = (this.sessionAgendaStatement ??= this.buildSessionAgendaStatement());
    const row = await preparedRow<SessionAgendaRow>(
      this.dataSource,
      SESSION_AGENDA_STATEMENT,
      statement.text,
      [hashToken(cookieSecret), sessionId],
    );
    if (!row) return undefined;
    const session = Object.fromEntries(
      statement.columns.map(([column, property]) => [property, row[`s_${column}`]]),
    ) as unknown as Session;
    return loadedAgenda(session, row);
  }

  private buildSessionAgendaStatement(): { text: string; columns: Array<[string, string]> } {
    const columns = this.dataSource
      .getMetadata(Session)
      .columns.map((column): [string, string] => [column.databaseName, column.propertyName]);
    const text = `SELECT ${columns.map(([column]) => `s.${column} AS s_${column}`).join(', ')},
        ${AGENDA_SELECTS.map(([expression, name]) => `${expression} AS ${name}`).join(',\n        ')}
      ${VIEWER_AND_VISIBLE_SESSION}
     WHERE ${SIGNED_IN}`;
    return { text, columns };
  }
}
