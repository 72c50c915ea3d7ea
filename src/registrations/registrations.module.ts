import { Module } from '@nestjs/common';
import { FormHitsRepository } from '../portal/sign-in/form-hits.repository.js';
import { FormRateLimit } from '../portal/sign-in/form-rate-limit.js';
import { RegistrationPagesController } from './registration-pages.controller.js';
import { RegistrationsController } from './registrations.controller.js';
import { RegistrationsRepository } from './registrations.repository.js';
import { RegistrantsService } from './registrants.service.js';
import { RegistrationSeats } from './registration-seats.service.js';
import { RegistrationsService } from './registrations.service.js';

/**
 * Webinar registration: the organizers' API, the public page and each registrant's personal
 * page. Imported before the portal, whose catch-all answers every page address left over.
 */
@Module({
  controllers: [RegistrationsController, RegistrationPagesController],
  providers: [
    RegistrationsService,
    RegistrantsService,
    RegistrationSeats,
    RegistrationsRepository,
    FormRateLimit,
    FormHitsRepository,
  ],
})
export class RegistrationsModule {}
