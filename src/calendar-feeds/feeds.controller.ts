import { Body, Controller, Delete, Get, Inject, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Creates, ReadsIndex, Removes } from '../common/http/operations.js';
import { CurrentPrincipal } from '../common/auth/decorators.js';
import type { Principal } from '../common/auth/principal.js';
import { UuidParam } from '../common/http/uuid-param.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { CreatedFeedDto, CreateFeedDto, FeedListQuery, FeedPageDto, toFeedDto } from './dto/feed.dto.js';
import { FeedsService } from './feeds.service.js';
import { AnswerHoldsSecret } from '../common/idempotency/idempotency.interceptor.js';

@ApiTags('Calendar feeds')
@ApiBearerAuth()
@Controller('feeds')
export class FeedsController {
  constructor(
    private readonly feeds: FeedsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post()
  @AnswerHoldsSecret()
  @Creates(CreatedFeedDto, {
    summary: 'Create a calendar feed (URL shown once)',
    description:
      'Answers the secret token and the url (https:// or http:// as PUBLIC_BASE_URL says) and webcalUrl once. A delegate creates feeds of its own scope only.',
    outcome: 'The token and its URLs appear in this answer only',
  })
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateFeedDto,
  ): Promise<CreatedFeedDto> {
    const { feed, secret } = await this.feeds.create(principal, body);
    const url = `${this.config.publicBaseUrl}/calendar/${secret}.ics`;
    return {
      ...toFeedDto(feed),
      token: secret,
      url,
      webcalUrl: url.replace(/^https?:/, 'webcal:'),
      httpsUrl: url,
    };
  }

  @Get()
  @ReadsIndex(FeedPageDto, {
    summary: 'List calendar feeds',
    description: 'A delegate sees its own feeds only; the token is never shown again.',
  })
  async list(@CurrentPrincipal() principal: Principal, @Query() query: FeedListQuery): Promise<FeedPageDto> {
    const page = await this.feeds.list(principal, query);
    return { items: page.items.map(toFeedDto), nextCursor: page.nextCursor };
  }

  @Delete(':id')
  @Removes({
    summary: 'Revoke a calendar feed',
    description: 'Its URL answers 404 from then on.',
    outcome: 'Revoked: its URL answers 404 from now on',
  })
  async revoke(@CurrentPrincipal() principal: Principal, @UuidParam('id') id: string): Promise<void> {
    await this.feeds.revoke(principal, id);
  }
}
