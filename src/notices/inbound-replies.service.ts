import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { touchCommittee } from '../committees/committee-version.js';
import { parseImipReply, type ImipReply } from './imip-reply.js';

interface Target {
  committee_id: string;
  sequence: number;
  session_ids: string[];
}

/**
 * Applies iMIP REPLYs to RSVPs. A reply counts only when its UID names a published session or
 * series, its attendee is invited, and its SEQUENCE is the current one; anything else changes
 * nothing and is logged (the caller's answer is the same either way).
 */
@Injectable()
export class InboundRepliesService {
  private readonly logger = new Logger('InboundMail');

  constructor(private readonly dataSource: DataSource) {}

  async receive(raw: Buffer): Promise<void> {
    const reply = await parseImipReply(raw).catch(() => ({ refused: 'unreadable message' }));
    if ('refused' in reply) {
      this.logger.warn({ reason: reply.refused }, 'Inbound mail ignored');
      return;
    }
    const outcome = await this.dataSource.transaction((manager) => this.apply(manager, reply));
    const log = { uid: reply.uid, attendee: reply.attendeeEmail, sequence: reply.sequence, outcome };
    if (outcome === 'applied') this.logger.log(log, 'RSVP from inbound mail');
    else this.logger.warn(log, 'Inbound reply ignored');
  }

  private async apply(manager: EntityManager, reply: ImipReply): Promise<string> {
    if (!/^[0-9a-f-]{36}$/i.test(reply.uid)) return 'unknown uid';
    const target = await this.target(manager, reply);
    if (!target || target.session_ids.length === 0) return 'unknown uid';
    if (reply.sequence !== target.sequence) return 'stale sequence';
    const updated = await manager.query<Array<{ session_id: string }>>(
      `UPDATE session_participants sp SET rsvp = $3, updated_at = now()
         FROM participants p
        WHERE p.id = sp.participant_id AND sp.session_id = ANY($1::uuid[]) AND lower(p.email) = $2
        RETURNING sp.session_id`,
      [target.session_ids, reply.attendeeEmail, reply.rsvp],
    );
    const rows = (Array.isArray(updated[0]) ? updated[0] : updated) as unknown[];
    if (rows.length === 0) return 'not an invitee';
    await touchCommittee(manager, target.committee_id);
    return 'applied';
  }

  /** The sessions the reply answers for and the SEQUENCE they carry in feeds and notices. */
  private async target(manager: EntityManager, reply: ImipReply): Promise<Target | undefined> {
    const [single] = await manager.query<Target[]>(
      `SELECT committee_id, sequence, ARRAY[id] AS session_ids FROM sessions
        WHERE id = $1 AND series_id IS NULL AND status = 'scheduled'`,
      [reply.uid],
    );
    if (single) return single;
    const [series] = await manager.query<Target[]>(
      `SELECT se.committee_id,
              CASE WHEN $2::text IS NULL THEN se.sequence
                   ELSE GREATEST(se.sequence, (SELECT max(s.sequence) FROM sessions s
                                                WHERE s.series_id = se.id AND s.recurrence_id = $2)) END AS sequence,
              ARRAY(SELECT s.id FROM sessions s WHERE s.series_id = se.id AND s.status = 'scheduled'
                       AND ($2::text IS NULL OR s.recurrence_id = $2)) AS session_ids
         FROM series se WHERE se.id = $1`,
      [reply.uid, reply.recurrenceId ?? null],
    );
    return series;
  }
}
