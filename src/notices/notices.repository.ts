import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { FeedAgendaItem } from '../calendar-feeds/session-event.js';
import type { Principal } from '../common/auth/principal.js';
import type { LocalizedText } from '../common/i18n/localized-text.js';
import { pageByCreation, type Page } from '../common/pagination/pagination.js';
import { Series } from '../series/series.entity.js';
import type { Rsvp } from '../sessions/session-participant.entity.js';
import { Session } from '../sessions/session.entity.js';
import type { OutboxQuery } from './dto/outbox.dto.js';
import { Notice } from './notice.entity.js';

/** A notice's recipient, participant or webinar registrant, as the renderer reads it. */
export interface RecipientRow {
  id: string;
  full_name: LocalizedText;
  email: string;
  time_zone: string;
  locale: string;
  party_id: string | null;
  committee_name: LocalizedText;
  organizer_email: string | null;
  other_zones: string[] | null;
  /** Set when the recipient is a webinar registrant, not a participant. */
  registrant?: { token: string; rsvp: Rsvp | undefined };
}

/** The notices table for the worker and the outbox page, and what rendering a notice reads. */
@Injectable()
export class NoticesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** A page of the outbox the principal may see, oldest first. */
  outboxPage(principal: Principal, query: OutboxQuery): Promise<Page<Notice>> {
    const builder = this.dataSource.getRepository(Notice).createQueryBuilder('n');
    if (principal.role === 'organizer')
      builder.where('n.committee_id = ANY(:ids)', { ids: principal.committeeIds });
    if (query.committeeId)
      builder.andWhere('n.committee_id = :committeeId', { committeeId: query.committeeId });
    if (query.status) builder.andWhere('n.status = :status', { status: query.status });
    return pageByCreation(builder, 'n', query);
  }

  /** Marks up to `batchSize` due notices (or ones whose lease ran out) as being sent, for `leaseSeconds`. */
  async claimDue(at: Date | undefined, batchSize: number, leaseSeconds: number): Promise<Notice[]> {
    const rows = await this.dataSource.query<Array<Record<string, unknown>>>(
      `UPDATE notices SET status = 'sending', attempts = attempts + 1, updated_at = now(),
              locked_until = COALESCE($1::timestamptz, now()) + make_interval(secs => $3)
        WHERE id IN (SELECT id FROM notices
                      WHERE (status = 'pending' AND due_at <= COALESCE($1::timestamptz, now()))
                         OR (status = 'sending' AND locked_until <= COALESCE($1::timestamptz, now()))
                      ORDER BY due_at, id LIMIT $2 FOR UPDATE SKIP LOCKED)
        RETURNING id, committee_id, target_type, target_id, participant_id, registration_id, recipient, kind,
                  sequence, previous, payload, attempts, created_at`,
      [at ?? null, batchSize, leaseSeconds],
    );
    const notices = (Array.isArray(rows[0]) ? rows[0] : rows) as Array<Record<string, unknown>>;
    return notices.map(
      (row) =>
        ({
          id: row.id,
          committeeId: row.committee_id,
          targetType: row.target_type,
          targetId: row.target_id,
          participantId: row.participant_id,
          registrationId: row.registration_id,
          recipient: row.recipient,
          kind: row.kind,
          sequence: row.sequence,
          previous: row.previous,
          payload: row.payload,
          attempts: row.attempts,
          createdAt: new Date(row.created_at as string),
        }) as Notice,
    );
  }

  /** Only the worker that holds the claim marks it (a notice taken again after its lease is not). */
  async markClaimed(notice: Notice, changes: Record<string, unknown>): Promise<void> {
    const columns = Object.keys(changes);
    await this.dataSource.query(
      `UPDATE notices SET ${columns.map((column, index) => `${column} = $${index + 3}`).join(', ')},
              locked_until = NULL, updated_at = now()
        WHERE id = $1 AND status = 'sending' AND attempts = $2`,
      [notice.id, notice.attempts, ...columns.map((column) => changes[column])],
    );
  }

  /** Participants as recipients, by id: their language, zone, committee and the other parties' zones. */
  async recipients(participantIds: string[]): Promise<Map<string, RecipientRow>> {
    const rows = await this.dataSource.query<RecipientRow[]>(
      `SELECT p.id, p.full_name, p.email, p.time_zone, p.locale, p.party_id, c.name AS committee_name,
              c.organizer_email,
              (SELECT array_agg(pa.time_zone ORDER BY pa.created_at, pa.id) FROM parties pa
                WHERE pa.committee_id = c.id AND pa.id <> p.party_id) AS other_zones
         FROM participants p JOIN committees c ON c.id = p.committee_id WHERE p.id = ANY($1::uuid[])`,
      [[...new Set(participantIds)]],
    );
    return new Map(rows.map((row) => [row.id, row]));
  }

  /**
   * Webinar registrants as recipients, by registration id: their own language and zone, the
   * parties' other zones, and their personal link. A purged registration (no address) gets nothing.
   */
  async registrants(registrationIds: string[]): Promise<Map<string, RecipientRow>> {
    if (registrationIds.length === 0) return new Map();
    const rows = await this.dataSource.query<
      Array<Omit<RecipientRow, 'full_name' | 'registrant'> & { name: string; status: string; token: string }>
    >(
      `SELECT r.id, r.full_name AS name, r.email, r.time_zone, r.language AS locale, NULL AS party_id, r.status,
              r.access_token AS token, c.name AS committee_name, c.organizer_email,
              (SELECT array_agg(pa.time_zone ORDER BY pa.created_at, pa.id) FROM parties pa
                WHERE pa.committee_id = c.id AND pa.time_zone <> r.time_zone) AS other_zones
         FROM registrations r JOIN sessions s ON s.id = r.session_id JOIN committees c ON c.id = s.committee_id
        WHERE r.id = ANY($1::uuid[]) AND r.email IS NOT NULL AND r.access_token IS NOT NULL`,
      [[...new Set(registrationIds)]],
    );
    return new Map(
      rows.map(({ name, status, token, ...rest }) => [
        rest.id,
        {
          ...rest,
          full_name: { [rest.locale]: name },
          registrant: { token, rsvp: status === 'confirmed' ? ('accepted' as const) : undefined },
        },
      ]),
    );
  }

  /** Each (session, participant)'s answer, keyed `session:participant`. */
  async rsvps(pairs: Array<{ sessionId: string; participantId: string }>): Promise<Map<string, Rsvp>> {
    if (pairs.length === 0) return new Map();
    const rows = await this.dataSource.query<
      Array<{ session_id: string; participant_id: string; rsvp: Rsvp }>
    >(
      `SELECT sp.session_id, sp.participant_id, sp.rsvp
         FROM session_participants sp
         JOIN unnest($1::uuid[], $2::uuid[]) AS w(session_id, participant_id)
           ON w.session_id = sp.session_id AND w.participant_id = sp.participant_id`,
      [pairs.map((pair) => pair.sessionId), pairs.map((pair) => pair.participantId)],
    );
    return new Map(rows.map((row) => [`${row.session_id}:${row.participant_id}`, row.rsvp]));
  }

  seriesById(id: string): Promise<Series | null> {
    return this.dataSource.getRepository(Series).findOneBy({ id });
  }

  sessionById(id: string): Promise<Session | null> {
    return this.dataSource.getRepository(Session).findOneBy({ id });
  }

  /** The series' occurrences past draft, in start order. */
  publishedOccurrences(seriesId: string): Promise<Session[]> {
    return this.dataSource
      .getRepository(Session)
      .createQueryBuilder('s')
      .where('s.series_id = :id', { id: seriesId })
      .andWhere(`s.status <> 'draft'`)
      .orderBy('s.starts_at', 'ASC')
      .getMany();
  }

  /** Each session's agenda items, as feeds and notices show them. */
  async agendas(sessionIds: string[]): Promise<Map<string, FeedAgendaItem[]>> {
    const rows = await this.dataSource.query<Array<FeedAgendaItem & { sessionId: string }>>(
      `SELECT id, session_id AS "sessionId", parent_id AS "parentId", position, duration_minutes AS "durationMinutes", title
         FROM agenda_items WHERE session_id = ANY($1::uuid[])`,
      [sessionIds],
    );
    const bySession = new Map<string, FeedAgendaItem[]>();
    for (const row of rows) bySession.set(row.sessionId, [...(bySession.get(row.sessionId) ?? []), row]);
    return bySession;
  }
}

/** What `replyTarget` finds. */
export interface ReplyTarget {
  committee_id: string;
  sequence: number;
  session_ids: string[];
}

/** The sessions the reply answers for and the SEQUENCE they carry in feeds and notices. */
export async function replyTarget(
  manager: EntityManager,
  uid: string,
  recurrenceId: string | undefined,
): Promise<ReplyTarget | undefined> {
  const [single] = await manager.query<ReplyTarget[]>(
    `SELECT committee_id, sequence, ARRAY[id] AS session_ids FROM sessions
      WHERE id = $1 AND series_id IS NULL AND status = 'scheduled'`,
    [uid],
  );
  if (single) return single;
  const [series] = await manager.query<ReplyTarget[]>(
    `SELECT se.committee_id,
            CASE WHEN $2::text IS NULL THEN se.sequence
                 ELSE GREATEST(se.sequence, (SELECT max(s.sequence) FROM sessions s
                                              WHERE s.series_id = se.id AND s.recurrence_id = $2)) END AS sequence,
            ARRAY(SELECT s.id FROM sessions s WHERE s.series_id = se.id AND s.status = 'scheduled'
                     AND ($2::text IS NULL OR s.recurrence_id = $2)) AS session_ids
       FROM series se WHERE se.id = $1`,
    [uid, recurrenceId ?? null],
  );
  return series;
}

/** Sets the RSVP of the invitee with this address on these sessions; how many invitations it changed. */
export async function answerAsAttendee(
  manager: EntityManager,
  sessionIds: string[],
  attendeeEmail: string,
  rsvp: string,
): Promise<number> {
  const updated = await manager.query<Array<{ session_id: string }>>(
    `UPDATE session_participants sp SET rsvp = $3, updated_at = now()
       FROM participants p
      WHERE p.id = sp.participant_id AND sp.session_id = ANY($1::uuid[]) AND lower(p.email) = $2
      RETURNING sp.session_id`,
    [sessionIds, attendeeEmail, rsvp],
  );
  const rows = (Array.isArray(updated[0]) ? updated[0] : updated) as unknown[];
  return rows.length;
}
