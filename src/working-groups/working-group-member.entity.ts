import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CreatedAtColumn, TextColumn } from '../common/database-columns.js';
import { Participant } from '../participants/participant.entity.js';
import { WorkingGroup } from './working-group.entity.js';

export const MEMBER_ROLES = ['co_chair', 'secretary', 'member', 'expert'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

@Entity('working_group_members')
@Index('ix_working_group_members_participant', ['participantId'])
export class WorkingGroupMember {
  @PrimaryColumn({ name: 'working_group_id', type: 'uuid' }) workingGroupId: string;
  @ManyToOne(() => WorkingGroup, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'working_group_id' })
  workingGroup?: WorkingGroup;
  @PrimaryColumn({ name: 'participant_id', type: 'uuid' }) participantId: string;
  @ManyToOne(() => Participant, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'participant_id' })
  participant?: Participant;
  @TextColumn('role') role: MemberRole;
  @CreatedAtColumn() createdAt: Date;
}
