import { Inject, Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { assertCanManageCommittee } from '../../common/auth/access.js';
import type { Principal } from '../../common/auth/principal.js';
import { generateToken, hashToken } from '../../common/auth/token-hash.js';
import { NotFoundError } from '../../common/errors/problem.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { NoticeOutbox } from '../../notices/notice-outbox.service.js';
import { Participant } from '../../participants/participant.entity.js';
import { PortalLink } from './portal-link.entity.js';
import { PortalLinksRepository } from './portal-links.repository.js';
import { PortalSession } from './portal-session.entity.js';
import { PortalSessionsService } from './portal-sessions.service.js';
import { DAY_MS, MINUTE_MS } from '../../common/time/durations.js';

/** A one-time sign-in link is good for this long after it is asked for. */
export const ONE_TIME_LINK_MINUTES = 15;

/** A sign-in link made for /signin, to be mailed to `recipient`. */
export interface SignInLinkToSend {
  participantId: string;
  recipient: { email: string; locale: string };
  link: string;
  expiresAt: Date;
}

@Injectable()
export class PortalLinksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly links: PortalLinksRepository,
    private readonly sessions: PortalSessionsService,
    private readonly outbox: NoticeOutbox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** An organizer's personal link for one delegate: the URL is answered now and never again. */
  async issuePersonal(
    principal: Principal,
    participantId: string,
    expiresInDays: number,
  ): Promise<{ link: PortalLink; url: string }> {
    const participant = await this.managedParticipant(principal, participantId);
    const secret = generateToken('qpl');
    const link = await this.dataSource.getRepository(PortalLink).save({
      participantId: participant.id,
      kind: 'personal',
      tokenHash: hashToken(secret),
      expiresAt: new Date(Date.now() + expiresInDays * DAY_MS),
      usedAt: null,
      revokedAt: null,
    });
    return { link, url: this.urlFor(secret) };
  }

  async listPersonal(principal: Principal, participantId: string): Promise<PortalLink[]> {
    await this.managedParticipant(principal, participantId);
    return this.dataSource.getRepository(PortalLink).find({
      where: { participantId, kind: 'personal' },
      order: { createdAt: 'DESC', id: 'ASC' },
    });
  }

  /** Revoking a link signs out every browser that signed in with it, in the same transaction. */
  async revoke(principal: Principal, participantId: string, linkId: string): Promise<PortalLink> {
    await this.managedParticipant(principal, participantId);
    return this.dataSource.transaction(async (manager) => {
      const link = await manager.findOneBy(PortalLink, { id: linkId, participantId, kind: 'personal' });
      if (!link) throw new NotFoundError('Portal link');
      if (!link.revokedAt) {
        link.revokedAt = new Date();
        await manager.save(link);
      }
      await manager.delete(PortalSession, { linkId });
      return link;
    });
  }

  /**
   * For /signin: a single-use link valid for 15 minutes for each participant with this address
   * (an address may be a delegate's in several committees); none when the address is unknown.
   * Each goes into the notices outbox in the same transaction; the worker mails it.
   */
  async createOneTimeSignInLinks(email: string): Promise<SignInLinkToSend[]> {
    return this.dataSource.transaction(async (manager) => {
      const participants = await manager.findBy(Participant, { emailKey: email.trim().toLowerCase() });
      const expiresAt = new Date(Date.now() + ONE_TIME_LINK_MINUTES * MINUTE_MS);
      const links: Array<SignInLinkToSend & { linkId: string }> = [];
      for (const participant of participants) {
        const secret = generateToken('qsl');
        const inserted = await manager.insert(PortalLink, {
          participantId: participant.id,
          kind: 'one_time',
          tokenHash: hashToken(secret),
          expiresAt,
          usedAt: null,
          revokedAt: null,
        });
        links.push({
          linkId: inserted.identifiers[0].id as string,
          participantId: participant.id,
          recipient: { email: participant.email, locale: participant.locale },
          link: this.urlFor(secret),
          expiresAt,
        });
      }
      // The link and its e-mail commit together: a link is never made without its notice.
      await this.outbox.signInLinks(manager, links);
      return links.map(({ linkId: _linkId, ...link }) => link);
    });
  }

  /** The link a secret names, when it can still sign someone in. */
  async usable(secret: string): Promise<PortalLink | undefined> {
    const link = await this.dataSource.getRepository(PortalLink).findOneBy({
      tokenHash: hashToken(secret),
      revokedAt: IsNull(),
    });
    if (!link || link.expiresAt.getTime() <= Date.now()) return undefined;
    if (link.kind === 'one_time' && link.usedAt) return undefined;
    return link;
  }

  /**
   * Signs in with a link: a one-time link is marked used in the same statement that checks it,
   * so two clicks at once cannot both succeed. Undefined when the link cannot be used.
   */
  async redeem(secret: string): Promise<{ secret: string; maxAgeSeconds: number } | undefined> {
    return this.dataSource.transaction(async (manager) => {
      const linkId = await this.links.markUsed(manager, hashToken(secret));
      if (linkId === undefined) return undefined;
      const link = await manager.findOneByOrFail(PortalLink, { id: linkId });
      return this.sessions.start(manager, link);
    });
  }

  private async managedParticipant(principal: Principal, participantId: string): Promise<Participant> {
    const participant = await this.dataSource.getRepository(Participant).findOneBy({ id: participantId });
    if (!participant) throw new NotFoundError('Participant');
    assertCanManageCommittee(principal, participant.committeeId, 'Participant');
    return participant;
  }

  private urlFor(secret: string): string {
    return `${this.config.publicBaseUrl}/signin/${secret}`;
  }
}
