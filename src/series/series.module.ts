import { Module } from '@nestjs/common';
import { SessionsModule } from '../sessions/sessions.module.js';
import { SeriesEditsService } from './series-edits.service.js';
import { SeriesController } from './series.controller.js';
import { SeriesService } from './series.service.js';

@Module({
  imports: [SessionsModule],
  controllers: [SeriesController],
  providers: [SeriesService, SeriesEditsService],
})
export class SeriesModule {}
