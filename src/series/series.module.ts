import { Module } from '@nestjs/common';
import { SessionsModule } from '../sessions/sessions.module.js';
import { SeriesEditsService } from './series-edits.service.js';
import { SeriesPublishingService } from './series-publishing.service.js';
import { SeriesController } from './series.controller.js';
import { SeriesService } from './series.service.js';

@Module({
  imports: [SessionsModule],
  controllers: [SeriesController],
  providers: [SeriesService, SeriesEditsService, SeriesPublishingService],
})
export class SeriesModule {}
