import { Module } from '@nestjs/common';
import { PartiesModule } from '../parties/parties.module.js';
import { InvitationsController } from './invitations.controller.js';
import { InvitationsService } from './invitations.service.js';
import { SessionReadingService } from './session-reading.service.js';
import { SessionsController } from './sessions.controller.js';
import { SessionsRepository } from './sessions.repository.js';
import { SessionsService } from './sessions.service.js';

@Module({
  imports: [PartiesModule],
  controllers: [SessionsController, InvitationsController],
  providers: [SessionsService, SessionsRepository, SessionReadingService, InvitationsService],
  exports: [SessionsService, SessionReadingService, InvitationsService],
})
export class SessionsModule {}
