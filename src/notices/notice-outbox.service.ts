import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { Series } from '../series/series.entity.js';
import type { Session, SessionStatus } from '../sessions/session.entity.js';
import type { NoticePrevious } from './notice.entity.js';
import {
  hasPublishedOccurrence,
  queueForInvitees,
  queueSignInLinks,
  replaceInviteeReminders,
  type InviteeNotice,
  type SignInLinkNotice,
} from './outbox.repository.js';
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
    await queueSignInLinks(manager, links);
  }

  private async enqueue(manager: EntityManager, notice: InviteeNotice): Promise<void> {
    await queueForInvitees(manager, notice, this.config.noticeDelaySeconds);
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
    await replaceInviteeReminders(manager, sessionId, participantIds, seriesId);
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
