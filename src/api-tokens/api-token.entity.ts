import { Column, Entity, Index } from 'typeorm';
import { References, RevocableToken, TextColumn, UuidColumn } from '../common/database-columns.js';
import type { TokenRole } from '../common/auth/principal.js';
import { Participant } from '../participants/participant.entity.js';
import { Party } from '../parties/party.entity.js';

@Entity('api_tokens')
@Index('uq_api_tokens_hash', ['tokenHash'], { unique: true })
export class ApiToken extends RevocableToken {
  @TextColumn('name') name: string;
  @TextColumn('role') role: TokenRole;
  @Column({ name: 'committee_ids', type: 'uuid', array: true, default: () => "'{}'" }) committeeIds: string[];
  @UuidColumn('participant_id', true) participantId: string | null;
  @References(() => Participant, 'participant_id', 'CASCADE')
  participant?: Participant;
  /** For an organizer: the party whose secretariat it is (it agrees minutes for that party). */
  @UuidColumn('party_id', true) partyId: string | null;
  @References(() => Party, 'party_id', 'SET NULL')
  party?: Party;
}
