import { Body, Controller, Delete, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
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
import { Changes, Creates, ReadsOne, ReadsPage, Removes } from '../common/http/operations.js';

@ApiTags('Participants')
@ApiBearerAuth()
@Controller()
export class ParticipantsController {
  constructor(private readonly participants: ParticipantsService) {}

  @Post('committees/:committeeId/participants')
  @Creates(ParticipantDto, {
    summary: 'Add a participant (delegate) to a committee',
    description: 'E-mail addresses are unique per committee, case-insensitively (409).',
    also: [409],
  })
  async create(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('committeeId') committeeId: string,
    @Body() body: CreateParticipantDto,
    @RequestLanguage() lang?: string,
  ): Promise<ParticipantDto> {
    return toParticipantDto(await this.participants.create(principal, committeeId, body), lang);
  }

  @Get('committees/:committeeId/participants')
  @ReadsPage(ParticipantPageDto, {
    summary: 'List a committee’s participants',
    description:
      'Filter by party or search text. A delegate sees every participant’s name, position, party and role, but e-mail addresses only of its own party.',
  })
  async list(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('committeeId') committeeId: string,
    @Query() query: ParticipantListQuery,
    @RequestLanguage() lang?: string,
  ): Promise<ParticipantPageDto> {
    const page = await this.participants.list(principal, committeeId, query);
    const showEmail = await this.participants.emailShownTo(principal);
    return {
      items: page.items.map((item) => toParticipantDto(item, lang, showEmail(item))),
      nextCursor: page.nextCursor,
    };
  }

  @Get('participants/:id')
  @ReadsOne(ParticipantDto, {
    summary: 'Get a participant',
    description: 'A delegate sees the e-mail address only of its own party’s participants.',
  })
  async get(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @LangOnlyQuery() lang?: string,
  ): Promise<ParticipantDto> {
    const participant = await this.participants.get(principal, id);
    const showEmail = await this.participants.emailShownTo(principal);
    return toParticipantDto(participant, lang, showEmail(participant));
  }

  @Patch('participants/:id')
  @Changes(ParticipantDto, {
    summary: 'Update a participant',
    description: 'A delegate may change its own timeZone and locale only.',
    outcome: 'A delegate may change only its own timeZone and locale',
    also: [409],
  })
  async update(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @Body() body: UpdateParticipantDto,
    @RequestLanguage() lang?: string,
  ): Promise<ParticipantDto> {
    const participant = await this.participants.update(principal, id, body);
    const showEmail = await this.participants.emailShownTo(principal);
    return toParticipantDto(participant, lang, showEmail(participant));
  }

  @Delete('participants/:id')
  @Removes({
    summary: 'Delete a participant',
    outcome: 'Deleted; refused with 409 while the participant is invited to sessions',
    also: [409],
  })
  async remove(@CurrentPrincipal() principal: Principal, @UuidParam('id') id: string): Promise<void> {
    await this.participants.remove(principal, id);
  }
}
