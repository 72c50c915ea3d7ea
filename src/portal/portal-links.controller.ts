import { Body, Controller, Delete, Get, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../common/auth/decorators.js';
import type { Principal } from '../common/auth/principal.js';
import { UuidParam } from '../common/http/uuid-param.js';
import { AnswerHoldsSecret } from '../common/idempotency/idempotency.interceptor.js';
import {
  CreatedPortalLinkDto,
  CreatePortalLinkDto,
  PortalLinkDto,
  PortalLinkListDto,
  toPortalLinkDto,
} from './dto/portal-link.dto.js';
import { PortalLinksService } from './sign-in/portal-links.service.js';

const NOT_FOUND = { description: 'No such participant or link, or not in a committee the caller may see' };
const FORBIDDEN = { description: 'The caller sees the committee but does not manage it' };

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
  @ApiUnprocessableEntityResponse({ description: 'expiresInDays is missing or out of range' })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiForbiddenResponse(FORBIDDEN)
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
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiForbiddenResponse(FORBIDDEN)
  async list(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
  ): Promise<PortalLinkListDto> {
    return { items: (await this.links.listPersonal(principal, id)).map(toPortalLinkDto) };
  }

  @Delete(':linkId')
  @ApiOperation({ summary: 'Revoke a personal portal link; browsers signed in with it are signed out' })
  @ApiOkResponse({ type: PortalLinkDto, description: 'Revoked: the link and its sessions stop working' })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiForbiddenResponse(FORBIDDEN)
  async revoke(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @UuidParam('linkId') linkId: string,
  ): Promise<PortalLinkDto> {
    return toPortalLinkDto(await this.links.revoke(principal, id, linkId));
  }
}
