import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { Session } from '../sessions/session.entity.js';
import type { NoticeKind, NoticePrevious } from './notice.entity.js';

/** A registrant's own mail, caused by a change of their registration (not of the webinar). */
export type RegistrantKind = Extract<
  NoticeKind,
  | 'invitation'
  | 'withdrawal'
  | 'registration_link'
  | 'registration_awaiting_approval'
  | 'registration_waitlisted'
  | 'registration_rejected'
>;

/**
 * The outbox for a webinar's registrants: they get the webinar's REQUEST, updates, CANCEL and
 * reminder like invitees do, plus mails about their registration. Writes go through the
 * caller's transaction, as every outbox write does.
 */
@Injectable()
export class RegistrantOutbox {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /**
   * One mail to one registrant about their registration, due at once. Each such mail counts
   * up the registration's `notice_round`, which stands in for SEQUENCE in the sent-once key; an
   * unsent mail of the same kind is replaced (a second request for the link sends one link).
   */
  async registrationChanged(
    manager: EntityManager,
    registrationId: string,
    kind: RegistrantKind,
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
    if (kind === 'invitation') await this.reminders(manager, undefined, [registrationId]);
    if (kind === 'withdrawal' || kind === 'registration_rejected') {
      await manager.query(
        `UPDATE notices SET status = 'superseded', updated_at = now()
          WHERE registration_id = $1 AND status = 'pending' AND kind IN ('invitation', 'update', 'reminder')`,
        [registrationId],
      );
    }
  }

  /** The webinar changed (moved, cancelled, reinstated): every confirmed registrant is told. */
  async webinarChanged(
    manager: EntityManager,
    session: Session,
    kind: 'update' | 'cancellation',
    previous?: NoticePrevious,
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
        this.config.noticeDelaySeconds,
        previous ? JSON.stringify(previous) : null,
      ],
    );
    await this.reminders(manager, session.id);
  }

  /**
   * Replaces the unsent reminders of confirmed registrants (of one webinar, or the ones named)
   * with ones due `reminderHours` before the current start.
   */
  async reminders(manager: EntityManager, sessionId?: string, registrationIds?: string[]): Promise<void> {
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
}
