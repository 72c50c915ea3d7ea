import { Entity, Index, PrimaryColumn } from 'typeorm';
import { CreatedAtColumn, References, TextColumn } from '../common/database-columns.js';
import { Participant } from '../participants/participant.entity.js';
import { WorkingGroup } from './working-group.entity.js';

export const MEMBER_ROLES = ['co_chair', 'secretary', 'member', 'expert'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

@Entity('working_group_members')
@Index('ix_working_group_members_participant', ['participantId'])
export class WorkingGroupMember {
  @PrimaryColumn({ name: 'working_group_id', type: 'uuid' }) workingGroupId: string;
  @References(() => WorkingGroup, 'working_group_id', 'CASCADE')
  workingGroup?: WorkingGroup;
  @PrimaryColumn({ name: 'participant_id', type: 'uuid' }) participantId: string;
  @References(() => Participant, 'participant_id', 'CASCADE')
  participant?: Participant;
  @TextColumn('role') role: MemberRole;
  @CreatedAtColumn() createdAt: Date;
}
