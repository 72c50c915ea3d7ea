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

@ApiTags('Working groups')
@ApiBearerAuth()
@Controller()
export class WorkingGroupsController {
  constructor(private readonly groups: WorkingGroupsService) {}

  @Post('committees/:committeeId/working-groups')
  @ApiCreatedResponse({ type: WorkingGroupDto })
  @ApiOperation({ summary: 'Create a working group' })
  @ApiProblems(401, 403, 413, 415, 422, 404, 409)
  async create(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('committeeId') committeeId: string,
    @Body() body: CreateWorkingGroupDto,
    @RequestLanguage() lang?: string,
  ): Promise<WorkingGroupDto> {
    return toWorkingGroupDto(await this.groups.create(principal, committeeId, body), lang);
  }

  @Get('committees/:committeeId/working-groups')
  @ApiOkResponse({ type: WorkingGroupPageDto })
  @ApiOperation({ summary: 'List a committee’s working groups' })
  @ApiProblems(400, 401, 422, 404)
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
  @ApiOkResponse({ type: WorkingGroupDto })
  @ApiOperation({ summary: 'Get a working group' })
  @ApiProblems(400, 401, 404)
  async get(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @LangOnlyQuery() lang?: string,
  ): Promise<WorkingGroupDto> {
    return toWorkingGroupDto(await this.groups.get(principal, id), lang);
  }

  @Patch('working-groups/:id')
  @ApiOkResponse({ type: WorkingGroupDto })
  @ApiOperation({ summary: 'Update a working group' })
  @ApiProblems(400, 401, 403, 404, 413, 415, 422, 409)
  async update(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @Body() body: UpdateWorkingGroupDto,
    @RequestLanguage() lang?: string,
  ): Promise<WorkingGroupDto> {
    return toWorkingGroupDto(await this.groups.update(principal, id, body), lang);
  }

  @Post('working-groups/:id/archive')
  @HttpCode(200)
  @ApiOkResponse({ type: WorkingGroupDto, description: 'The working group, now archived' })
  @ApiOperation({ summary: 'Archive a working group' })
  @ApiProblems(400, 401, 403, 404, 409)
  async archive(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
  ): Promise<WorkingGroupDto> {
    return toWorkingGroupDto(await this.groups.archive(principal, id));
  }

  @Get('working-groups/:id/members')
  @ApiOkResponse({ type: MemberListDto })
  @ApiOperation({ summary: 'List a working group’s members' })
  @ApiProblems(400, 401, 404)
  async members(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
  ): Promise<MemberListDto> {
    return { items: (await this.groups.members(principal, id)).map(toMemberDto) };
  }

  @Post('working-groups/:id/members')
  @ApiCreatedResponse({ type: MemberDto })
  @ApiOperation({
    summary: 'Add a member to a working group',
    description: 'Members come from the same committee (422 otherwise).',
  })
  @ApiProblems(400, 401, 403, 404, 413, 415, 422, 409)
  async addMember(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @Body() body: AddMemberDto,
  ): Promise<MemberDto> {
    return toMemberDto(await this.groups.addMember(principal, id, body));
  }

  @Patch('working-groups/:id/members/:participantId')
  @ApiOkResponse({ type: MemberDto })
  @ApiOperation({ summary: 'Change a member’s role' })
  @ApiProblems(400, 401, 403, 404, 413, 415, 422)
  async changeMemberRole(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @UuidParam('participantId') participantId: string,
    @Body() body: ChangeMemberRoleDto,
  ): Promise<MemberDto> {
    return toMemberDto(await this.groups.changeMemberRole(principal, id, participantId, body.role));
  }

  @Delete('working-groups/:id/members/:participantId')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Removed from the working group' })
  @ApiOperation({ summary: 'Remove a member from a working group' })
  @ApiProblems(400, 401, 403, 404)
  async removeMember(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @UuidParam('participantId') participantId: string,
  ): Promise<void> {
    await this.groups.removeMember(principal, id, participantId);
  }
}
