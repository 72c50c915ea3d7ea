import { Entity, PrimaryColumn } from 'typeorm';
import { CreatedAtColumn, References, TextColumn } from '../common/database-columns.js';
import { Participant } from '../participants/participant.entity.js';
import type { Attendance, InviteeRole } from '../sessions/session-participant.entity.js';
import { Series } from './series.entity.js';

/** An invitation to every occurrence of a series, present and to come. */
@Entity('series_participants')
export class SeriesParticipant {
  @PrimaryColumn({ name: 'series_id', type: 'uuid' }) seriesId: string;
  @References(() => Series, 'series_id', 'CASCADE')
  series?: Series;
  @PrimaryColumn({ name: 'participant_id', type: 'uuid' }) participantId: string;
  @References(() => Participant, 'participant_id', 'RESTRICT')
  participant?: Participant;
  @TextColumn('role') role: InviteeRole;
  @TextColumn('attendance') attendance: Attendance;
  @CreatedAtColumn() createdAt: Date;
}
