import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { touchCommittee } from '../committees/committee-version.js';
import { parseImipReply, type ImipReply } from './imip-reply.js';
import { answerAsAttendee, replyTarget } from './notices.repository.js';

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
    const target = await replyTarget(manager, reply.uid, reply.recurrenceId);
    if (!target || target.session_ids.length === 0) return 'unknown uid';
    if (reply.sequence !== target.sequence) return 'stale sequence';
    const answered = await answerAsAttendee(manager, target.session_ids, reply.attendeeEmail, reply.rsvp);
    if (answered === 0) return 'not an invitee';
    await touchCommittee(manager, target.committee_id);
    return 'applied';
  }
}
