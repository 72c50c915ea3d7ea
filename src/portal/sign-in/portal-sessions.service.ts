import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../../common/auth/principal.js';
import { generateToken, hashToken } from '../../common/auth/token-hash.js';
import type { LocalizedText } from '../../common/i18n/localized-text.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import type { PortalLink } from './portal-link.entity.js';
import { PortalSession } from './portal-session.entity.js';
import { PortalSessionsRepository, type ViewerRow } from './portal-sessions.repository.js';
import { DAY_MS } from '../../common/time/durations.js';

/** How long a browser stays signed in (never past a personal link's own expiry). */
export const PORTAL_SESSION_DAYS = 14;

/** The signed-in delegate behind a request, as pages need it. */
export interface PortalViewer {
  sessionId: string;
  csrfToken: string;
  participantId: string;
  committeeId: string;
  fullName: LocalizedText;
  locale: string;
  timeZone: string;
  principal: Principal;
}

@Injectable()
export class PortalSessionsService {
  constructor(
    private readonly repository: PortalSessionsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Starts a session for the link's participant; the cookie's secret is returned, only its hash kept. */
  async start(
    manager: EntityManager,
    link: PortalLink,
    now = new Date(),
  ): Promise<{ secret: string; maxAgeSeconds: number }> {
    const longest = now.getTime() + PORTAL_SESSION_DAYS * DAY_MS;
    const expiresAt = new Date(
      link.kind === 'one_time' ? longest : Math.min(longest, link.expiresAt.getTime()),
    );
    const secret = generateToken('qps');
    await manager.insert(PortalSession, {
      participantId: link.participantId,
      linkId: link.id,
      tokenHash: hashToken(secret),
      csrfToken: randomBytes(32).toString('base64url'),
      expiresAt,
    });
    return { secret, maxAgeSeconds: Math.floor((expiresAt.getTime() - now.getTime()) / 1000) };
  }

  /** The delegate a cookie's secret signs in, or undefined when it is unknown, ended or expired. */
  async viewer(secret: string | undefined): Promise<PortalViewer | undefined> {
    if (!secret) return undefined;
    const row = await this.repository.viewerByTokenHash(hashToken(secret));
    return row && toViewer(row);
  }

  async end(secret: string | undefined): Promise<void> {
    if (!secret) return;
    await this.repository.endByTokenHash(hashToken(secret));
  }

  /** Session cookies are Secure whenever the portal's public address is https. */
  get secureCookies(): boolean {
    return this.config.publicBaseUrl.startsWith('https:');
  }
}

/** The viewer a cookie's session row names; pages see what this delegate's API token would. */
export function toViewer(row: ViewerRow): PortalViewer {
  return {
    sessionId: row.session_id,
    csrfToken: row.csrf_token,
    participantId: row.participant_id,
    committeeId: row.committee_id,
    fullName: row.full_name,
    locale: row.locale,
    timeZone: row.time_zone,
    principal: {
      tokenId: `portal-session:${row.session_id}`,
      role: 'delegate',
      committeeIds: [],
      participantId: row.participant_id,
      participantCommitteeId: row.committee_id,
    },
  };
}
