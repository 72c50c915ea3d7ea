import { Column, Entity, Index } from 'typeorm';
import {
  InstantColumn,
  LocalizedColumn,
  References,
  TextColumn,
  UuidColumn,
} from '../common/database-columns.js';
import type { LocalizedText } from '../common/i18n/localized-text.js';
import { SharedSessionColumns } from './shared-columns.js';
import type { SessionStatus } from './session-kinds.js';

export * from './session-kinds.js';

@Entity('sessions')
@Index('ix_sessions_committee_start', ['committeeId', 'startsAt', 'id'])
@Index('ix_sessions_working_group_start', ['workingGroupId', 'startsAt', 'id'])
@Index('ix_sessions_start', ['startsAt', 'id'])
@Index('uq_sessions_series_recurrence', ['seriesId', 'recurrenceId'], { unique: true })
export class Session extends SharedSessionColumns {
  @UuidColumn('series_id', true) seriesId: string | null;
  // Named rather than imported: the series feature builds on sessions, not the other way round.
  @References('Series', 'series_id', 'CASCADE')
  series?: object;
  /** For an occurrence of a series: its original local start, `YYYY-MM-DDTHH:mm`. */
  @TextColumn('recurrence_id', true) recurrenceId: string | null;
  /** An occurrence moved or edited on its own: later edits of its series leave it alone. */
  @Column({ name: 'detached', type: 'boolean', default: false }) detached: boolean;
  @TextColumn('status') status: SessionStatus;
  @InstantColumn('starts_at') startsAt: Date;
  @InstantColumn('ends_at') endsAt: Date;
  @Column({ name: 'version', type: 'integer', default: 1 }) version: number;
  @LocalizedColumn('cancellation_reason', true) cancellationReason: LocalizedText | null;
}
