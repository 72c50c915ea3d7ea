import { Body, Controller, Delete, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Creates, ReadsOne, Removes } from '../common/http/operations.js';
import { CurrentPrincipal, Roles } from '../common/auth/decorators.js';
import type { Principal } from '../common/auth/principal.js';
import { UuidParam } from '../common/http/uuid-param.js';
import { AnswerHoldsSecret } from '../common/idempotency/idempotency.interceptor.js';
import {
  CreatedPortalLinkDto,
  CreatePortalLinkDto,
  PortalLinkListDto,
  toPortalLinkDto,
} from './dto/portal-link.dto.js';
import { PortalLinksService } from './sign-in/portal-links.service.js';

const NOT_FOUND: [404, string] = [
  404,
  'No such participant or link, or not in a committee the caller may see',
];
const FORBIDDEN: [403, string] = [403, 'The caller sees the committee but does not manage it'];

@ApiTags('Delegate portal')
@ApiBearerAuth()
@Roles('admin', 'organizer', 'delegate')
@Controller('participants/:id/portal-links')
export class PortalLinksController {
  constructor(private readonly links: PortalLinksService) {}

  @Post()
  @AnswerHoldsSecret()
  @Creates(CreatedPortalLinkDto, {
    summary: 'Issue a personal sign-in link for the delegate portal (shown once)',
    outcome: 'The URL is in this answer and nowhere else',
    problems: [400, 401, FORBIDDEN, NOT_FOUND, 415, [422, 'expiresInDays is missing or out of range'], 503],
  })
  async create(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @Body() body: CreatePortalLinkDto,
  ): Promise<CreatedPortalLinkDto> {
    const { link, url } = await this.links.issuePersonal(principal, id, body.expiresInDays);
    return { ...toPortalLinkDto(link), url };
  }

  @Get()
  @ReadsOne(PortalLinkListDto, {
    summary: 'List the participant’s personal portal links (without their URLs)',
    problems: [400, 401, FORBIDDEN, NOT_FOUND, 503],
  })
  async list(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
  ): Promise<PortalLinkListDto> {
    return { items: (await this.links.listPersonal(principal, id)).map(toPortalLinkDto) };
  }

  @Delete(':linkId')
  @Removes({
    summary: 'Revoke a personal portal link; browsers signed in with it are signed out',
    outcome: 'Revoked: the link and its sessions stop working',
    problems: [400, 401, FORBIDDEN, NOT_FOUND, 503],
  })
  async revoke(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @UuidParam('linkId') linkId: string,
  ): Promise<void> {
    await this.links.revoke(principal, id, linkId);
  }
}
