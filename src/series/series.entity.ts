import { Column, Entity, Index } from 'typeorm';
import type { ReplaceSkipped } from './recurrence/replace-skipped.js';
import { Committee } from '../committees/committee.entity.js';
import { LocalizedColumn, References, Stamped, TextColumn, UuidColumn } from '../common/database-columns.js';
import type { LocalizedText } from '../common/i18n/localized-text.js';
import type { OnlineMeeting, SessionFormat, SessionKind } from '../sessions/session.entity.js';
import { WorkingGroup } from '../working-groups/working-group.entity.js';

/**
 * A recurring session: a rule in its zone of record with a wall-clock start, so "every
 * second Tuesday at 10:00 Moscow time" stays 10:00 in Moscow. Its occurrences are sessions.
 */
@Entity('series')
@Index('ix_series_committee_created', ['committeeId', 'createdAt', 'id'])
export class Series extends Stamped {
  @UuidColumn('committee_id') committeeId: string;
  @References(() => Committee, 'committee_id', 'RESTRICT')
  committee?: Committee;
  @UuidColumn('working_group_id', true) workingGroupId: string | null;
  @References(() => WorkingGroup, 'working_group_id', 'RESTRICT')
  workingGroup?: WorkingGroup;
  @LocalizedColumn('title') title: LocalizedText;
  @LocalizedColumn('description', true) description: LocalizedText | null;
  @TextColumn('kind') kind: SessionKind;
  @TextColumn('format') format: SessionFormat;
  @TextColumn('time_zone') timeZone: string;
  /** Local date of the first occurrence the rule is counted from, `YYYY-MM-DD`. */
  @TextColumn('start_date') startDate: string;
  /** Local wall-clock start, `HH:mm`. */
  @TextColumn('start_time') startTime: string;
  @Column({ name: 'duration_minutes', type: 'integer' }) durationMinutes: number;
  /** The RRULE in canonical form (UNTIL in UTC). */
  @TextColumn('rule') rule: string;
  @Column({ name: 'skip_non_working_days', type: 'boolean', default: false }) skipNonWorkingDays: boolean;
  @Column({ name: 'replace_skipped', type: 'text', default: 'none' }) replaceSkipped: ReplaceSkipped;
  @LocalizedColumn('location', true) location: LocalizedText | null;
  @Column({ name: 'online_meeting', type: 'jsonb', nullable: true }) onlineMeeting: OnlineMeeting | null;
  @Column({ name: 'capacity', type: 'integer', nullable: true }) capacity: number | null;
  @Column({ name: 'sequence', type: 'integer', default: 0 }) sequence: number;
}
