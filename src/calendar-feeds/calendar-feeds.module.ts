import { Module } from '@nestjs/common';
import { SessionsModule } from '../sessions/sessions.module.js';
import { CalendarController } from './calendar.controller.js';
import { FeedContentService } from './feed-content.service.js';
import { FeedStates } from './feed-states.js';
import { FeedsRepository } from './feeds.repository.js';
import { FeedsController } from './feeds.controller.js';
import { FeedsService } from './feeds.service.js';
import { SessionIcsController } from './session-ics.controller.js';

@Module({
  imports: [SessionsModule],
  controllers: [FeedsController, CalendarController, SessionIcsController],
  providers: [FeedsService, FeedContentService, FeedsRepository, FeedStates],
  exports: [FeedsService],
})
export class CalendarFeedsModule {}
