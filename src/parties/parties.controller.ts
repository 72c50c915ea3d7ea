import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../common/auth/decorators.js';
import type { Principal } from '../common/auth/principal.js';
import { UuidParam } from '../common/http/uuid-param.js';
import { PagedLangQuery } from '../common/i18n/lang-query.js';
import { LangOnlyQuery, RequestLanguage } from '../common/i18n/request-language.js';
import { CreatePartyDto, PartyDto, PartyPageDto, toPartyDto, UpdatePartyDto } from './dto/party.dto.js';
import { PartiesService } from './parties.service.js';
import { Changes, Creates, ReadsOne, ReadsPage } from '../common/http/operations.js';

@ApiTags('Parties')
@ApiBearerAuth()
@Controller('committees/:committeeId/parties')
export class PartiesController {
  constructor(private readonly parties: PartiesService) {}

  @Post()
  @Creates(PartyDto, { summary: 'Add a party (delegation side) to a committee', also: [409] })
  async create(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('committeeId') committeeId: string,
    @Body() body: CreatePartyDto,
    @RequestLanguage() lang?: string,
  ): Promise<PartyDto> {
    return toPartyDto(await this.parties.create(principal, committeeId, body), lang);
  }

  @Get()
  @ReadsPage(PartyPageDto, 'List a committee’s parties')
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
  @ReadsOne(PartyDto, 'Get a party')
  async get(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('committeeId') committeeId: string,
    @UuidParam('id') id: string,
    @LangOnlyQuery() lang?: string,
  ): Promise<PartyDto> {
    return toPartyDto(await this.parties.get(principal, committeeId, id), lang);
  }

  @Patch(':id')
  @Changes(PartyDto, { summary: 'Update a party', also: [409] })
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
