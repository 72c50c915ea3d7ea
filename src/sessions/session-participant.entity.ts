import { Entity, Index, PrimaryColumn } from 'typeorm';
import { CreatedAtColumn, References, TextColumn, UpdatedAtColumn } from '../common/database-columns.js';
import { Participant } from '../participants/participant.entity.js';
import { Session } from './session.entity.js';

export const INVITEE_ROLES = [
  'chair',
  'moderator',
  'speaker',
  'member',
  'observer',
  'interpreter',
  'attendee',
] as const;
export type InviteeRole = (typeof INVITEE_ROLES)[number];
export const ATTENDANCES = ['required', 'optional'] as const;
export type Attendance = (typeof ATTENDANCES)[number];
export const RSVPS = ['needs_action', 'accepted', 'declined', 'tentative'] as const;
export type Rsvp = (typeof RSVPS)[number];

@Entity('session_participants')
@Index('ix_session_participants_participant', ['participantId'])
export class SessionParticipant {
  @PrimaryColumn({ name: 'session_id', type: 'uuid' }) sessionId: string;
  @References(() => Session, 'session_id', 'CASCADE')
  session?: Session;
  @PrimaryColumn({ name: 'participant_id', type: 'uuid' }) participantId: string;
  @References(() => Participant, 'participant_id', 'RESTRICT')
  participant?: Participant;
  @TextColumn('role') role: InviteeRole;
  @TextColumn('attendance') attendance: Attendance;
  @TextColumn('rsvp') rsvp: Rsvp;
  @CreatedAtColumn() createdAt: Date;
  @UpdatedAtColumn() updatedAt: Date;
}
