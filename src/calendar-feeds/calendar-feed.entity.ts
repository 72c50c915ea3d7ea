import { Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Committee } from '../committees/committee.entity.js';
import {
  CreatedAtColumn,
  IdColumn,
  InstantColumn,
  TextColumn,
  UuidColumn,
} from '../common/database-columns.js';
import { Participant } from '../participants/participant.entity.js';
import { WorkingGroup } from '../working-groups/working-group.entity.js';

export const FEED_SCOPES = ['participant', 'working_group', 'committee'] as const;
export type FeedScope = (typeof FEED_SCOPES)[number];

@Entity('calendar_feeds')
@Index('ix_calendar_feeds_committee', ['committeeId', 'createdAt', 'id'])
export class CalendarFeed {
  @IdColumn() id: string;
  @TextColumn('scope') scope: FeedScope;
  @UuidColumn('committee_id') committeeId: string;
  @ManyToOne(() => Committee, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'committee_id' })
  committee?: Committee;
  @UuidColumn('participant_id', true) participantId: string | null;
  @ManyToOne(() => Participant, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'participant_id' })
  participant?: Participant;
  @UuidColumn('working_group_id', true) workingGroupId: string | null;
  @ManyToOne(() => WorkingGroup, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'working_group_id' })
  workingGroup?: WorkingGroup;
  /**
   * The delegate whose token made the feed, if one did: the feed then shows no more than
   * that participant may see, whatever its scope.
   */
  @UuidColumn('owner_participant_id', true) ownerParticipantId: string | null;
  @ManyToOne(() => Participant, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'owner_participant_id' })
  ownerParticipant?: Participant;
  @TextColumn('label') label: string;
  @TextColumn('locale') locale: string;
  @Index('uq_calendar_feeds_token_hash', { unique: true }) @TextColumn('token_hash') tokenHash: string;
  @CreatedAtColumn() createdAt: Date;
  @InstantColumn('last_fetched_at', true) lastFetchedAt: Date | null;
  @InstantColumn('revoked_at', true) revokedAt: Date | null;
}
