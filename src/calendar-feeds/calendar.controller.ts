import { Controller, Get, Headers, Param, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags, ApiOperation } from '@nestjs/swagger';
import { ApiProblems } from '../common/http/api-problems.js';
import type { Response } from 'express';
import { Public } from '../common/auth/decorators.js';
import { NotFoundError } from '../common/errors/problem.js';
import { acceptsGzip, FEED_FILE, isNotModified, sendFeedBody, writeFeedHeaders } from './feed-answer.js';
import { FeedContentService } from './feed-content.service.js';

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
  @ApiOperation({
    summary: 'Fetch a calendar feed (iCalendar)',
    description:
      'Needs only the token in the URL; an unknown or revoked token gets 404. Answers 304 to a matching If-None-Match.',
  })
  @ApiProblems(404)
  async feed(
    @Param('file') file: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Headers('accept-encoding') acceptEncoding: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const token = FEED_FILE.exec(file)?.[1];
    const state = token ? await this.content.state(token) : undefined;
    if (!state) throw new NotFoundError('Feed');
    const gzip = acceptsGzip(acceptEncoding);
    writeFeedHeaders(response, state, gzip);
    if (isNotModified(state, ifNoneMatch)) {
      response.status(304).end();
      return;
    }
    const rendered = await this.content.body(state);
    sendFeedBody(response, gzip ? await rendered.gzipped() : rendered.body, gzip);
  }
}
