import { Entity, Index } from 'typeorm';
import {
  InstantColumn,
  References,
  TextColumn,
  TokenBearing,
  UuidColumn,
} from '../../common/database-columns.js';
import { Participant } from '../../participants/participant.entity.js';
import { PortalLink } from './portal-link.entity.js';

/**
 * A signed-in browser, kept in PostgreSQL so any instance can serve it. The cookie holds a
 * secret whose hash is `tokenHash`; `csrfToken` goes into every form of that session.
 * Revoking its link or deleting its participant deletes it (foreign keys cascade).
 */
@Entity('portal_sessions')
@Index('uq_portal_sessions_token_hash', ['tokenHash'], { unique: true })
export class PortalSession extends TokenBearing {
  @Index('ix_portal_sessions_participant') @UuidColumn('participant_id') participantId: string;
  @References(() => Participant, 'participant_id', 'CASCADE')
  participant?: Participant;
  @Index('ix_portal_sessions_link') @UuidColumn('link_id') linkId: string;
  @References(() => PortalLink, 'link_id', 'CASCADE')
  link?: PortalLink;
  @TextColumn('csrf_token') csrfToken: string;
  @InstantColumn('expires_at') expiresAt: Date;
}
