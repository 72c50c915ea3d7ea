import { Entity, Index } from 'typeorm';
import { Committee } from '../committees/committee.entity.js';
import {
  InstantColumn,
  References,
  RevocableToken,
  TextColumn,
  UuidColumn,
} from '../common/database-columns.js';
import { Participant } from '../participants/participant.entity.js';
import { WorkingGroup } from '../working-groups/working-group.entity.js';

export const FEED_SCOPES = ['participant', 'working_group', 'committee'] as const;
export type FeedScope = (typeof FEED_SCOPES)[number];

@Entity('calendar_feeds')
@Index('ix_calendar_feeds_committee', ['committeeId', 'createdAt', 'id'])
@Index('uq_calendar_feeds_token_hash', ['tokenHash'], { unique: true })
export class CalendarFeed extends RevocableToken {
  @TextColumn('scope') scope: FeedScope;
  @UuidColumn('committee_id') committeeId: string;
  @References(() => Committee, 'committee_id', 'CASCADE')
  committee?: Committee;
  @UuidColumn('participant_id', true) participantId: string | null;
  @References(() => Participant, 'participant_id', 'CASCADE')
  participant?: Participant;
  @UuidColumn('working_group_id', true) workingGroupId: string | null;
  @References(() => WorkingGroup, 'working_group_id', 'CASCADE')
  workingGroup?: WorkingGroup;
  /**
   * The delegate whose token made the feed, if one did: the feed then shows no more than
   * that participant may see, whatever its scope.
   */
  @UuidColumn('owner_participant_id', true) ownerParticipantId: string | null;
  @References(() => Participant, 'owner_participant_id', 'CASCADE')
  ownerParticipant?: Participant;
  @TextColumn('label') label: string;
  @TextColumn('locale') locale: string;
  @InstantColumn('last_fetched_at', true) lastFetchedAt: Date | null;
}
