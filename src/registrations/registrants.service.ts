import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { renderCalendar } from '../calendar-feeds/ics/ics-writer.js';
import { sessionToEvent } from '../calendar-feeds/session-event.js';
import { NotFoundError } from '../common/errors/problem.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { RegistrantOutbox } from '../notices/registrant-outbox.service.js';
import { Session } from '../sessions/session.entity.js';
import { registrantZone, type RegistrationForm } from './registration-form.js';
import { RegistrationSeats } from './registration-seats.service.js';
import type { RegistrationSettings } from './registration-settings.entity.js';
import { Registration } from './registration.entity.js';
import { RegistrationsRepository } from './registrations.repository.js';

/** What the public pages know of a webinar open for registration. */
export interface OpenWebinar {
  session: Session;
  settings: RegistrationSettings;
}

const TOKEN = /^qrg_[\w-]{20,}$/;

/** What the public and each registrant (by their personal link) may do. */
@Injectable()
export class RegistrantsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: RegistrationsRepository,
    private readonly seats: RegistrationSeats,
    private readonly outbox: RegistrantOutbox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

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
      // Registering again after cancelling starts over: a new link, the address to confirm again.
      const fresh = {
        status: 'pending' as const,
        accessToken: newToken(),
        addressConfirmedAt: null,
        queuePosition: null,
        statusChangedAt: at,
      };
      let registration = existing;
      if (!registration) {
        registration = await manager
          .getRepository(Registration)
          .save({ ...fields, ...fresh, sessionId: session.id, purgedAt: null });
      } else if (registration.status === 'cancelled') {
        await manager.save(Object.assign(registration, fields, fresh));
      }
      await this.outbox.registrationChanged(manager, registration.id, 'registration_link');
    });
  }

  /** The registration a personal link names, with its webinar; undefined for a link that is no more. */
  async personal(token: string): Promise<{ registration: Registration; webinar: OpenWebinar } | undefined> {
    if (!TOKEN.test(token)) return undefined;
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
      await this.seats.seat(manager, session, settings, registration);
    });
  }

  /** The registrant cancels: a confirmed seat goes to the first on the waitlist. */
  async cancel(token: string): Promise<void> {
    await this.byLink(token, async (manager, session, settings, registration) => {
      if (registration.status === 'confirmed') {
        await this.seats.release(manager, session, settings, registration, 'cancelled');
      } else if (registration.status === 'pending' || registration.status === 'waitlisted') {
        await this.seats.setStatus(manager, registration, 'cancelled');
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

  private async byLink(token: string, change: Parameters<RegistrationSeats['underLock']>[2]): Promise<void> {
    const found = await this.personal(token);
    if (!found) throw new NotFoundError('Registration');
    await this.seats.underLock(found.webinar.session, found.registration.id, async (...args) => {
      // The link may have been replaced (registered again after cancelling) since it was read.
      if (args[3].accessToken !== token) throw new NotFoundError('Registration');
      await change(...args);
    });
  }
}

function newToken(): string {
  return `qrg_${randomBytes(24).toString('base64url')}`;
}
