import { Column } from 'typeorm';
import { Committee } from '../committees/committee.entity.js';
import { LocalizedColumn, References, Stamped, TextColumn, UuidColumn } from '../common/database-columns.js';
import type { LocalizedText } from '../common/i18n/localized-text.js';
import { WorkingGroup } from '../working-groups/working-group.entity.js';
import type { OnlineMeeting, SessionFormat, SessionKind } from './session-kinds.js';

/**
 * The columns a session and a series both have, spelled once: their committee and working
 * group, what the meeting is, its zone of record, where it happens, its room and its SEQUENCE.
 */
export abstract class SharedSessionColumns extends Stamped {
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
  @LocalizedColumn('location', true) location: LocalizedText | null;
  @Column({ name: 'online_meeting', type: 'jsonb', nullable: true }) onlineMeeting: OnlineMeeting | null;
  @Column({ name: 'capacity', type: 'integer', nullable: true }) capacity: number | null;
  @Column({ name: 'sequence', type: 'integer', default: 0 }) sequence: number;
}
