import { Column, Entity, Index } from 'typeorm';
import { InstantColumn, References, Stamped, TextColumn, UuidColumn } from '../common/database-columns.js';
import { Session } from '../sessions/session.entity.js';

export const REGISTRATION_STATUSES = ['pending', 'confirmed', 'waitlisted', 'rejected', 'cancelled'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
export const REGISTRATION_LANGUAGES = ['fa', 'ru', 'en'] as const;
export type RegistrationLanguage = (typeof REGISTRATION_LANGUAGES)[number];

/**
 * One person's registration for a webinar. Registrants are not participants: they have no
 * account, only the personal link mailed to them. Personal fields are null once purged.
 */
@Entity('registrations')
@Index('uq_registrations_address', ['sessionId', 'emailKey'], {
  unique: true,
  where: 'email_key IS NOT NULL',
})
@Index('uq_registrations_token', ['accessToken'], { unique: true, where: 'access_token IS NOT NULL' })
@Index('ix_registrations_session_created', ['sessionId', 'createdAt', 'id'])
@Index('ix_registrations_queue', ['sessionId', 'status', 'queuePosition'])
export class Registration extends Stamped {
  @UuidColumn('session_id') sessionId: string;
  @References(() => Session, 'session_id', 'CASCADE')
  session?: Session;
  @TextColumn('status') status: RegistrationStatus;
  @TextColumn('full_name', true) fullName: string | null;
  @TextColumn('email', true) email: string | null;
  /** The address in lower case: one registration per address and webinar. */
  @TextColumn('email_key', true) emailKey: string | null;
  @TextColumn('organization', true) organization: string | null;
  /** ISO 3166-1 alpha-2. */
  @TextColumn('country', true) country: string | null;
  @TextColumn('language') language: RegistrationLanguage;
  /** The zone the registrant's mail shows first (Tehran for Iran, Moscow for Russia). */
  @TextColumn('time_zone') timeZone: string;
  @InstantColumn('consented_at') consentedAt: Date;
  /**
   * The secret of the registrant's personal link. Kept (not hashed) because every later mail
   * (updates, reminders) carries the link again; erased with the rest by the retention purge.
   */
  @TextColumn('access_token', true) accessToken: string | null;
  @InstantColumn('address_confirmed_at', true) addressConfirmedAt: Date | null;
  /** Order of arrival once the address is confirmed, under the webinar's lock: the waitlist's order. */
  @Column({ name: 'queue_position', type: 'integer', nullable: true }) queuePosition: number | null;
  @InstantColumn('status_changed_at') statusChangedAt: Date;
  /** Counts the registrant's own mails, so each one is a notice of its own (sent once). */
  @Column({ name: 'notice_round', type: 'integer', default: 0 }) noticeRound: number;
  @InstantColumn('purged_at', true) purgedAt: Date | null;
}
