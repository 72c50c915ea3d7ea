import { Column, Entity, Index } from 'typeorm';
import {
  CreatedAtColumn,
  IdColumn,
  InstantColumn,
  References,
  TextColumn,
  UuidColumn,
} from '../common/database-columns.js';
import type { TokenRole } from '../common/auth/principal.js';
import { Participant } from '../participants/participant.entity.js';
import { Party } from '../parties/party.entity.js';

@Entity('api_tokens')
export class ApiToken {
  @IdColumn() id: string;
  @TextColumn('name') name: string;
  /** SHA-256 of the token, hex; the token itself is shown once and never stored. */
  @Index('uq_api_tokens_hash', { unique: true }) @TextColumn('token_hash') tokenHash: string;
  @TextColumn('role') role: TokenRole;
  @Column({ name: 'committee_ids', type: 'uuid', array: true, default: () => "'{}'" }) committeeIds: string[];
  @UuidColumn('participant_id', true) participantId: string | null;
  @References(() => Participant, 'participant_id', 'CASCADE')
  participant?: Participant;
  /** For an organizer: the party whose secretariat it is (it agrees minutes for that party). */
  @UuidColumn('party_id', true) partyId: string | null;
  @References(() => Party, 'party_id', 'SET NULL')
  party?: Party;
  @CreatedAtColumn() createdAt: Date;
  @InstantColumn('revoked_at', true) revokedAt: Date | null;
}
