import { Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CreatedAtColumn, TextColumn } from '../common/database-columns.js';
import { Participant } from '../participants/participant.entity.js';
import type { Attendance, InviteeRole } from '../sessions/session-participant.entity.js';
import { Series } from './series.entity.js';

/** An invitation to every occurrence of a series, present and to come. */
@Entity('series_participants')
export class SeriesParticipant {
  @PrimaryColumn({ name: 'series_id', type: 'uuid' }) seriesId: string;
  @ManyToOne(() => Series, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'series_id' })
  series?: Series;
  @PrimaryColumn({ name: 'participant_id', type: 'uuid' }) participantId: string;
  @ManyToOne(() => Participant, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'participant_id' })
  participant?: Participant;
  @TextColumn('role') role: InviteeRole;
  @TextColumn('attendance') attendance: Attendance;
  @CreatedAtColumn() createdAt: Date;
}
