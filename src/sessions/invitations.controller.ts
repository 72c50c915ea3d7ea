import { Body, Controller, Delete, Get, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
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
import { withWarnings } from './dto/session-output.dto.js';
import { InvitationsService } from './invitations.service.js';
import { Changes, Creates, delegateView, ReadsOne, Removes } from '../common/http/operations.js';

@ApiTags('Invitations')
@ApiBearerAuth()
@Controller('sessions/:id/participants')
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Get()
  @ReadsOne(InvitationListDto, delegateView('List a session’s invitations'))
  async list(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
  ): Promise<InvitationListDto> {
    return { items: await this.invitations.list(principal, id) };
  }

  @Post()
  @Creates(InvitationListDto, {
    summary: 'Invite participants to a session',
    description: 'Invitees come from the session’s committee.',
    outcome: 'Everyone invited now; 409 on clashes or past capacity',
    also: [400, 409],
  })
  async invite(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @Body() body: InviteDto,
    @Query() options: WriteOptionsQuery,
  ): Promise<InvitationListDto> {
    const { items, warnings } = await this.invitations.invite(principal, id, body, options.allowConflicts);
    return withWarnings({ items }, warnings);
  }

  @Patch(':participantId')
  @Changes(InvitationListDto, 'Change an invitation’s role or attendance')
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
    return withWarnings({ items }, warnings);
  }

  @Delete(':participantId')
  @Removes({ summary: 'Withdraw an invitation', outcome: 'The invitation is withdrawn' })
  async remove(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @UuidParam('participantId') participantId: string,
  ): Promise<void> {
    await this.invitations.remove(principal, id, participantId);
  }

  @Put(':participantId/rsvp')
  @Changes(InvitationDto, {
    summary: 'Answer an invitation (RSVP)',
    description: 'A delegate answers only its own invitation.',
    outcome: 'A delegate answers its own invitation',
  })
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
