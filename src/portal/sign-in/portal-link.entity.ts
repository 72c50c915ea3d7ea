import { Entity, Index } from 'typeorm';
import {
  InstantColumn,
  References,
  RevocableToken,
  TextColumn,
  UuidColumn,
} from '../../common/database-columns.js';
import { Participant } from '../../participants/participant.entity.js';

/**
 * `personal`: issued by an organizer, usable until it expires or is revoked.
 * `one_time`: asked for on /signin, usable once within 15 minutes.
 * `mail`: made for one notice e-mail, usable like a personal link until a week after its session.
 */
export const PORTAL_LINK_KINDS = ['personal', 'one_time', 'mail'] as const;
export type PortalLinkKind = (typeof PORTAL_LINK_KINDS)[number];

/** A sign-in link for the delegate portal; only the hash of its secret is stored. */
@Entity('portal_links')
@Index('ix_portal_links_participant', ['participantId', 'createdAt', 'id'])
@Index('uq_portal_links_token_hash', ['tokenHash'], { unique: true })
export class PortalLink extends RevocableToken {
  @UuidColumn('participant_id') participantId: string;
  @References(() => Participant, 'participant_id', 'CASCADE')
  participant?: Participant;
  @TextColumn('kind') kind: PortalLinkKind;
  @InstantColumn('expires_at') expiresAt: Date;
  @InstantColumn('used_at', true) usedAt: Date | null;
}
