import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { canManageCommittee } from '../common/auth/access.js';
import type { Principal } from '../common/auth/principal.js';
import { ConflictError, invalid, NotFoundError } from '../common/errors/problem.js';
import { defaultLocaleOf } from '../committees/committees.repository.js';
import { toLocalizedText, type LocalizedText } from '../common/i18n/localized-text.js';
import { RepeatingJob } from '../common/jobs/repeating-job.js';
import type { Page } from '../common/pagination/pagination.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { RegistrantOutbox } from '../notices/registrant-outbox.service.js';
import { Session } from '../sessions/session.entity.js';
import type { RegistrationQuery, RegistrationSettingsInput } from './dto/registration.dto.js';
import { RegistrationSeats, type SeatChange } from './registration-seats.service.js';
import { RegistrationSettings } from './registration-settings.entity.js';
import type { Registration } from './registration.entity.js';
import { RegistrationsRepository, type RegistrationCounts } from './registrations.repository.js';
import { HOUR_MS } from '../common/time/durations.js';

const PURGE_EVERY_MS = HOUR_MS;

/** What organizers do with a webinar's registration, and the retention purge. */
@Injectable()
export class RegistrationsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly purges = new RepeatingJob(
    'Registrations',
    PURGE_EVERY_MS,
    () => this.purge(),
    'Purge failed',
  );

  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: RegistrationsRepository,
    private readonly seats: RegistrationSeats,
    private readonly outbox: RegistrantOutbox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.noticeWorker) this.purges.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.purges.stop();
  }

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
      await this.seats.fillSeats(manager, session, settings);
      return { settings, counts: await this.repository.counts(manager, sessionId) };
    });
  }

  async get(
    principal: Principal,
    sessionId: string,
  ): Promise<{ settings: RegistrationSettings; counts: RegistrationCounts }> {
    const settings = await this.managedSettings(principal, sessionId);
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
      await this.seats.seat(manager, session, settings, registration);
    });
  }

  reject(principal: Principal, sessionId: string, id: string): Promise<Registration> {
    return this.change(principal, sessionId, id, async (manager, session, settings, registration) => {
      if (registration.status === 'confirmed') {
        await this.seats.release(manager, session, settings, registration, 'rejected');
        return;
      }
      if (registration.status !== 'pending' && registration.status !== 'waitlisted') {
        throw notIn(registration, 'pending, waitlisted or confirmed');
      }
      await this.seats.setStatus(manager, registration, 'rejected');
      // An address never confirmed may not be the registrant's own: it is not written to.
      if (registration.addressConfirmedAt) {
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
      await this.seats.confirm(manager, registration);
    });
  }

  /** Erases what the retention period no longer allows to keep. */
  purge(at = new Date()): Promise<number> {
    return this.repository.purge(at, this.config.registrationRetentionDays ?? 90);
  }

  private async change(
    principal: Principal,
    sessionId: string,
    id: string,
    change: SeatChange,
  ): Promise<Registration> {
    const session = await this.managedSession(principal, sessionId);
    return this.seats.underLock(session, id, change);
  }

  /** A plain string is stored under the committee's default language, as everywhere. */
  private async introductionText(
    session: Session,
    value: string | LocalizedText | null | undefined,
  ): Promise<LocalizedText | null> {
    if (value === undefined || value === null) return null;
    if (typeof value !== 'string') return value;
    return toLocalizedText(value, await defaultLocaleOf(this.dataSource.manager, session.committeeId));
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

function notIn(registration: Registration, wanted: string): ConflictError {
  const unconfirmed = registration.status === 'pending' && !registration.addressConfirmedAt;
  return new ConflictError(
    'registration-state',
    `The registration is ${registration.status}${unconfirmed ? ' (address not confirmed)' : ''}, not ${wanted}`,
  );
}
