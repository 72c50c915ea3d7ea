import { Controller, Get, Headers, Param, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../common/auth/decorators.js';
import { NotFoundError } from '../common/errors/problem.js';
import { FeedContentService } from './feed-content.service.js';

const FEED_FILE = /^(cal_[A-Za-z0-9_-]{43})\.ics$/;

/** The feed itself: its token is the only credential. */
@ApiTags('Calendar feeds')
@Public()
@Controller('calendar')
export class CalendarController {
  constructor(private readonly content: FeedContentService) {}

  @Get(':file')
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'The iCalendar feed (RFC 5545); 304 when If-None-Match holds its ETag' })
  @ApiNotFoundResponse({ description: 'Unknown or revoked token (no hint which)' })
  async feed(
    @Param('file') file: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const token = FEED_FILE.exec(file)?.[1];
    const state = token ? await this.content.state(token) : undefined;
    if (!state) throw new NotFoundError('Feed');
    response.setHeader('ETag', state.etag);
    response.setHeader('Last-Modified', state.lastModified.toUTCString());
    response.setHeader('Cache-Control', 'private, max-age=300');
    if (
      ifNoneMatch &&
      ifNoneMatch.split(',').some((tag) => tag.trim() === state.etag || tag.trim() === '*')
    ) {
      response.status(304).end();
      return;
    }
    const body = await this.content.body(state);
    response.status(200).type('text/calendar; charset=utf-8').send(body);
  }
}
