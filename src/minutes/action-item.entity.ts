import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Committee } from '../committees/committee.entity.js';
import {
  CreatedAtColumn,
  LocalizedColumn,
  References,
  TextColumn,
  UpdatedAtColumn,
  UuidColumn,
} from '../common/database-columns.js';
import type { LocalizedText } from '../common/i18n/localized-text.js';
import { Party } from '../parties/party.entity.js';
import { Session } from '../sessions/session.entity.js';
import type { ActionItemStatus } from './minutes-content.js';

/**
 * An action item of agreed minutes, kept on its own so that it outlives its session: listed
 * across sessions, its status updated as the work goes on. Its id is the one in the minutes.
 */
@Entity('action_items')
@Index('ix_action_items_committee_created', ['committeeId', 'createdAt', 'id'])
@Index('ix_action_items_session', ['sessionId'])
export class ActionItem {
  @PrimaryColumn({ name: 'id', type: 'uuid' }) id: string;
  @UuidColumn('committee_id') committeeId: string;
  @References(() => Committee, 'committee_id', 'CASCADE')
  committee?: Committee;
  @UuidColumn('session_id') sessionId: string;
  @References(() => Session, 'session_id', 'CASCADE')
  session?: Session;
  @UuidColumn('working_group_id', true) workingGroupId: string | null;
  /** No foreign key: the agenda item may be deleted later, the minutes keep its title. */
  @UuidColumn('agenda_item_id') agendaItemId: string;
  @LocalizedColumn('title') title: LocalizedText;
  @UuidColumn('party_id') partyId: string;
  @References(() => Party, 'party_id', 'RESTRICT')
  party?: Party;
  @Column({ name: 'owner_ids', type: 'uuid', array: true, default: () => "'{}'" }) ownerIds: string[];
  @Column({ name: 'due_date', type: 'date', nullable: true }) dueDate: string | null;
  @TextColumn('status') status: ActionItemStatus;
  @CreatedAtColumn() createdAt: Date;
  @UpdatedAtColumn() updatedAt: Date;
}
