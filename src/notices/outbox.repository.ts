import type { EntityManager } from 'typeorm';
import type { Session } from '../sessions/session.entity.js';
import type { NoticeKind, NoticePrevious } from './notice.entity.js';

/**
 * The outbox's writes, each one set-based statement through the caller's transaction. Pending
 * notices a newer one replaces become `superseded`; the sent-once key
 * (target, sequence, recipient, kind) keeps a notice from being queued twice.
 */

/** A one-time sign-in link to mail to its participant. */
export interface SignInLinkNotice {
  linkId: string;
  participantId: string;
  link: string;
  expiresAt: Date;
}

/** A notice to a session's or series' invitees (all of them, or `participantIds`). */
export interface InviteeNotice {
  committeeId: string;
  targetType: 'session' | 'series';
  targetId: string;
  kind: Extract<NoticeKind, 'invitation' | 'update' | 'cancellation' | 'withdrawal'>;
  sequence: number;
  /** Invitees of this session (or series) that get it; all of them when absent. */
  participantIds?: string[];
  previous?: NoticePrevious;
}

/** Queues each sign-in link for its participant, due at once. */
export async function queueSignInLinks(manager: EntityManager, links: SignInLinkNotice[]): Promise<void> {
  await manager.query(
    `INSERT INTO notices (committee_id, target_type, target_id, participant_id, recipient, kind, sequence, due_at, payload)
       SELECT p.committee_id, 'portal_link', l.link_id, p.id, p.email, 'sign_in', 0, now(),
              jsonb_build_object('link', l.link, 'expiresAt', l.expires_at)
         FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[]) AS l(link_id, participant_id, link, expires_at)
         JOIN participants p ON p.id = l.participant_id`,
    [
      links.map((link) => link.linkId),
      links.map((link) => link.participantId),
      links.map((link) => link.link),
      links.map((link) => link.expiresAt.toISOString()),
    ],
  );
}

/**
 * Queues the notice for the invitees, due after `delaySeconds`, replacing an unsent older one
 * to the same recipient about the same target (an unsent invitation stays an invitation, and
 * one withdrawn before it went out is not followed by a cancellation).
 */
export async function queueForInvitees(
  manager: EntityManager,
  notice: InviteeNotice,
  delaySeconds: number,
): Promise<void> {
  const invitees =
    notice.targetType === 'series'
      ? 'SELECT participant_id FROM series_participants WHERE series_id = $1'
      : 'SELECT participant_id FROM session_participants WHERE session_id = $1';
  await manager.query(
    `WITH recipients AS (
         SELECT p.id AS participant_id, p.email FROM participants p
          WHERE ($2::uuid[] IS NULL AND p.id IN (${invitees})) OR p.id = ANY($2::uuid[])
       ), replaced AS (
         UPDATE notices n SET status = 'superseded', updated_at = now()
          WHERE n.target_id = $1 AND n.status = 'pending' AND n.kind <> 'reminder'
            AND n.participant_id IN (SELECT participant_id FROM recipients)
         RETURNING n.participant_id, n.kind, n.previous
       )
       INSERT INTO notices (committee_id, target_type, target_id, participant_id, recipient, kind, sequence, due_at, previous)
       SELECT $3, $4, $1, r.participant_id, r.email,
              CASE WHEN old.kind = 'invitation' AND $5 = 'update' THEN 'invitation' ELSE $5 END,
              $6, now() + make_interval(secs => $7), COALESCE(old.previous, $8::jsonb)
         FROM recipients r
         LEFT JOIN LATERAL (SELECT x.kind, x.previous FROM replaced x WHERE x.participant_id = r.participant_id LIMIT 1) old ON true
        WHERE NOT (COALESCE(old.kind, '') = 'invitation' AND $5 IN ('cancellation', 'withdrawal'))
       ON CONFLICT (target_id, sequence, participant_id, kind) WHERE status <> 'superseded' DO NOTHING`,
    [
      notice.targetId,
      notice.participantIds ?? null,
      notice.committeeId,
      notice.targetType,
      notice.kind,
      notice.sequence,
      delaySeconds,
      notice.previous ? JSON.stringify(notice.previous) : null,
    ],
  );
}

/**
 * Replaces the unsent reminders of invitees of the sessions (one, or every occurrence of a
 * series) with ones due `reminder_hours` before the current start, for scheduled sessions.
 */
export async function replaceInviteeReminders(
  manager: EntityManager,
  sessionId: string | undefined,
  participantIds?: string[],
  seriesId?: string,
): Promise<void> {
  await manager.query(
    `WITH targets AS (
         SELECT s.id, s.committee_id, s.status, s.starts_at, s.sequence, c.reminder_hours
           FROM sessions s JOIN committees c ON c.id = s.committee_id
          WHERE s.id = $1 OR s.series_id = $3
       ), cleared AS (
         UPDATE notices n SET status = 'superseded', updated_at = now()
          WHERE n.kind = 'reminder' AND n.status = 'pending' AND n.target_id IN (SELECT id FROM targets)
            AND n.participant_id IS NOT NULL AND ($2::uuid[] IS NULL OR n.participant_id = ANY($2::uuid[]))
         RETURNING n.id
       )
       INSERT INTO notices (committee_id, target_type, target_id, participant_id, recipient, kind, sequence, due_at)
       SELECT t.committee_id, 'session', t.id, p.id, p.email, 'reminder', t.sequence,
              t.starts_at - make_interval(hours => t.reminder_hours)
         FROM targets t
         JOIN session_participants sp ON sp.session_id = t.id
         JOIN participants p ON p.id = sp.participant_id
        WHERE t.status = 'scheduled' AND t.starts_at - make_interval(hours => t.reminder_hours) > now()
          AND ($2::uuid[] IS NULL OR sp.participant_id = ANY($2::uuid[]))
          AND (SELECT count(*) FROM cleared) >= 0
       ON CONFLICT (target_id, sequence, participant_id, kind) WHERE status <> 'superseded' DO NOTHING`,
    [sessionId ?? null, participantIds ?? null, seriesId ?? null],
  );
}

export async function hasPublishedOccurrence(manager: EntityManager, seriesId: string): Promise<boolean> {
  const [row] = await manager.query<Array<{ found: boolean }>>(
    `SELECT EXISTS (SELECT 1 FROM sessions WHERE series_id = $1 AND status <> 'draft') AS found`,
    [seriesId],
  );
  return row.found;
}

/**
 * Queues one mail about a registration, due at once, counting up its `notice_round` (the
 * SEQUENCE of the sent-once key) and replacing an unsent one of the same kind.
 */
export async function queueRegistrationMail(
  manager: EntityManager,
  registrationId: string,
  kind: NoticeKind,
): Promise<void> {
  await manager.query(
    `WITH replaced AS (
         UPDATE notices SET status = 'superseded', updated_at = now()
          WHERE registration_id = $1 AND status = 'pending' AND kind = $2
         RETURNING id
       ), bumped AS (
         UPDATE registrations SET notice_round = notice_round + 1
          WHERE id = $1 AND email IS NOT NULL AND (SELECT count(*) FROM replaced) >= 0
         RETURNING id, email, notice_round, session_id
       )
       INSERT INTO notices (committee_id, target_type, target_id, registration_id, recipient, kind, sequence, due_at)
       SELECT s.committee_id, 'session', s.id, b.id, b.email, $2, b.notice_round, now()
         FROM bumped b JOIN sessions s ON s.id = b.session_id`,
    [registrationId, kind],
  );
}

/** Drops the registration's unsent invitation, updates and reminders. */
export async function supersedeRegistrantEventMail(
  manager: EntityManager,
  registrationId: string,
): Promise<void> {
  await manager.query(
    `UPDATE notices SET status = 'superseded', updated_at = now()
        WHERE registration_id = $1 AND status = 'pending' AND kind IN ('invitation', 'update', 'reminder')`,
    [registrationId],
  );
}

/** Queues the webinar's change for every confirmed registrant, due after `delaySeconds`. */
export async function queueWebinarChange(
  manager: EntityManager,
  session: Session,
  kind: 'update' | 'cancellation',
  previous: NoticePrevious | undefined,
  delaySeconds: number,
): Promise<void> {
  await manager.query(
    `WITH recipients AS (
         SELECT r.id, r.email FROM registrations r
          WHERE r.session_id = $1 AND r.status = 'confirmed' AND r.email IS NOT NULL
            -- an invitation not yet sent already shows the new state
            AND NOT EXISTS (SELECT 1 FROM notices n WHERE n.registration_id = r.id AND n.status = 'pending'
                             AND n.kind = 'invitation' AND $3 = 'update')
       ), replaced AS (
         UPDATE notices n SET status = 'superseded', updated_at = now()
          WHERE n.target_id = $1 AND n.status = 'pending' AND n.kind IN ('invitation', 'update', 'cancellation')
            AND n.registration_id IN (SELECT id FROM recipients)
         RETURNING n.registration_id, n.previous
       )
       INSERT INTO notices (committee_id, target_type, target_id, registration_id, recipient, kind, sequence, due_at, previous)
       SELECT $2, 'session', $1, r.id, r.email, $3, $4, now() + make_interval(secs => $5), COALESCE(old.previous, $6::jsonb)
         FROM recipients r
         LEFT JOIN LATERAL (SELECT x.previous FROM replaced x WHERE x.registration_id = r.id LIMIT 1) old ON true
       ON CONFLICT (target_id, sequence, registration_id, kind) WHERE status <> 'superseded' DO NOTHING`,
    [
      session.id,
      session.committeeId,
      kind,
      session.sequence,
      delaySeconds,
      previous ? JSON.stringify(previous) : null,
    ],
  );
}

/**
 * Replaces the unsent reminders of confirmed registrants (of one webinar, or the ones named)
 * with ones due `reminder_hours` before the current start.
 */
export async function replaceRegistrantReminders(
  manager: EntityManager,
  sessionId?: string,
  registrationIds?: string[],
): Promise<void> {
  await manager.query(
    `WITH chosen AS (
         SELECT r.id, r.email, r.status, r.session_id FROM registrations r
          WHERE (r.session_id = $1 OR r.id = ANY($2::uuid[]))
       ), cleared AS (
         UPDATE notices n SET status = 'superseded', updated_at = now()
          WHERE n.kind = 'reminder' AND n.status = 'pending' AND n.registration_id IN (SELECT id FROM chosen)
         RETURNING n.id
       )
       INSERT INTO notices (committee_id, target_type, target_id, registration_id, recipient, kind, sequence, due_at)
       SELECT s.committee_id, 'session', s.id, r.id, r.email, 'reminder', s.sequence,
              s.starts_at - make_interval(hours => c.reminder_hours)
         FROM chosen r
         JOIN sessions s ON s.id = r.session_id
         JOIN committees c ON c.id = s.committee_id
        WHERE r.status = 'confirmed' AND r.email IS NOT NULL AND s.status = 'scheduled'
          AND s.starts_at - make_interval(hours => c.reminder_hours) > now()
          AND (SELECT count(*) FROM cleared) >= 0
       ON CONFLICT (target_id, sequence, registration_id, kind) WHERE status <> 'superseded' DO NOTHING`,
    [sessionId ?? null, registrationIds ?? null],
  );
}
