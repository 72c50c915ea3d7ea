import { Column, Entity, Index } from 'typeorm';
import { Committee } from '../committees/committee.entity.js';
import {
  InstantColumn,
  LocalizedColumn,
  References,
  Stamped,
  TextColumn,
  UuidColumn,
} from '../common/database-columns.js';
import type { LocalizedText } from '../common/i18n/localized-text.js';
import { WorkingGroup } from '../working-groups/working-group.entity.js';

export const SESSION_KINDS = ['plenary', 'working_group', 'webinar', 'bilateral', 'other'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];
export const SESSION_FORMATS = ['online', 'in_person', 'hybrid'] as const;
export type SessionFormat = (typeof SESSION_FORMATS)[number];
export const SESSION_STATUSES = ['draft', 'scheduled', 'cancelled'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export interface OnlineMeeting {
  joinUrl: string;
  provider?: string;
  accessCode?: string;
}

@Entity('sessions')
@Index('ix_sessions_committee_start', ['committeeId', 'startsAt', 'id'])
@Index('ix_sessions_working_group_start', ['workingGroupId', 'startsAt', 'id'])
@Index('ix_sessions_start', ['startsAt', 'id'])
@Index('uq_sessions_series_recurrence', ['seriesId', 'recurrenceId'], { unique: true })
export class Session extends Stamped {
  @UuidColumn('committee_id') committeeId: string;
  @References(() => Committee, 'committee_id', 'RESTRICT')
  committee?: Committee;
  @UuidColumn('working_group_id', true) workingGroupId: string | null;
  @References(() => WorkingGroup, 'working_group_id', 'RESTRICT')
  workingGroup?: WorkingGroup;
  @UuidColumn('series_id', true) seriesId: string | null;
  // Named rather than imported: the series feature builds on sessions, not the other way round.
  @References('Series', 'series_id', 'CASCADE')
  series?: object;
  /** For an occurrence of a series: its original local start, `YYYY-MM-DDTHH:mm`. */
  @TextColumn('recurrence_id', true) recurrenceId: string | null;
  /** An occurrence moved or edited on its own: later edits of its series leave it alone. */
  @Column({ name: 'detached', type: 'boolean', default: false }) detached: boolean;
  @LocalizedColumn('title') title: LocalizedText;
  @LocalizedColumn('description', true) description: LocalizedText | null;
  @TextColumn('kind') kind: SessionKind;
  @TextColumn('format') format: SessionFormat;
  @TextColumn('status') status: SessionStatus;
  @TextColumn('time_zone') timeZone: string;
  @InstantColumn('starts_at') startsAt: Date;
  @InstantColumn('ends_at') endsAt: Date;
  @LocalizedColumn('location', true) location: LocalizedText | null;
  @Column({ name: 'online_meeting', type: 'jsonb', nullable: true }) onlineMeeting: OnlineMeeting | null;
  @Column({ name: 'capacity', type: 'integer', nullable: true }) capacity: number | null;
  @Column({ name: 'sequence', type: 'integer', default: 0 }) sequence: number;
  @Column({ name: 'version', type: 'integer', default: 1 }) version: number;
  @LocalizedColumn('cancellation_reason', true) cancellationReason: LocalizedText | null;
}
