import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { Series } from '../series/series.entity.js';
import type { Session, SessionStatus } from '../sessions/session.entity.js';
import type { NoticeKind, NoticePrevious } from './notice.entity.js';
import { RegistrantOutbox } from './registrant-outbox.service.js';

/** A session as it was before a change: taken before the change is applied. */
export interface SessionBefore extends NoticePrevious {
  sequence: number;
}

export function noticeSnapshot(session: Session): SessionBefore {
  return {
    startsAt: session.startsAt.toISOString(),
    endsAt: session.endsAt.toISOString(),
    timeZone: session.timeZone,
    sequence: session.sequence,
  };
}

/** A one-time sign-in link to mail to its participant. */
export interface SignInLinkNotice {
  linkId: string;
  participantId: string;
  link: string;
  expiresAt: Date;
}

interface Enqueue {
  committeeId: string;
  targetType: 'session' | 'series';
  targetId: string;
  kind: Extract<NoticeKind, 'invitation' | 'update' | 'cancellation' | 'withdrawal'>;
  sequence: number;
  /** Invitees of this session (or series) that get it; all of them when absent. */
  participantIds?: string[];
  previous?: NoticePrevious;
}

/**
 * Writes notices into the outbox through the caller's transaction, one set-based statement per
 * change, so a change and its notices commit or roll back together. A newer notice to the same
 * recipient about the same session replaces an unsent older one (coalescing), keeping what the
 * older one knew of the times before; an invitation not yet sent stays an invitation, and one
 * that is withdrawn before it went out is not followed by a cancellation.
 */
@Injectable()
export class NoticeOutbox {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly registrants: RegistrantOutbox,
  ) {}

  /** Hook for session edits: a published session whose SEQUENCE went up tells every invitee. */
  async sessionChanged(manager: EntityManager, session: Session, before: SessionBefore): Promise<void> {
    if (session.status !== 'scheduled' || session.sequence === before.sequence) return;
    const moved =
      before.startsAt !== session.startsAt.toISOString() ||
      before.endsAt !== session.endsAt.toISOString() ||
      before.timeZone !== session.timeZone;
    const { startsAt, endsAt, timeZone } = before;
    const previous = moved ? { startsAt, endsAt, timeZone } : undefined;
    await this.enqueue(manager, { ...sessionTarget(session), kind: 'update', previous });
    await this.reminders(manager, session.id);
    await this.registrants.webinarChanged(manager, session, 'update', previous);
  }

  /**
   * Hook for status changes: publish sends invitations; cancel sends cancellations; a return
   * from cancelled to scheduled (reinstatement) sends a REQUEST with the new, higher SEQUENCE.
   */
  async statusChanged(manager: EntityManager, session: Session, from: SessionStatus): Promise<void> {
    if (session.status === from) return;
    if (session.status === 'cancelled') {
      await this.enqueue(manager, { ...sessionTarget(session), kind: 'cancellation' });
      await this.reminders(manager, session.id);
      await this.registrants.webinarChanged(manager, session, 'cancellation');
    } else if (session.status === 'scheduled') {
      await this.enqueue(manager, {
        ...sessionTarget(session),
        kind: from === 'draft' ? 'invitation' : 'update',
      });
      await this.reminders(manager, session.id);
      if (from !== 'draft') await this.registrants.webinarChanged(manager, session, 'update');
    }
  }

  /** Hook for new invitations to a session: only a published session notifies. */
  async invited(manager: EntityManager, session: Session, participantIds: string[]): Promise<void> {
    if (session.status !== 'scheduled' || participantIds.length === 0) return;
    await this.enqueue(manager, { ...sessionTarget(session), kind: 'invitation', participantIds });
    await this.reminders(manager, session.id, participantIds);
  }

  /** Hook for a removed invitation: a CANCEL to that person alone. */
  async withdrawn(manager: EntityManager, session: Session, participantIds: string[]): Promise<void> {
    if (session.status === 'draft') return;
    await this.enqueue(manager, { ...sessionTarget(session), kind: 'withdrawal', participantIds });
    await this.reminders(manager, session.id, participantIds);
  }

  /**
   * Hook for the whole series (invitations, publishing, edits of the rule or of the series'
   * fields): one REQUEST with the RRULE and overrides, to the invitees named or all of them,
   * worded as an invitation or as an update. Sent only when the series has published occurrences.
   */
  async seriesRequested(
    manager: EntityManager,
    series: Series,
    participantIds?: string[],
    kind: 'invitation' | 'update' = 'invitation',
  ): Promise<void> {
    if (!(await hasPublishedOccurrence(manager, series.id))) return;
    await this.enqueue(manager, {
      committeeId: series.committeeId,
      targetType: 'series',
      targetId: series.id,
      kind,
      sequence: series.sequence,
      participantIds,
    });
    await this.reminders(manager, undefined, participantIds, series.id);
  }

  /** Hook for a removed series invitation: a CANCEL of the whole series to that person. */
  async seriesWithdrawn(manager: EntityManager, series: Series, participantIds: string[]): Promise<void> {
    if (!(await hasPublishedOccurrence(manager, series.id))) return;
    await this.enqueue(manager, {
      committeeId: series.committeeId,
      targetType: 'series',
      targetId: series.id,
      kind: 'withdrawal',
      sequence: series.sequence,
      participantIds,
    });
    await this.reminders(manager, undefined, participantIds, series.id);
  }

  /**
   * Hook for /signin: each one-time link goes to its participant at once (no coalescing delay:
   * the person is waiting for it). The link is kept with the notice until the worker mails it.
   */
  async signInLinks(manager: EntityManager, links: SignInLinkNotice[]): Promise<void> {
    if (links.length === 0) return;
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

  private async enqueue(manager: EntityManager, notice: Enqueue): Promise<void> {
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
        this.config.noticeDelaySeconds,
        notice.previous ? JSON.stringify(notice.previous) : null,
      ],
    );
  }

  /**
   * Replaces the unsent reminders of the sessions (one, or every occurrence of a series) with
   * ones due `reminderHours` before the current start, for invitees of a scheduled session.
   */
  private async reminders(
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
}

function sessionTarget(session: Session) {
  return {
    committeeId: session.committeeId,
    targetType: 'session' as const,
    targetId: session.id,
    sequence: session.sequence,
  };
}

async function hasPublishedOccurrence(manager: EntityManager, seriesId: string): Promise<boolean> {
  const [row] = await manager.query<Array<{ found: boolean }>>(
    `SELECT EXISTS (SELECT 1 FROM sessions WHERE series_id = $1 AND status <> 'draft') AS found`,
    [seriesId],
  );
  return row.found;
}
