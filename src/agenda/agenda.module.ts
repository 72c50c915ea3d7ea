import { Module } from '@nestjs/common';
import { SessionsModule } from '../sessions/sessions.module.js';
import { AgendaItemsService } from './agenda-items.service.js';
import { AgendaRenderService } from './agenda-render.service.js';
import { AgendaRepository } from './agenda.repository.js';
import { AgendaController } from './agenda.controller.js';

@Module({
  imports: [SessionsModule],
  controllers: [AgendaController],
  providers: [AgendaItemsService, AgendaRenderService, AgendaRepository],
  exports: [AgendaRenderService, AgendaItemsService],
})
export class AgendaModule {}
