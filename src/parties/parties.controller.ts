import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { ApiProblems } from '../common/http/api-problems.js';
import { CurrentPrincipal } from '../common/auth/decorators.js';
import type { Principal } from '../common/auth/principal.js';
import { UuidParam } from '../common/http/uuid-param.js';
import { PagedLangQuery } from '../common/i18n/lang-query.js';
import { LangOnlyQuery, RequestLanguage } from '../common/i18n/request-language.js';
import { CreatePartyDto, PartyDto, PartyPageDto, toPartyDto, UpdatePartyDto } from './dto/party.dto.js';
import { PartiesService } from './parties.service.js';

@ApiTags('Parties')
@ApiBearerAuth()
@Controller('committees/:committeeId/parties')
export class PartiesController {
  constructor(private readonly parties: PartiesService) {}

  @Post()
  @ApiCreatedResponse({ type: PartyDto })
  @ApiOperation({ summary: 'Add a party (delegation side) to a committee' })
  @ApiProblems(401, 403, 413, 415, 422, 404, 409)
  async create(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('committeeId') committeeId: string,
    @Body() body: CreatePartyDto,
    @RequestLanguage() lang?: string,
  ): Promise<PartyDto> {
    return toPartyDto(await this.parties.create(principal, committeeId, body), lang);
  }

  @Get()
  @ApiOkResponse({ type: PartyPageDto })
  @ApiOperation({ summary: 'List a committee’s parties' })
  @ApiProblems(400, 401, 422, 404)
  async list(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('committeeId') committeeId: string,
    @Query() query: PagedLangQuery,
    @RequestLanguage() lang?: string,
  ): Promise<PartyPageDto> {
    const page = await this.parties.list(principal, committeeId, query);
    return { items: page.items.map((party) => toPartyDto(party, lang)), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @ApiOkResponse({ type: PartyDto })
  @ApiOperation({ summary: 'Get a party' })
  @ApiProblems(400, 401, 404)
  async get(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('committeeId') committeeId: string,
    @UuidParam('id') id: string,
    @LangOnlyQuery() lang?: string,
  ): Promise<PartyDto> {
    return toPartyDto(await this.parties.get(principal, committeeId, id), lang);
  }

  @Patch(':id')
  @ApiOkResponse({ type: PartyDto })
  @ApiOperation({ summary: 'Update a party' })
  @ApiProblems(400, 401, 403, 404, 413, 415, 422, 409)
  async update(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('committeeId') committeeId: string,
    @UuidParam('id') id: string,
    @Body() body: UpdatePartyDto,
    @RequestLanguage() lang?: string,
  ): Promise<PartyDto> {
    return toPartyDto(await this.parties.update(principal, committeeId, id, body), lang);
  }
}
