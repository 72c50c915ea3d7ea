import { Column, Entity, Index } from 'typeorm';
import { LocalizedColumn, Stamped, TextColumn } from '../common/database-columns.js';
import type { LocalizedText } from '../common/i18n/localized-text.js';

@Entity('committees')
export class Committee extends Stamped {
  @Index('uq_committees_slug', { unique: true }) @TextColumn('slug') slug: string;
  @LocalizedColumn('name') name: LocalizedText;
  @LocalizedColumn('description', true) description: LocalizedText | null;
  @TextColumn('default_time_zone') defaultTimeZone: string;
  @TextColumn('default_locale') defaultLocale: string;
  /**
   * Goes up with every change that any calendar feed of the committee could show, so a
   * feed's ETag is known from one small query, without rendering.
   */
  @Column({ name: 'content_version', type: 'integer', default: 0 }) contentVersion: number;
  /** When contentVersion last went up: the Last-Modified of the committee's feeds. */
  @Column({ name: 'content_changed_at', type: 'timestamptz', default: () => 'now()' }) contentChangedAt: Date;
  /** The secretariat's address: ORGANIZER and Reply-To of notices (MAIL_FROM when not set). */
  @TextColumn('organizer_email', true) organizerEmail: string | null;
  /** How long before a session its invitees get a reminder. */
  @Column({ name: 'reminder_hours', type: 'integer', default: 24 }) reminderHours: number;
}
