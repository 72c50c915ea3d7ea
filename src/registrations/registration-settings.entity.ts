import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import {
  CreatedAtColumn,
  InstantColumn,
  LocalizedColumn,
  TextColumn,
  UpdatedAtColumn,
} from '../common/database-columns.js';
import type { LocalizedText } from '../common/i18n/localized-text.js';
import { Session } from '../sessions/session.entity.js';

export const APPROVAL_MODES = ['auto', 'manual'] as const;
export type ApprovalMode = (typeof APPROVAL_MODES)[number];

/**
 * A webinar's registration: one row per session. Every change of a registrant's seat takes
 * this row FOR UPDATE first, so confirmations of one webinar happen one at a time.
 */
@Entity('registration_settings')
export class RegistrationSettings {
  @PrimaryColumn({ name: 'session_id', type: 'uuid' }) sessionId: string;
  @OneToOne(() => Session, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: Session;
  @InstantColumn('opens_at') opensAt: Date;
  @InstantColumn('closes_at') closesAt: Date;
  @Column({ name: 'capacity', type: 'integer' }) capacity: number;
  @TextColumn('approval') approval: ApprovalMode;
  /** Lower-case domains; empty: any address may register. */
  @Column({ name: 'allowed_email_domains', type: 'text', array: true, default: () => "'{}'" })
  allowedEmailDomains: string[];
  @LocalizedColumn('introduction', true) introduction: LocalizedText | null;
  /** The next queue position handed out (see Registration.queuePosition). */
  @Column({ name: 'next_position', type: 'integer', default: 1 }) nextPosition: number;
  @CreatedAtColumn() createdAt: Date;
  @UpdatedAtColumn() updatedAt: Date;
}
