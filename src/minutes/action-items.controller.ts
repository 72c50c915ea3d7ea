import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../common/auth/decorators.js';
import type { Principal } from '../common/auth/principal.js';
import { ApiProblems } from '../common/http/api-problems.js';
import { IfMatch } from '../common/http/if-match.js';
import { UuidParam } from '../common/http/uuid-param.js';
import { ActionItemsService } from './action-items.service.js';
import {
  ActionItemDto,
  ActionItemPageDto,
  ActionItemQuery,
  ReviewItemDto,
  ReviewItemResultDto,
  toActionItemDto,
  UpdateActionItemDto,
} from './dto/action-item.dto.js';
import { Changes, ReadsPage } from '../common/http/operations.js';

@ApiTags('Minutes')
@ApiBearerAuth()
@ApiProblems(401, 503)
@Controller()
export class ActionItemsController {
  constructor(private readonly actionItems: ActionItemsService) {}

  @Get('committees/:id/action-items')
  @ReadsPage(ActionItemPageDto, {
    summary: 'Action items of the committee’s agreed minutes, across sessions',
    description: 'Oldest first, in pages. A delegate sees those of sessions it may see.',
    problems: [400, 404, 422],
  })
  async list(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @Query() query: ActionItemQuery,
  ): Promise<ActionItemPageDto> {
    const page = await this.actionItems.list(principal, id, query);
    return {
      items: page.items.map((item) => toActionItemDto(item, page.today)),
      nextCursor: page.nextCursor,
    };
  }

  @Patch('action-items/:id')
  @Changes(ActionItemDto, {
    summary: 'Update an action item’s status',
    description: 'The work moves on after the minutes are signed; the minutes keep the status they recorded.',
    problems: [400, 403, 404, 422, 415],
  })
  async update(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @Body() body: UpdateActionItemDto,
  ): Promise<ActionItemDto> {
    const item = await this.actionItems.updateStatus(principal, id, body.status);
    return toActionItemDto(item, await this.actionItems.today(item.committeeId));
  }

  @Post('sessions/:id/agenda-items/review-of-action-items')
  @ApiOperation({
    summary: 'Add a "Review of action items" agenda item',
    description:
      'Lists the unfinished action items of earlier sessions of the same committee (of the same working group, when the session has one).',
  })
  @ApiCreatedResponse({ type: ReviewItemResultDto })
  @ApiProblems(400, 403, 404, 422, 415)
  async review(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @Body() body: ReviewItemDto,
    @IfMatch('The session’s ETag') ifMatch: string | undefined,
  ): Promise<ReviewItemResultDto> {
    const result = await this.actionItems.addReviewItem(principal, id, body, ifMatch);
    const today = await this.actionItems.today(result.committeeId);
    return {
      agendaItemId: result.agendaItem.id,
      actionItems: result.actionItems.map((item) => toActionItemDto(item, today)),
    };
  }
}
