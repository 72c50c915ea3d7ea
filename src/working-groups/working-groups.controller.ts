import { Body, Controller, Delete, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../common/auth/decorators.js';
import type { Principal } from '../common/auth/principal.js';
import { UuidParam } from '../common/http/uuid-param.js';
import { PagedLangQuery } from '../common/i18n/lang-query.js';
import { LangOnlyQuery, RequestLanguage } from '../common/i18n/request-language.js';
import {
  AddMemberDto,
  ChangeMemberRoleDto,
  CreateWorkingGroupDto,
  MemberDto,
  MemberListDto,
  toMemberDto,
  toWorkingGroupDto,
  UpdateWorkingGroupDto,
  WorkingGroupDto,
  WorkingGroupPageDto,
} from './dto/working-group.dto.js';
import { WorkingGroupsService } from './working-groups.service.js';
import { Changes, Creates, ReadsOne, ReadsPage, Removes, Transitions } from '../common/http/operations.js';

@ApiTags('Working groups')
@ApiBearerAuth()
@Controller()
export class WorkingGroupsController {
  constructor(private readonly groups: WorkingGroupsService) {}

  @Post('committees/:committeeId/working-groups')
  @Creates(WorkingGroupDto, { summary: 'Create a working group', also: [409] })
  async create(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('committeeId') committeeId: string,
    @Body() body: CreateWorkingGroupDto,
    @RequestLanguage() lang?: string,
  ): Promise<WorkingGroupDto> {
    return toWorkingGroupDto(await this.groups.create(principal, committeeId, body), lang);
  }

  @Get('committees/:committeeId/working-groups')
  @ReadsPage(WorkingGroupPageDto, 'List a committee’s working groups')
  async list(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('committeeId') committeeId: string,
    @Query() query: PagedLangQuery,
    @RequestLanguage() lang?: string,
  ): Promise<WorkingGroupPageDto> {
    const page = await this.groups.list(principal, committeeId, query);
    return { items: page.items.map((group) => toWorkingGroupDto(group, lang)), nextCursor: page.nextCursor };
  }

  @Get('working-groups/:id')
  @ReadsOne(WorkingGroupDto, 'Get a working group')
  async get(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @LangOnlyQuery() lang?: string,
  ): Promise<WorkingGroupDto> {
    return toWorkingGroupDto(await this.groups.get(principal, id), lang);
  }

  @Patch('working-groups/:id')
  @Changes(WorkingGroupDto, { summary: 'Update a working group', also: [409] })
  async update(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @Body() body: UpdateWorkingGroupDto,
    @RequestLanguage() lang?: string,
  ): Promise<WorkingGroupDto> {
    return toWorkingGroupDto(await this.groups.update(principal, id, body), lang);
  }

  @Post('working-groups/:id/archive')
  @Transitions(WorkingGroupDto, {
    summary: 'Archive a working group',
    outcome: 'The working group, now archived',
  })
  async archive(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
  ): Promise<WorkingGroupDto> {
    return toWorkingGroupDto(await this.groups.archive(principal, id));
  }

  @Get('working-groups/:id/members')
  @ReadsOne(MemberListDto, 'List a working group’s members')
  async members(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
  ): Promise<MemberListDto> {
    return { items: (await this.groups.members(principal, id)).map(toMemberDto) };
  }

  @Post('working-groups/:id/members')
  @Creates(MemberDto, {
    summary: 'Add a member to a working group',
    description: 'Members come from the same committee (422 otherwise).',
    also: [400, 409],
  })
  async addMember(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @Body() body: AddMemberDto,
  ): Promise<MemberDto> {
    return toMemberDto(await this.groups.addMember(principal, id, body));
  }

  @Patch('working-groups/:id/members/:participantId')
  @Changes(MemberDto, 'Change a member’s role')
  async changeMemberRole(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @UuidParam('participantId') participantId: string,
    @Body() body: ChangeMemberRoleDto,
  ): Promise<MemberDto> {
    return toMemberDto(await this.groups.changeMemberRole(principal, id, participantId, body.role));
  }

  @Delete('working-groups/:id/members/:participantId')
  @Removes({ summary: 'Remove a member from a working group', outcome: 'Removed from the working group' })
  async removeMember(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @UuidParam('participantId') participantId: string,
  ): Promise<void> {
    await this.groups.removeMember(principal, id, participantId);
  }
}
