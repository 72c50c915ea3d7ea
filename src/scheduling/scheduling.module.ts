import { Module } from '@nestjs/common';
import { SlotSearchController } from './slot-search.controller.js';
import { SlotSearchService } from './slot-search.service.js';

@Module({ controllers: [SlotSearchController], providers: [SlotSearchService] })
export class SchedulingModule {}
