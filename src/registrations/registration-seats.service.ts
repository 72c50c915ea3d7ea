import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { NotFoundError } from '../common/errors/problem.js';
import { RegistrantOutbox } from '../notices/registrant-outbox.service.js';
import type { Session } from '../sessions/session.entity.js';
import type { RegistrationSettings } from './registration-settings.entity.js';
import type { Registration } from './registration.entity.js';
import { RegistrationsRepository } from './registrations.repository.js';

/** A change of one registration, made while its webinar's registration row is locked. */
export type SeatChange = (
  manager: EntityManager,
  session: Session,
  settings: RegistrationSettings,
  registration: Registration,
) => Promise<void>;

/**
 * Who holds a seat. Every change of a seat (confirming an address, approving, cancelling,
 * rejecting, promoting, changing the capacity) runs under `underLock`, which takes the webinar's
 * registration row FOR UPDATE first: capacity is counted by one transaction at a time and is
 * never exceeded, and queue positions follow the order in which the lock was had.
 */
@Injectable()
export class RegistrationSeats {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: RegistrationsRepository,
    private readonly outbox: RegistrantOutbox,
  ) {}

  /** Runs `change` on the registration, read again once the webinar is locked. */
  async underLock(session: Session, registrationId: string, change: SeatChange): Promise<Registration> {
    return this.dataSource.transaction(async (manager) => {
      const settings = await this.repository.lockSettings(manager, session.id);
      if (!settings) throw new NotFoundError('Registration');
      const registration = await this.repository.byId(manager, session.id, registrationId);
      if (!registration) throw new NotFoundError('Registration');
      await change(manager, session, settings, registration);
      return registration;
    });
  }

  /** A seat when one is free, else the end of the waitlist; the registrant is told either way. */
  async seat(
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

  async confirm(manager: EntityManager, registration: Registration): Promise<void> {
    await this.setStatus(manager, registration, 'confirmed');
    await this.outbox.registrationChanged(manager, registration.id, 'invitation');
  }

  /** A confirmed registrant leaves (cancels, or is rejected): a CANCEL to them, the seat to the next. */
  async release(
    manager: EntityManager,
    session: Session,
    settings: RegistrationSettings,
    registration: Registration,
    status: 'cancelled' | 'rejected',
  ): Promise<void> {
    await this.setStatus(manager, registration, status);
    await this.outbox.registrationChanged(manager, registration.id, 'withdrawal');
    await this.fillSeats(manager, session, settings);
  }

  /** Free seats go to the first on the waitlist, who are mailed their confirmation. */
  async fillSeats(manager: EntityManager, session: Session, settings: RegistrationSettings): Promise<void> {
    if (session.status === 'cancelled') return;
    const { confirmed } = await this.repository.counts(manager, session.id);
    const free = settings.capacity - confirmed;
    if (free <= 0) return;
    for (const next of await this.repository.firstWaitlisted(manager, session.id, free)) {
      await this.confirm(manager, next);
    }
  }

  async setStatus(manager: EntityManager, registration: Registration, status: Registration['status']) {
    registration.status = status;
    registration.statusChangedAt = new Date();
    await manager.save(registration);
  }
}
