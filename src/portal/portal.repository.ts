import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Rsvp } from '../sessions/session-participant.entity.js';

/** The questions portal pages ask that the API's services do not. */
@Injectable()
export class PortalRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** A participant's answers to the given sessions' invitations. */
  async answers(participantId: string, sessionIds: string[]): Promise<Map<string, Rsvp>> {
    if (sessionIds.length === 0) return new Map();
    const rows = await this.dataSource.query<Array<{ session_id: string; rsvp: Rsvp }>>(
      'SELECT session_id, rsvp FROM session_participants WHERE participant_id = $1 AND session_id = ANY($2)',
      [participantId, sessionIds],
    );
    return new Map(rows.map((row) => [row.session_id, row.rsvp]));
  }
}
