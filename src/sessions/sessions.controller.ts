import { Body, Controller, Delete, Get, Headers, HttpCode, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiPreconditionFailedResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal } from '../common/auth/decorators.js';
import type { Principal } from '../common/auth/principal.js';
import { versionETag } from '../common/http/etag.js';
import { UuidParam } from '../common/http/uuid-param.js';
import { RequestLanguage } from '../common/i18n/request-language.js';
import {
  CancelSessionDto,
  CreateSessionDto,
  UpdateSessionDto,
  WriteOptionsQuery,
} from './dto/session-input.dto.js';
import { SessionDto, SessionPageDto, type WarningDto } from './dto/session-output.dto.js';
import { SessionListQuery, SessionReadQuery } from './dto/session-query.dto.js';
import { SessionReadingService } from './session-reading.service.js';
import { toSessionDto } from './session-view.js';
import type { Session } from './session.entity.js';
import { SessionsService } from './sessions.service.js';

const IF_MATCH = { name: 'If-Match', required: false, description: 'The ETag of the version being changed' };

@ApiTags('Sessions')
@ApiBearerAuth()
@Controller('sessions')
export class SessionsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly reading: SessionReadingService,
  ) {}

  @Post()
  @ApiCreatedResponse({ type: SessionDto, description: 'Created as a draft; ETag header holds its version' })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A retry with the same key gets the first answer',
  })
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateSessionDto,
    @RequestLanguage() lang: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionDto> {
    const { session, warnings } = await this.sessions.create(principal, body);
    return withWarnings(await this.respond(session, {}, lang, response), warnings);
  }

  @Get()
  @ApiOkResponse({ type: SessionPageDto, description: 'Ordered by start; only what the caller may see' })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: SessionListQuery,
    @RequestLanguage() lang?: string,
  ): Promise<SessionPageDto> {
    const page = await this.sessions.list(principal, query);
    const optionsFor = await this.reading.optionsFor(
      page.items.map((session) => session.committeeId),
      query,
      lang,
      page.partyZones,
    );
    return {
      items: page.items.map((session) => toSessionDto(session, optionsFor(session.committeeId))),
      nextCursor: page.nextCursor,
    };
  }

  @Get(':id')
  @ApiOkResponse({ type: SessionDto, description: 'ETag header holds its version' })
  async get(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @Query() query: SessionReadQuery,
    @RequestLanguage() lang: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionDto> {
    return this.respond(await this.sessions.get(principal, id), query, lang, response);
  }

  @Patch(':id')
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: SessionDto })
  @ApiConflictResponse({
    description: 'Required participants would have clashing sessions (problem+json with clashes)',
  })
  @ApiPreconditionFailedResponse({ description: 'If-Match does not match the current version' })
  async update(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @Body() body: UpdateSessionDto,
    @Query() options: WriteOptionsQuery,
    @Headers('if-match') ifMatch: string | undefined,
    @RequestLanguage() lang: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionDto> {
    const { session, warnings } = await this.sessions.update(principal, id, body, {
      ifMatch,
      allowConflicts: options.allowConflicts,
    });
    return withWarnings(await this.respond(session, {}, lang, response), warnings);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: SessionDto, description: 'draft → scheduled' })
  async publish(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @RequestLanguage() lang: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionDto> {
    return this.respond(await this.sessions.publish(principal, id, ifMatch), {}, lang, response);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiHeader(IF_MATCH)
  @ApiNoContentResponse({
    description: 'A draft deleted with its agenda and invitations (409 once published)',
  })
  async remove(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
  ): Promise<void> {
    await this.sessions.removeDraft(principal, id, ifMatch);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: SessionDto, description: '→ cancelled, with the reason' })
  async cancel(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @Body() body: CancelSessionDto,
    @Headers('if-match') ifMatch: string | undefined,
    @RequestLanguage() lang: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionDto> {
    return this.respond(await this.sessions.cancel(principal, id, body.reason, ifMatch), {}, lang, response);
  }

  private async respond(
    session: Session,
    query: SessionReadQuery,
    lang: string | undefined,
    response: Response,
  ): Promise<SessionDto> {
    const optionsFor = await this.reading.optionsFor([session.committeeId], query, lang);
    response.setHeader('ETag', versionETag(session.version));
    return toSessionDto(session, optionsFor(session.committeeId));
  }
}

/** Warnings are shown only when there are some. */
function withWarnings(dto: SessionDto, warnings: WarningDto[]): SessionDto {
  return warnings.length > 0 ? { ...dto, warnings } : dto;
}
