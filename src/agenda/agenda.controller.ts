import { Body, Controller, Delete, Get, Patch, Post, Put, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../common/auth/decorators.js';
import type { Principal } from '../common/auth/principal.js';
import { IF_MATCH_RULE, IfMatch } from '../common/http/if-match.js';
import { ReadCache, readKey } from '../common/http/read-cache.js';
import { UuidParam } from '../common/http/uuid-param.js';
import { RequestLanguage } from '../common/i18n/request-language.js';
import { SessionReadQuery } from '../sessions/dto/session-query.dto.js';
import { nextTimingChange } from '../sessions/session-timing.js';
import { SessionsService } from '../sessions/sessions.service.js';
import { AgendaItemsService } from './agenda-items.service.js';
import { AgendaRenderService } from './agenda-render.service.js';
import {
  AgendaItemDto,
  AgendaItemListDto,
  AgendaOrderDto,
  CreateAgendaItemDto,
  toAgendaItemDto,
  UpdateAgendaItemDto,
} from './dto/agenda-item.dto.js';
import { RenderedAgendaDto } from './dto/rendered-agenda.dto.js';
import {
  Changes,
  Creates,
  DELEGATE_VIEW_RULE,
  delegateView,
  ReadsOne,
  Removes,
} from '../common/http/operations.js';

@ApiTags('Agenda')
@ApiBearerAuth()
@Controller('sessions/:id')
export class AgendaController {
  constructor(
    private readonly items: AgendaItemsService,
    private readonly renderer: AgendaRenderService,
    private readonly sessions: SessionsService,
    private readonly answers: ReadCache,
  ) {}

  @Get('agenda')
  @ReadsOne(RenderedAgendaDto, {
    summary: 'Get a session’s rendered agenda',
    description: `Numbered items with planned start and end in every zone asked, presenters, totals and overrun. ${DELEGATE_VIEW_RULE}`,
    outcome:
      'Numbered items with planned times in every zone asked (default: zone of record and parties’ zones)',
    also: [422],
  })
  async render(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @Query() query: SessionReadQuery,
    @RequestLanguage() lang: string | undefined,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    // Kept by the content version of the session's committee, which every agenda change raises.
    const version = await this.sessions.contentVersionOfSession(id);
    await this.answers.send(response, readKey(principal, request, lang, version), async () => {
      const now = new Date();
      const body = await this.renderer.render(principal, id, query, lang, now);
      const { startsAt, endsAt } = body.session;
      const changesAt = nextTimingChange(
        [{ startsAt: new Date(startsAt), endsAt: new Date(endsAt) }],
        now.getTime(),
      );
      return { body, changesAt };
    });
  }

  @Get('agenda-items')
  @ReadsOne(AgendaItemListDto, delegateView('List a session’s agenda items'))
  async list(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
  ): Promise<AgendaItemListDto> {
    return { items: (await this.items.list(principal, id)).map(toAgendaItemDto) };
  }

  @Post('agenda-items')
  @Creates(AgendaItemDto, {
    summary: 'Add an agenda item',
    description: `If-Match takes the session’s ETag. ${IF_MATCH_RULE}`,
    outcome: 'Added after its siblings',
    also: [400],
  })
  async create(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @Body() body: CreateAgendaItemDto,
    @IfMatch('The session’s ETag') ifMatch: string | undefined,
  ): Promise<AgendaItemDto> {
    return toAgendaItemDto(await this.items.create(principal, id, body, ifMatch));
  }

  @Put('agenda-items/order')
  @Changes(AgendaItemListDto, {
    summary: 'Set the whole agenda order',
    description: `Rejected whole (422) unless every item is named once. ${IF_MATCH_RULE}`,
    outcome: 'Rejected whole unless every item is named once',
  })
  async reorder(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @Body() body: AgendaOrderDto,
    @IfMatch('The session’s ETag') ifMatch: string | undefined,
  ): Promise<AgendaItemListDto> {
    return { items: (await this.items.reorder(principal, id, body, ifMatch)).map(toAgendaItemDto) };
  }

  @Patch('agenda-items/:itemId')
  @Changes(AgendaItemDto, {
    summary: 'Update an agenda item',
    description: IF_MATCH_RULE,
  })
  async update(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @UuidParam('itemId') itemId: string,
    @Body() body: UpdateAgendaItemDto,
    @IfMatch('The session’s ETag') ifMatch: string | undefined,
  ): Promise<AgendaItemDto> {
    return toAgendaItemDto(await this.items.update(principal, id, itemId, body, ifMatch));
  }

  @Delete('agenda-items/:itemId')
  @Removes({
    summary: 'Delete an agenda item',
    description: `Its sub-items go with it. ${IF_MATCH_RULE}`,
    outcome: 'Deleted with its sub-items',
  })
  async remove(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @UuidParam('itemId') itemId: string,
    @IfMatch('The session’s ETag') ifMatch: string | undefined,
  ): Promise<void> {
    await this.items.remove(principal, id, itemId, ifMatch);
  }
}
