import { Module } from '@nestjs/common';
import { InvitationsController } from './invitations.controller.js';
import { InvitationsService } from './invitations.service.js';
import { SessionReadingService } from './session-reading.service.js';
import { SessionsController } from './sessions.controller.js';
import { SessionsService } from './sessions.service.js';

@Module({
  controllers: [SessionsController, InvitationsController],
  providers: [SessionsService, SessionReadingService, InvitationsService],
  exports: [SessionsService, SessionReadingService, InvitationsService],
})
export class SessionsModule {}
