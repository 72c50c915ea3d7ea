import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { Session } from '../sessions/session.entity.js';
import type { NoticeKind, NoticePrevious } from './notice.entity.js';
import {
  queueRegistrationMail,
  queueWebinarChange,
  replaceRegistrantReminders,
  supersedeRegistrantEventMail,
} from './outbox.repository.js';

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
    await queueRegistrationMail(manager, registrationId, kind);
    if (kind === 'invitation') await this.reminders(manager, undefined, [registrationId]);
    if (kind === 'withdrawal' || kind === 'registration_rejected') {
      await supersedeRegistrantEventMail(manager, registrationId);
    }
  }

  /** The webinar changed (moved, cancelled, reinstated): every confirmed registrant is told. */
  async webinarChanged(
    manager: EntityManager,
    session: Session,
    kind: 'update' | 'cancellation',
    previous?: NoticePrevious,
  ): Promise<void> {
    await queueWebinarChange(manager, session, kind, previous, this.config.noticeDelaySeconds);
    await this.reminders(manager, session.id);
  }

  /**
   * Replaces the unsent reminders of confirmed registrants (of one webinar, or the ones named)
   * with ones due `reminderHours` before the current start.
   */
  async reminders(manager: EntityManager, sessionId?: string, registrationIds?: string[]): Promise<void> {
    await replaceRegistrantReminders(manager, sessionId, registrationIds);
  }
}
