import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { canManageCommittee } from '../common/auth/access.js';
import type { Principal } from '../common/auth/principal.js';
import { ConflictError, invalid, NotFoundError } from '../common/errors/problem.js';
import { toLocalizedText, type LocalizedText } from '../common/i18n/localized-text.js';
import type { Page } from '../common/pagination/pagination.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { RegistrantOutbox } from '../notices/registrant-outbox.service.js';
import { renderCalendar } from '../calendar-feeds/ics/ics-writer.js';
import { sessionToEvent } from '../calendar-feeds/session-event.js';
import { Session } from '../sessions/session.entity.js';
import type { RegistrationQuery, RegistrationSettingsInput } from './dto/registration.dto.js';
import { RegistrationSettings } from './registration-settings.entity.js';
import { Registration, type RegistrationLanguage } from './registration.entity.js';
import { RegistrationsRepository, type RegistrationCounts } from './registrations.repository.js';
import { registrantZone, type RegistrationForm } from './registration-form.js';

const PURGE_EVERY_MS = 3_600_000;

/** What the public pages know of a webinar open for registration. */
export interface OpenWebinar {
  session: Session;
  settings: RegistrationSettings;
}

/**
 * The rules of webinar registration. Every change of a seat (confirming an address, approving,
 * cancelling, rejecting, promoting, changing capacity) first locks the webinar's registration
 * row, so capacity is counted by one transaction at a time and never exceeded.
 */
@Injectable()
export class RegistrationsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Registrations');
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: RegistrationsRepository,
    private readonly outbox: RegistrantOutbox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.noticeWorker) return;
    this.timer = setInterval(() => {
      this.purge().catch((error: unknown) => this.logger.error({ err: error }, 'Purge failed'));
    }, PURGE_EVERY_MS);
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  // ---- organizers ----

  async open(
    principal: Principal,
    sessionId: string,
    input: RegistrationSettingsInput,
  ): Promise<{ settings: RegistrationSettings; counts: RegistrationCounts }> {
    const session = await this.managedSession(principal, sessionId);
    if (session.kind !== 'webinar') {
      throw new ConflictError('not-a-webinar', 'Only a session of kind webinar takes registrations', [
        { path: 'kind', message: `is ${session.kind}, not webinar` },
      ]);
    }
    const opensAt = new Date(input.opensAt);
    const closesAt = new Date(input.closesAt);
    if (closesAt.getTime() <= opensAt.getTime()) throw invalid('closesAt', 'must be after opensAt');
    const introduction = await this.introductionText(session, input.introduction);
    return this.dataSource.transaction(async (manager) => {
      const existing = await this.repository.lockSettings(manager, sessionId);
      const counts = await this.repository.counts(manager, sessionId);
      // Confirmed registrants are never dropped silently: lowering below them is refused.
      if (input.capacity < counts.confirmed) {
        throw new ConflictError(
          'capacity-below-confirmed',
          `${counts.confirmed} registrants are confirmed; cancel or reject some before lowering the capacity to ${input.capacity}`,
          [{ path: 'capacity', message: `is below the ${counts.confirmed} confirmed registrants` }],
        );
      }
      const settings = await manager.getRepository(RegistrationSettings).save({
        ...(existing ?? {}),
        sessionId,
        opensAt,
        closesAt,
        capacity: input.capacity,
        approval: input.approval,
        allowedEmailDomains: [...new Set((input.allowedEmailDomains ?? []).map((d) => d.toLowerCase()))],
        introduction,
      } as RegistrationSettings);
      await this.fillSeats(manager, session, settings);
      return { settings, counts: await this.repository.counts(manager, sessionId) };
    });
  }

  /** A plain string is stored under the committee's default language, as everywhere. */
  private async introductionText(
    session: Session,
    value: string | LocalizedText | null | undefined,
  ): Promise<LocalizedText | null> {
    if (value === undefined || value === null) return null;
    if (typeof value !== 'string') return value;
    const [committee] = await this.dataSource.query<Array<{ default_locale: string }>>(
      'SELECT default_locale FROM committees WHERE id = $1',
      [session.committeeId],
    );
    return toLocalizedText(value, committee.default_locale);
  }

  async get(
    principal: Principal,
    sessionId: string,
  ): Promise<{ settings: RegistrationSettings; counts: RegistrationCounts }> {
    await this.managedSession(principal, sessionId);
    const settings = await this.repository.settings(sessionId);
    if (!settings) throw new NotFoundError('Registration');
    return { settings, counts: await this.repository.counts(this.dataSource.manager, sessionId) };
  }

  async list(principal: Principal, sessionId: string, query: RegistrationQuery): Promise<Page<Registration>> {
    await this.managedSettings(principal, sessionId);
    return this.repository.page(sessionId, query);
  }

  async forExport(principal: Principal, sessionId: string): Promise<Registration[]> {
    await this.managedSettings(principal, sessionId);
    return this.repository.forExport(sessionId);
  }

  /** An address confirmed, awaiting approval: a seat if one is free, else the waitlist. */
  approve(principal: Principal, sessionId: string, id: string): Promise<Registration> {
    return this.change(principal, sessionId, id, async (manager, session, settings, registration) => {
      if (registration.status !== 'pending' || !registration.addressConfirmedAt) {
        throw notIn(registration, 'awaiting approval');
      }
      await this.seat(manager, session, settings, registration);
    });
  }

  reject(principal: Principal, sessionId: string, id: string): Promise<Registration> {
    return this.change(principal, sessionId, id, async (manager, session, settings, registration) => {
      if (!['pending', 'waitlisted', 'confirmed'].includes(registration.status)) {
        throw notIn(registration, 'pending, waitlisted or confirmed');
      }
      const wasConfirmed = registration.status === 'confirmed';
      await this.setStatus(manager, registration, 'rejected');
      if (wasConfirmed) {
        await this.outbox.registrationChanged(manager, registration.id, 'withdrawal');
        await this.fillSeats(manager, session, settings);
      } else if (registration.addressConfirmedAt) {
        await this.outbox.registrationChanged(manager, registration.id, 'registration_rejected');
      }
    });
  }

  /** Moves one registrant from the waitlist to a free seat, out of turn; a full webinar refuses. */
  promote(principal: Principal, sessionId: string, id: string): Promise<Registration> {
    return this.change(principal, sessionId, id, async (manager, _session, settings, registration) => {
      if (registration.status !== 'waitlisted') throw notIn(registration, 'waitlisted');
      const { confirmed } = await this.repository.counts(manager, sessionId);
      if (confirmed >= settings.capacity) {
        throw new ConflictError(
          'no-free-seat',
          `All ${settings.capacity} seats are taken; raise the capacity or free a seat first`,
        );
      }
      await this.confirm(manager, registration);
    });
  }

  // ---- the public ----

  /** A published webinar whose registration exists, for its public page; anything else is 404. */
  async openWebinar(sessionId: string): Promise<OpenWebinar> {
    const [session, settings] = await Promise.all([
      this.dataSource.getRepository(Session).findOneBy({ id: sessionId }),
      this.repository.settings(sessionId),
    ]);
    if (!session || !settings || session.kind !== 'webinar' || session.status === 'draft') {
      throw new NotFoundError('Webinar');
    }
    return { session, settings };
  }

  /**
   * Takes a registration and mails the personal link. The caller answers the same whatever
   * happened here: a new address, a repeat, a cancelled registration taken up again, or a
   * rejected one (which gets no mail).
   */
  async register(webinar: OpenWebinar, form: RegistrationForm, at = new Date()): Promise<void> {
    const { session } = webinar;
    const emailKey = form.email.toLowerCase();
    await this.dataSource.transaction(async (manager) => {
      await this.repository.lockSettings(manager, session.id);
      const existing = await this.repository.byAddress(manager, session.id, emailKey);
      if (existing?.status === 'rejected') return;
      const fields = {
        fullName: form.name,
        email: form.email,
        emailKey,
        organization: form.organization,
        country: form.country,
        language: form.language,
        timeZone: registrantZone(form.country, session.timeZone),
        consentedAt: at,
      };
      let registration = existing;
      if (!registration) {
        registration = await manager.getRepository(Registration).save({
          ...fields,
          sessionId: session.id,
          status: 'pending',
          accessToken: newToken(),
          addressConfirmedAt: null,
          queuePosition: null,
          statusChangedAt: at,
          purgedAt: null,
        });
      } else if (registration.status === 'cancelled') {
        // Registering again after cancelling starts over: a new link, the address to confirm again.
        Object.assign(registration, fields, {
          status: 'pending',
          accessToken: newToken(),
          addressConfirmedAt: null,
          queuePosition: null,
          statusChangedAt: at,
        });
        await manager.save(registration);
      }
      await this.outbox.registrationChanged(manager, registration.id, 'registration_link');
    });
  }

  /** The registration a personal link names, with its webinar; undefined for a link that is no more. */
  async personal(token: string): Promise<{ registration: Registration; webinar: OpenWebinar } | undefined> {
    if (!/^qrg_[\w-]{20,}$/.test(token)) return undefined;
    const registration = await this.repository.byToken(token);
    if (!registration) return undefined;
    const webinar = await this.openWebinar(registration.sessionId).catch(() => undefined);
    return webinar && { registration, webinar };
  }

  /** The registrant opened their link and confirmed: the registration now counts. */
  async confirmAddress(token: string): Promise<void> {
    await this.byLink(token, async (manager, session, settings, registration) => {
      if (registration.status !== 'pending' || registration.addressConfirmedAt) return;
      registration.addressConfirmedAt = new Date();
      registration.queuePosition = await this.repository.nextPosition(manager, session.id);
      if (settings.approval === 'manual') {
        await manager.save(registration);
        await this.outbox.registrationChanged(manager, registration.id, 'registration_awaiting_approval');
        return;
      }
      await this.seat(manager, session, settings, registration);
    });
  }

  /** The registrant cancels: a confirmed seat goes to the first on the waitlist. */
  async cancel(token: string): Promise<void> {
    await this.byLink(token, async (manager, session, settings, registration) => {
      if (!['pending', 'confirmed', 'waitlisted'].includes(registration.status)) return;
      const wasConfirmed = registration.status === 'confirmed';
      await this.setStatus(manager, registration, 'cancelled');
      if (wasConfirmed) {
        await this.outbox.registrationChanged(manager, registration.id, 'withdrawal');
        await this.fillSeats(manager, session, settings);
      }
    });
  }

  /** The webinar as an `.ics` file (the same VEVENT and UID as the feeds), in the registrant's language. */
  async calendarFile(webinar: OpenWebinar, lang: string, zone: string): Promise<string> {
    const { session } = webinar;
    const agenda = await this.repository.agenda(session.id);
    const zones = [...new Set([zone, 'Asia/Tehran', 'Europe/Moscow'])];
    const event = sessionToEvent(session, agenda, {
      locale: lang,
      zones,
      publicBaseUrl: this.config.publicBaseUrl,
    });
    return renderCalendar({
      prodId: '-//Quorum//Joint committee scheduler//EN',
      name: 'Quorum',
      timeZone: session.timeZone,
      span: { from: session.startsAt, to: session.endsAt },
      events: [event],
    });
  }

  /** Erases what the retention period no longer allows to keep. */
  purge(at = new Date()): Promise<number> {
    return this.repository.purge(at, this.config.registrationRetentionDays ?? 90);
  }

  // ---- seats ----

  /** A seat when one is free, else the end of the waitlist; the registrant is told either way. */
  private async seat(
    manager: EntityManager,
    session: Session,
    settings: RegistrationSettings,
    registration: Registration,
  ): Promise<void> {
    const { confirmed, waitlisted } = await this.repository.counts(manager, session.id);
    if (confirmed < settings.capacity && waitlisted === 0) {
      await this.confirm(manager, registration);
      return;
    }
    await this.setStatus(manager, registration, 'waitlisted');
    await this.outbox.registrationChanged(manager, registration.id, 'registration_waitlisted');
    // A waitlist that exists while seats are free (capacity was raised) is filled in order.
    await this.fillSeats(manager, session, settings);
  }

  private async confirm(manager: EntityManager, registration: Registration): Promise<void> {
    await this.setStatus(manager, registration, 'confirmed');
    await this.outbox.registrationChanged(manager, registration.id, 'invitation');
  }

  /** Free seats go to the first on the waitlist, who are mailed their confirmation. */
  private async fillSeats(
    manager: EntityManager,
    session: Session,
    settings: RegistrationSettings,
  ): Promise<void> {
    if (session.status === 'cancelled') return;
    const { confirmed } = await this.repository.counts(manager, session.id);
    const free = settings.capacity - confirmed;
    if (free <= 0) return;
    for (const next of await this.repository.firstWaitlisted(manager, session.id, free)) {
      await this.confirm(manager, next);
    }
  }

  private async setStatus(
    manager: EntityManager,
    registration: Registration,
    status: Registration['status'],
  ): Promise<void> {
    registration.status = status;
    registration.statusChangedAt = new Date();
    await manager.save(registration);
  }

  // ---- locking and access ----

  /** Runs a change of one registration under its webinar's lock, reading it again once locked. */
  private async byLink(token: string, change: SeatChange): Promise<void> {
    const found = await this.personal(token);
    if (!found) throw new NotFoundError('Registration');
    const { session } = found.webinar;
    await this.dataSource.transaction(async (manager) => {
      const settings = (await this.repository.lockSettings(manager, session.id))!;
      const registration = await this.repository.byId(manager, session.id, found.registration.id);
      if (!registration || registration.accessToken !== token) throw new NotFoundError('Registration');
      await change(manager, session, settings, registration);
    });
  }

  private async change(
    principal: Principal,
    sessionId: string,
    id: string,
    change: SeatChange,
  ): Promise<Registration> {
    const session = await this.managedSession(principal, sessionId);
    return this.dataSource.transaction(async (manager) => {
      const settings = await this.repository.lockSettings(manager, sessionId);
      if (!settings) throw new NotFoundError('Registration');
      const registration = await this.repository.byId(manager, sessionId, id);
      if (!registration) throw new NotFoundError('Registration');
      await change(manager, session, settings, registration);
      return registration;
    });
  }

  /** Registrants are the organizers' business alone: anyone else, delegates too, gets 404. */
  private async managedSession(principal: Principal, sessionId: string): Promise<Session> {
    const session = await this.dataSource.getRepository(Session).findOneBy({ id: sessionId });
    if (!session || !canManageCommittee(principal, session.committeeId)) throw new NotFoundError('Session');
    return session;
  }

  private async managedSettings(principal: Principal, sessionId: string): Promise<RegistrationSettings> {
    await this.managedSession(principal, sessionId);
    const settings = await this.repository.settings(sessionId);
    if (!settings) throw new NotFoundError('Registration');
    return settings;
  }
}

/** A change of one registration, made while its webinar's registration row is locked. */
type SeatChange = (
  manager: EntityManager,
  session: Session,
  settings: RegistrationSettings,
  registration: Registration,
) => Promise<void>;

function newToken(): string {
  return `qrg_${randomBytes(24).toString('base64url')}`;
}

function notIn(registration: Registration, wanted: string): ConflictError {
  return new ConflictError(
    'registration-state',
    `The registration is ${registration.status}${registration.status === 'pending' && !registration.addressConfirmedAt ? ' (address not confirmed)' : ''}, not ${wanted}`,
  );
}

export type { RegistrationLanguage };
