import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiOperation,
} from '@nestjs/swagger';
import { ApiProblems } from '../common/http/api-problems.js';
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
  @ApiOperation({
    summary: 'Add a participant (delegate) to a committee',
    description: 'E-mail addresses are unique per committee, case-insensitively (409).',
  })
  @ApiProblems(401, 403, 413, 415, 422, 404, 409)
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
  @ApiOperation({
    summary: 'List a committee’s participants',
    description:
      'Filter by party or search text. A delegate sees every participant’s name, position, party and role, but e-mail addresses only of its own party.',
  })
  @ApiProblems(400, 401, 422, 404)
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
  @ApiOkResponse({ type: ParticipantDto })
  @ApiOperation({
    summary: 'Get a participant',
    description: 'A delegate sees the e-mail address only of its own party’s participants.',
  })
  @ApiProblems(400, 401, 404)
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
  @ApiOkResponse({
    type: ParticipantDto,
    description: 'A delegate may change only its own timeZone and locale',
  })
  @ApiOperation({
    summary: 'Update a participant',
    description: 'A delegate may change its own timeZone and locale only.',
  })
  @ApiProblems(400, 401, 403, 404, 413, 415, 422, 409)
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
  @HttpCode(204)
  @ApiNoContentResponse({
    description: 'Deleted; refused with 409 while the participant is invited to sessions',
  })
  @ApiOperation({ summary: 'Delete a participant' })
  @ApiProblems(400, 401, 403, 404, 409)
  async remove(@CurrentPrincipal() principal: Principal, @UuidParam('id') id: string): Promise<void> {
    await this.participants.remove(principal, id);
  }
}
