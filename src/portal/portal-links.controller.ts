import { Body, Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiProblems } from '../common/http/api-problems.js';
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

const NOT_FOUND = [404, 'No such participant or link, or not in a committee the caller may see'] as const;
const FORBIDDEN = [403, 'The caller sees the committee but does not manage it'] as const;

@ApiTags('Delegate portal')
@ApiBearerAuth()
@Roles('admin', 'organizer', 'delegate')
@Controller('participants/:id/portal-links')
export class PortalLinksController {
  constructor(private readonly links: PortalLinksService) {}

  @Post()
  @AnswerHoldsSecret()
  @ApiOperation({ summary: 'Issue a personal sign-in link for the delegate portal (shown once)' })
  @ApiCreatedResponse({
    type: CreatedPortalLinkDto,
    description: 'The URL is in this answer and nowhere else',
  })
  @ApiProblems(
    400,
    401,
    [...FORBIDDEN],
    [...NOT_FOUND],
    415,
    [422, 'expiresInDays is missing or out of range'],
    503,
  )
  async create(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @Body() body: CreatePortalLinkDto,
  ): Promise<CreatedPortalLinkDto> {
    const { link, url } = await this.links.issuePersonal(principal, id, body.expiresInDays);
    return { ...toPortalLinkDto(link), url };
  }

  @Get()
  @ApiOperation({ summary: 'List the participant’s personal portal links (without their URLs)' })
  @ApiOkResponse({ type: PortalLinkListDto })
  @ApiProblems(400, 401, [...FORBIDDEN], [...NOT_FOUND], 503)
  async list(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
  ): Promise<PortalLinkListDto> {
    return { items: (await this.links.listPersonal(principal, id)).map(toPortalLinkDto) };
  }

  @Delete(':linkId')
  @ApiOperation({ summary: 'Revoke a personal portal link; browsers signed in with it are signed out' })
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Revoked: the link and its sessions stop working' })
  @ApiProblems(400, 401, [...FORBIDDEN], [...NOT_FOUND], 503)
  async revoke(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @UuidParam('linkId') linkId: string,
  ): Promise<void> {
    await this.links.revoke(principal, id, linkId);
  }
}
