import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Put, Query } from '@nestjs/common';
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
import {
  ChangeInvitationDto,
  InvitationDto,
  InvitationListDto,
  InviteDto,
  RsvpDto,
} from './dto/invitation.dto.js';
import { WriteOptionsQuery } from './dto/session-input.dto.js';
import { InvitationsService } from './invitations.service.js';

@ApiTags('Invitations')
@ApiBearerAuth()
@Controller('sessions/:id/participants')
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Get()
  @ApiOkResponse({ type: InvitationListDto })
  @ApiOperation({
    summary: 'List a session’s invitations',
    description: 'A delegate sees only what its participant may see; anything else is 404.',
  })
  @ApiProblems(400, 401, 404)
  async list(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
  ): Promise<InvitationListDto> {
    return { items: await this.invitations.list(principal, id) };
  }

  @Post()
  @ApiCreatedResponse({
    type: InvitationListDto,
    description: 'Everyone invited now; 409 on clashes or past capacity',
  })
  @ApiOperation({
    summary: 'Invite participants to a session',
    description: 'Invitees come from the session’s committee.',
  })
  @ApiProblems(400, 401, 403, 404, 413, 415, 422, 409)
  async invite(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @Body() body: InviteDto,
    @Query() options: WriteOptionsQuery,
  ): Promise<InvitationListDto> {
    const { items, warnings } = await this.invitations.invite(principal, id, body, options.allowConflicts);
    return warnings.length > 0 ? { items, warnings } : { items };
  }

  @Patch(':participantId')
  @ApiOkResponse({ type: InvitationListDto })
  @ApiOperation({ summary: 'Change an invitation’s role or attendance' })
  @ApiProblems(400, 401, 403, 404, 413, 415, 422)
  async change(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @UuidParam('participantId') participantId: string,
    @Body() body: ChangeInvitationDto,
    @Query() options: WriteOptionsQuery,
  ): Promise<InvitationListDto> {
    const { items, warnings } = await this.invitations.change(
      principal,
      id,
      participantId,
      body,
      options.allowConflicts,
    );
    return warnings.length > 0 ? { items, warnings } : { items };
  }

  @Delete(':participantId')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The invitation is withdrawn' })
  @ApiOperation({ summary: 'Withdraw an invitation' })
  @ApiProblems(400, 401, 403, 404)
  async remove(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @UuidParam('participantId') participantId: string,
  ): Promise<void> {
    await this.invitations.remove(principal, id, participantId);
  }

  @Put(':participantId/rsvp')
  @ApiOkResponse({ type: InvitationDto, description: 'A delegate answers its own invitation' })
  @ApiOperation({
    summary: 'Answer an invitation (RSVP)',
    description: 'A delegate answers only its own invitation.',
  })
  @ApiProblems(400, 401, 403, 404, 413, 415, 422)
  async answer(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @UuidParam('participantId') participantId: string,
    @Body() body: RsvpDto,
    @Query() options: WriteOptionsQuery,
  ): Promise<InvitationDto> {
    return this.invitations.answer(principal, id, participantId, body, options.allowConflicts);
  }
}
