import { Module } from '@nestjs/common';
import { WorkingGroupsController } from './working-groups.controller.js';
import { WorkingGroupsRepository } from './working-groups.repository.js';
import { WorkingGroupsService } from './working-groups.service.js';

@Module({
  controllers: [WorkingGroupsController],
  providers: [WorkingGroupsService, WorkingGroupsRepository],
})
export class WorkingGroupsModule {}
