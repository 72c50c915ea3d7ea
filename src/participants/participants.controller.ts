import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal } from '../common/auth/decorators.js';
import type { Principal } from '../common/auth/principal.js';
import { UuidParam } from '../common/http/uuid-param.js';
import { LangOnlyQuery, RequestLanguage } from '../common/i18n/request-language.js';
import {
  CreateParticipantDto,
  ParticipantDto,
  ParticipantListQuery,
  ParticipantPageDto,
  toParticipantDto,
  UpdateParticipantDto,
} from './dto/participant.dto.js';
import { ParticipantsService } from './participants.service.js';

@ApiTags('Participants')
@ApiBearerAuth()
@Controller()
export class ParticipantsController {
  constructor(private readonly participants: ParticipantsService) {}

  @Post('committees/:committeeId/participants')
  @ApiCreatedResponse({ type: ParticipantDto })
  async create(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('committeeId') committeeId: string,
    @Body() body: CreateParticipantDto,
    @RequestLanguage() lang?: string,
  ): Promise<ParticipantDto> {
    return toParticipantDto(await this.participants.create(principal, committeeId, body), lang);
  }

  @Get('committees/:committeeId/participants')
  @ApiOkResponse({ type: ParticipantPageDto })
  async list(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('committeeId') committeeId: string,
    @Query() query: ParticipantListQuery,
    @RequestLanguage() lang?: string,
  ): Promise<ParticipantPageDto> {
    const page = await this.participants.list(principal, committeeId, query);
    return { items: page.items.map((item) => toParticipantDto(item, lang)), nextCursor: page.nextCursor };
  }

  @Get('participants/:id')
  @ApiOkResponse({ type: ParticipantDto })
  async get(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @LangOnlyQuery() lang?: string,
  ): Promise<ParticipantDto> {
    return toParticipantDto(await this.participants.get(principal, id), lang);
  }

  @Patch('participants/:id')
  @ApiOkResponse({
    type: ParticipantDto,
    description: 'A delegate may change only its own timeZone and locale',
  })
  async update(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @Body() body: UpdateParticipantDto,
    @RequestLanguage() lang?: string,
  ): Promise<ParticipantDto> {
    return toParticipantDto(await this.participants.update(principal, id, body), lang);
  }

  @Delete('participants/:id')
  @HttpCode(204)
  @ApiNoContentResponse({
    description: 'Deleted; refused with 409 while the participant is invited to sessions',
  })
  async remove(@CurrentPrincipal() principal: Principal, @UuidParam('id') id: string): Promise<void> {
    await this.participants.remove(principal, id);
  }
}
