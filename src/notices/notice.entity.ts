import { Column, Entity, Index } from 'typeorm';
import { Committee } from '../committees/committee.entity.js';
import { InstantColumn, References, Stamped, TextColumn, UuidColumn } from '../common/database-columns.js';
import { Participant } from '../participants/participant.entity.js';
import { Registration } from '../registrations/registration.entity.js';

export const NOTICE_KINDS = [
  'invitation',
  'update',
  'cancellation',
  'withdrawal',
  'reminder',
  'sign_in',
  // A webinar registrant's own mails (see src/registrations).
  'registration_link',
  'registration_awaiting_approval',
  'registration_waitlisted',
  'registration_rejected',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];
/**
 * pending → sending → sent; `held` when no SMTP server is configured (rendered, kept unsent);
 * `failed` after the last retry; `superseded` when a newer notice replaced it before it went out.
 */
export const NOTICE_STATUSES = ['pending', 'sending', 'sent', 'held', 'failed', 'superseded'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

/** What a change replaced, so an update can say "old → new". */
export interface NoticePrevious {
  startsAt: string;
  endsAt: string;
  timeZone: string;
}

/** A sign-in notice's link, mailed once; the link itself works once, within 15 minutes. */
export interface NoticePayload {
  link: string;
  expiresAt: string;
}

/** What a notice is about: a session or occurrence, a whole series, or a sign-in link. */
export type NoticeTargetType = 'session' | 'series' | 'portal_link';

/**
 * The outbox: one row per message to one recipient, written in the transaction of the change
 * that causes it, sent later by the worker. (target, sequence, recipient, kind) is sent once.
 */
@Entity('notices')
@Index('ix_notices_committee_created', ['committeeId', 'createdAt', 'id'])
@Index('uq_notices_once', ['targetId', 'sequence', 'participantId', 'kind'], {
  unique: true,
  where: `status <> 'superseded'`,
})
@Index('uq_notices_once_registrant', ['targetId', 'sequence', 'registrationId', 'kind'], {
  unique: true,
  where: `status <> 'superseded'`,
})
@Index('ix_notices_registration', ['registrationId'], { where: 'registration_id IS NOT NULL' })
@Index('ix_notices_due', ['dueAt', 'id'], { where: `status IN ('pending', 'sending')` })
@Index('ix_notices_pending_target', ['targetId', 'participantId'], { where: `status = 'pending'` })
export class Notice extends Stamped {
  @UuidColumn('committee_id') committeeId: string;
  @References(() => Committee, 'committee_id', 'CASCADE')
  committee?: Committee;
  /** `session` (a single session or one occurrence), `series` (the whole series) or `portal_link`. */
  @TextColumn('target_type') targetType: NoticeTargetType;
  @UuidColumn('target_id') targetId: string;
  /** The recipient: a participant, or (for a webinar's registrants) a registration. */
  @UuidColumn('participant_id', true) participantId: string | null;
  @References(() => Participant, 'participant_id', 'CASCADE')
  participant?: Participant;
  @UuidColumn('registration_id', true) registrationId: string | null;
  @References(() => Registration, 'registration_id', 'CASCADE')
  registration?: Registration;
  /** The address at the time of the change. */
  @TextColumn('recipient') recipient: string;
  @TextColumn('kind') kind: NoticeKind;
  @Column({ name: 'sequence', type: 'integer' }) sequence: number;
  @Column({ name: 'status', type: 'text', default: 'pending' }) status: NoticeStatus;
  @InstantColumn('due_at') dueAt: Date;
  @Column({ name: 'previous', type: 'jsonb', nullable: true }) previous: NoticePrevious | null;
  @Column({ name: 'payload', type: 'jsonb', nullable: true }) payload: NoticePayload | null;
  @Column({ name: 'attempts', type: 'integer', default: 0 }) attempts: number;
  @InstantColumn('locked_until', true) lockedUntil: Date | null;
  @TextColumn('last_error', true) lastError: string | null;
  @TextColumn('subject', true) subject: string | null;
  /** The rendered RFC 5322 message, once the worker has built it. */
  @TextColumn('message', true) message: string | null;
  @TextColumn('message_id', true) messageId: string | null;
  @InstantColumn('sent_at', true) sentAt: Date | null;
}
