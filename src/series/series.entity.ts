import { Column, Entity, Index } from 'typeorm';
import type { ReplaceSkipped } from './recurrence/replace-skipped.js';
import { TextColumn } from '../common/database-columns.js';
import { SharedSessionColumns } from '../sessions/shared-columns.js';

/**
 * A recurring session: a rule in its zone of record with a wall-clock start, so "every
 * second Tuesday at 10:00 Moscow time" stays 10:00 in Moscow. Its occurrences are sessions.
 */
@Entity('series')
@Index('ix_series_committee_created', ['committeeId', 'createdAt', 'id'])
export class Series extends SharedSessionColumns {
  /** Local date of the first occurrence the rule is counted from, `YYYY-MM-DD`. */
  @TextColumn('start_date') startDate: string;
  /** Local wall-clock start, `HH:mm`. */
  @TextColumn('start_time') startTime: string;
  @Column({ name: 'duration_minutes', type: 'integer' }) durationMinutes: number;
  /** The RRULE in canonical form (UNTIL in UTC). */
  @TextColumn('rule') rule: string;
  @Column({ name: 'skip_non_working_days', type: 'boolean', default: false }) skipNonWorkingDays: boolean;
  @Column({ name: 'replace_skipped', type: 'text', default: 'none' }) replaceSkipped: ReplaceSkipped;
}
