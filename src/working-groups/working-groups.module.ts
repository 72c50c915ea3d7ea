import { Module } from '@nestjs/common';
import { WorkingGroupsController } from './working-groups.controller.js';
import { WorkingGroupsService } from './working-groups.service.js';

@Module({ controllers: [WorkingGroupsController], providers: [WorkingGroupsService] })
export class WorkingGroupsModule {}
