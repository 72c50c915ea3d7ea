import { Module } from '@nestjs/common';
import { ParticipantsController } from './participants.controller.js';
import { ParticipantsRepository } from './participants.repository.js';
import { ParticipantsService } from './participants.service.js';

@Module({ controllers: [ParticipantsController], providers: [ParticipantsService, ParticipantsRepository] })
export class ParticipantsModule {}
