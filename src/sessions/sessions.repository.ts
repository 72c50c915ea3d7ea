import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { preparedRow } from '../database/prepared-row.js';
import type { Principal } from '../common/auth/principal.js';
import type { LocalizedText } from '../common/i18n/localized-text.js';
import { LONGEST_SESSION_INTERVAL } from '../common/limits.js';
import { paginate, type Page, type PageQuery } from '../common/pagination/pagination.js';
import { utcIso } from '../common/time/zoned-time.js';
import { partyZonesSql } from '../parties/parties.repository.js';
import type { ClashDto } from './dto/session-output.dto.js';
import type { SessionListQuery } from './dto/session-query.dto.js';
import { Session } from './session.entity.js';

/** A SQL condition with its parameters. */
export interface SqlCondition {
  condition: string;
  parameters: Record<string, unknown>;
}

/** The list's filters, with `from` and `to` already read as instants. */
export type SessionFilters = Omit<SessionListQuery, 'from' | 'to'> & PageQuery & { from?: Date; to?: Date };

/** The sessions table: what a caller may see, the page, the write lock, invitees and clashes. */
@Injectable()
export class SessionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** A page of the sessions the principal may see, each row with its committee's party zones. */
  async visiblePage(
    principal: Principal,
    filters: SessionFilters,
  ): Promise<Page<Session> & { partyZones: Map<string, string[]> }> {
    const builder = this.dataSource
      .getRepository(Session)
      .createQueryBuilder('s')
      .addSelect(partyZonesSql('s.committee_id'), 'party_zones');
    const visible = visibleSessionsCondition('s', principal);
    builder.where(visible.condition, visible.parameters);
    if (filters.committeeId)
      builder.andWhere('s.committee_id = :committeeId', { committeeId: filters.committeeId });
    if (filters.workingGroupId) {
      builder.andWhere('s.working_group_id = :workingGroupId', { workingGroupId: filters.workingGroupId });
    }
    if (filters.participantId) {
      builder.andWhere(
        'EXISTS (SELECT 1 FROM session_participants f WHERE f.session_id = s.id AND f.participant_id = :participantId)',
        { participantId: filters.participantId },
      );
    }
    if (filters.status) builder.andWhere('s.status = :status', { status: filters.status });
    if (filters.kind) builder.andWhere('s.kind = :kind', { kind: filters.kind });
    if (filters.format) builder.andWhere('s.format = :format', { format: filters.format });
    if (filters.from) {
      builder
        .andWhere('s.ends_at > :from', { from: filters.from })
        .andWhere(`s.starts_at > CAST(:from AS timestamptz) - interval '${LONGEST_SESSION_INTERVAL}'`);
    }
    if (filters.to) builder.andWhere('s.starts_at < :to', { to: filters.to });
    const page = await paginate<Session, { party_zones: string[] | null }>(builder, {
      sortExpression: 's.starts_at',
      idExpression: 's.id',
      sortCast: 'timestamptz',
      page: filters,
    });
    const partyZones = new Map(
      page.items.map((session, index) => [
        session.committeeId,
        [...new Set(page.raw[index].party_zones ?? [])],
      ]),
    );
    return { ...page, partyZones };
  }

  /**
   * The committee's content version, raised by every change to what its sessions show;
   * undefined when there is no such committee.
   */
  async committeeContentVersion(committeeId: string): Promise<number | undefined> {
    const row = await preparedRow<{ content_version: number }>(
      this.dataSource,
      'quorum_committee_content_version',
      'SELECT content_version FROM committees WHERE id = $1',
      [committeeId],
    );
    return row?.content_version;
  }

  /** The content version of the session's committee; undefined when there is no such session. */
  async sessionContentVersion(sessionId: string): Promise<number | undefined> {
    const row = await preparedRow<{ content_version: number }>(
      this.dataSource,
      'quorum_session_content_version',
      'SELECT c.content_version FROM sessions s JOIN committees c ON c.id = s.committee_id WHERE s.id = $1',
      [sessionId],
    );
    return row?.content_version;
  }

  /** The session, when the principal may see it. */
  visibleById(principal: Principal, id: string): Promise<Session | null> {
    const visible = visibleSessionsCondition('s', principal);
    return this.dataSource
      .getRepository(Session)
      .createQueryBuilder('s')
      .where('s.id = :id', { id })
      .andWhere(visible.condition, visible.parameters)
      .getOne();
  }
}

/** The session row, locked until the transaction ends. */
export function lockSession(manager: EntityManager, id: string): Promise<Session | null> {
  return manager.findOne(Session, { where: { id }, lock: { mode: 'pessimistic_write' } });
}

/** Whether the principal may see at least one of the sessions `where` picks (on alias `s`). */
export async function seesAnySession(
  manager: EntityManager,
  principal: Principal,
  where: SqlCondition,
): Promise<boolean> {
  const visible = visibleSessionsCondition('s', principal);
  const seen = await manager
    .createQueryBuilder()
    .select('1', 'seen')
    .from('sessions', 's')
    .where(where.condition, where.parameters)
    .andWhere(visible.condition, visible.parameters)
    .getRawOne<{ seen: number }>();
  return seen !== undefined && seen !== null;
}

/** How many participants are invited to the session. */
export async function invitedCount(manager: EntityManager, sessionId: string): Promise<number> {
  const [{ count }] = await manager.query<Array<{ count: number }>>(
    'SELECT count(*)::int AS count FROM session_participants WHERE session_id = $1',
    [sessionId],
  );
  return count;
}

/** An occurrence's status shows in its series' own VEVENT too: the series' SEQUENCE goes up. */
export async function bumpSeriesSequence(manager: EntityManager, seriesId: string): Promise<void> {
  await manager.query('UPDATE series SET sequence = sequence + 1 WHERE id = $1', [seriesId]);
}

/**
 * The SQL condition (on a sessions alias) for what a caller may see, with its parameters.
 * A delegate sees, in its own committee and never as drafts: plenaries, sessions of its
 * working groups, and sessions it is invited to. Calendar feeds use the same rule.
 */
export function visibleSessionsCondition(alias: string, principal: Principal): SqlCondition {
  if (principal.role === 'admin') return { condition: 'TRUE', parameters: {} };
  if (principal.role === 'organizer') {
    return {
      condition: `${alias}.committee_id = ANY(:visibleCommitteeIds)`,
      parameters: { visibleCommitteeIds: principal.committeeIds },
    };
  }
  return participantSessionsCondition(
    alias,
    principal.participantCommitteeId ?? '',
    principal.participantId ?? '',
  );
}

export function participantSessionsCondition(
  alias: string,
  committeeId: string,
  participantId: string,
): SqlCondition {
  return {
    condition: participantVisibilitySql(alias, ':visibleCommitteeId', ':visibleParticipantId'),
    parameters: { visibleCommitteeId: committeeId, visibleParticipantId: participantId },
  };
}

/**
 * The same rule with the participant and its committee given as SQL expressions, for a query
 * that finds the participant itself (the portal reads the signed-in delegate and the page at once).
 */
export function participantVisibilitySql(
  alias: string,
  committeeSql: string,
  participantSql: string,
): string {
  return `(${alias}.committee_id = ${committeeSql} AND ${alias}.status <> 'draft' AND (
        ${alias}.kind = 'plenary'
        OR ${alias}.working_group_id IN (
          SELECT m.working_group_id FROM working_group_members m WHERE m.participant_id = ${participantSql})
        OR EXISTS (
          SELECT 1 FROM session_participants v
           WHERE v.session_id = ${alias}.id AND v.participant_id = ${participantSql})))`;
}

interface ClashRow {
  session_id: string;
  title: LocalizedText;
  starts_at: Date;
  ends_at: Date;
  participant_ids: string[];
}

/** Namespace of the per-participant advisory locks (the two-key form; other locks use one key). */
const PARTICIPANT_LOCK_SPACE = 7421;

/**
 * Takes a transaction-level advisory lock on every participant of `sessionIds` (or on
 * `participantIds` alone), in participant id order so that two writers never wait on each
 * other in a cycle. Every write that can create a clash takes these before it looks for
 * clashes, so two concurrent writes for one participant are checked one after the other,
 * the second seeing the first's committed rows. Released at commit or rollback.
 */
export async function lockParticipants(
  manager: EntityManager,
  sessionIds: string[],
  participantIds?: string[],
): Promise<void> {
  await manager.query(
    `SELECT count(pg_advisory_xact_lock(${PARTICIPANT_LOCK_SPACE}, hashtext(ids.participant_id::text)))
       FROM (SELECT participant_id FROM session_participants
              WHERE session_id = ANY($1::uuid[])
                AND ($2::uuid[] IS NULL OR participant_id = ANY($2::uuid[]))
             UNION
             SELECT unnest($2::uuid[])
             ORDER BY 1) ids`,
    [sessionIds, participantIds ?? null],
  );
}

/**
 * Non-cancelled sessions that overlap any of `sessionIds` and share a required participant
 * with it (required in both, and not having declined either), found in one query however
 * many sessions are checked (a whole series at once). `participantIds` narrows the check
 * to those invitees (e.g. the ones being invited now).
 */
export async function findClashes(
  manager: EntityManager,
  sessionIds: string[],
  participantIds?: string[],
): Promise<ClashDto[]> {
  if (sessionIds.length === 0) return [];
  const rows = await manager.query<ClashRow[]>(
    `SELECT other.id AS session_id, other.title, other.starts_at, other.ends_at,
            array_agg(DISTINCT mine.participant_id ORDER BY mine.participant_id) AS participant_ids
       FROM session_participants mine
       JOIN sessions me ON me.id = mine.session_id
       JOIN session_participants theirs
         ON theirs.participant_id = mine.participant_id AND theirs.session_id <> mine.session_id
       JOIN sessions other ON other.id = theirs.session_id
      WHERE mine.session_id = ANY($1::uuid[])
        AND me.status <> 'cancelled'
        AND mine.attendance = 'required' AND mine.rsvp <> 'declined'
        AND theirs.attendance = 'required' AND theirs.rsvp <> 'declined'
        AND other.status <> 'cancelled'
        AND other.starts_at < me.ends_at AND other.ends_at > me.starts_at
        AND ($2::uuid[] IS NULL OR mine.participant_id = ANY($2::uuid[]))
      GROUP BY other.id
      ORDER BY other.starts_at, other.id`,
    [sessionIds, participantIds ?? null],
  );
  return rows.map((row) => ({
    sessionId: row.session_id,
    title: row.title,
    startsAt: utcIso(row.starts_at),
    endsAt: utcIso(row.ends_at),
    participantIds: row.participant_ids,
  }));
}
