import { Inject, Injectable } from '@nestjs/common';
import { generateToken, hashToken } from '../../common/auth/token-hash.js';
import { MAIL_LINK_DAYS_AFTER_END } from '../../common/limits.js';
import { DAY_MS } from '../../common/time/durations.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { PortalLinksRepository } from './portal-links.repository.js';

/**
 * Personal links for notice e-mails: each invitation, update and reminder carries one that
 * signs its recipient in and opens the session's page. Such a link (kind `mail`) works like an
 * organizer's personal link until MAIL_LINK_DAYS_AFTER_END days after the session ends; it is
 * not listed with the organizer's links and ends with the participant.
 */
@Injectable()
export class MailLinks {
  constructor(
    private readonly links: PortalLinksRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** One link for each (participant, session page) asked, in one statement; same order as asked. */
  async create(
    requests: Array<{ participantId: string; sessionId: string; endsAt: Date }>,
  ): Promise<string[]> {
    if (requests.length === 0) return [];
    const secrets = requests.map(() => generateToken('qpl'));
    await this.links.insertMailLinks(
      requests.map((request, index) => ({
        participantId: request.participantId,
        tokenHash: hashToken(secrets[index]),
        expiresAt: new Date(request.endsAt.getTime() + MAIL_LINK_DAYS_AFTER_END * DAY_MS),
      })),
    );
    return secrets.map(
      (secret, index) =>
        `${this.config.publicBaseUrl}/signin/${secret}?next=${encodeURIComponent(`/sessions/${requests[index].sessionId}`)}`,
    );
  }
}
