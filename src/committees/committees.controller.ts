import { Body, Controller, Delete, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../common/auth/decorators.js';
import type { Principal } from '../common/auth/principal.js';
import { UuidParam } from '../common/http/uuid-param.js';
import { PagedLangQuery } from '../common/i18n/lang-query.js';
import { LangOnlyQuery, RequestLanguage } from '../common/i18n/request-language.js';
import { CommitteesService } from './committees.service.js';
import {
  CommitteeDto,
  CommitteePageDto,
  CreateCommitteeDto,
  toCommitteeDto,
  UpdateCommitteeDto,
} from './dto/committee.dto.js';
import { Changes, Creates, delegateView, ReadsIndex, ReadsOne, Removes } from '../common/http/operations.js';

@ApiTags('Committees')
@ApiBearerAuth()
@Controller('committees')
export class CommitteesController {
  constructor(private readonly committees: CommitteesService) {}

  @Post()
  @Creates(CommitteeDto, {
    summary: 'Create a committee',
    description: 'Admin only.',
    problems: [401, 403, 413, 415, 422, 409],
  })
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateCommitteeDto,
    @RequestLanguage() lang?: string,
  ): Promise<CommitteeDto> {
    return toCommitteeDto(await this.committees.create(principal, body), lang);
  }

  @Get()
  @ReadsIndex(CommitteePageDto, delegateView('List committees'))
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: PagedLangQuery,
    @RequestLanguage() lang?: string,
  ): Promise<CommitteePageDto> {
    const page = await this.committees.list(principal, query);
    return {
      items: page.items.map((committee) => toCommitteeDto(committee, lang)),
      nextCursor: page.nextCursor,
    };
  }

  @Get(':id')
  @ReadsOne(CommitteeDto, delegateView('Get a committee'))
  async get(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @LangOnlyQuery() lang?: string,
  ): Promise<CommitteeDto> {
    return toCommitteeDto(await this.committees.get(principal, id), lang);
  }

  @Patch(':id')
  @Changes(CommitteeDto, { summary: 'Update a committee', also: [409] })
  async update(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @Body() body: UpdateCommitteeDto,
    @RequestLanguage() lang?: string,
  ): Promise<CommitteeDto> {
    return toCommitteeDto(await this.committees.update(principal, id, body), lang);
  }

  @Delete(':id')
  @Removes({
    summary: 'Delete a committee',
    description: 'Only a committee with no sessions can be deleted (409 otherwise).',
    outcome: 'Deleted (only a committee with no sessions)',
    also: [409],
  })
  async remove(@CurrentPrincipal() principal: Principal, @UuidParam('id') id: string): Promise<void> {
    await this.committees.remove(principal, id);
  }
}
