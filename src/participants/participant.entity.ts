import { Entity, Index } from 'typeorm';
import { Committee } from '../committees/committee.entity.js';
import { LocalizedColumn, References, Stamped, TextColumn, UuidColumn } from '../common/database-columns.js';
import type { LocalizedText } from '../common/i18n/localized-text.js';
import { Party } from '../parties/party.entity.js';

export const DELEGATION_ROLES = [
  'co_chair',
  'deputy_chair',
  'secretary',
  'member',
  'expert',
  'observer',
] as const;
export type DelegationRole = (typeof DELEGATION_ROLES)[number];

@Entity('participants')
@Index('uq_participants_committee_email', ['committeeId', 'emailKey'], { unique: true })
@Index('ix_participants_committee_created', ['committeeId', 'createdAt', 'id'])
export class Participant extends Stamped {
  @UuidColumn('committee_id') committeeId: string;
  @References(() => Committee, 'committee_id', 'CASCADE')
  committee?: Committee;
  @Index('ix_participants_party') @UuidColumn('party_id') partyId: string;
  @References(() => Party, 'party_id', 'RESTRICT')
  party?: Party;
  @LocalizedColumn('full_name') fullName: LocalizedText;
  @TextColumn('email') email: string;
  /** The e-mail address in lower case: uniqueness within a committee ignores case. */
  @TextColumn('email_key') emailKey: string;
  @LocalizedColumn('organization', true) organization: LocalizedText | null;
  @LocalizedColumn('position', true) position: LocalizedText | null;
  @TextColumn('delegation_role') delegationRole: DelegationRole;
  @TextColumn('time_zone') timeZone: string;
  @TextColumn('locale') locale: string;
  /** Every spelling of the name, folded for search (see participant-search.ts). */
  @TextColumn('search_text') searchText: string;
}
