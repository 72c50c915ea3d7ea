import { Module } from '@nestjs/common';
import { AgendaModule } from '../agenda/agenda.module.js';
import { SessionsModule } from '../sessions/sessions.module.js';
import { ActionItemsController } from './action-items.controller.js';
import { ActionItemsRepository } from './action-items.repository.js';
import { ActionItemsService } from './action-items.service.js';
import { MinutesController } from './minutes.controller.js';
import { MinutesRepository } from './minutes.repository.js';
import { MinutesService } from './minutes.service.js';
import { ProtocolService } from './protocol.service.js';
import { SignedCopyService } from './signed-copy.service.js';

@Module({
  // The review item is an agenda item written through the agenda's own service.
  imports: [SessionsModule, AgendaModule],
  controllers: [MinutesController, ActionItemsController],
  providers: [
    MinutesRepository,
    MinutesService,
    ProtocolService,
    SignedCopyService,
    ActionItemsService,
    ActionItemsRepository,
  ],
  // The portal's session page shows the agreed minutes and prints the protocol.
  exports: [ProtocolService],
})
export class MinutesModule {}
