import { Controller, Get, Headers, Param, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags, ApiOperation } from '@nestjs/swagger';
import { ApiProblems } from '../common/http/api-problems.js';
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
    // A gzipped answer is another representation, so it has its own strong ETag.
    const gzip = acceptsGzip(acceptEncoding);
    const gzipEtag = `${state.etag.slice(0, -1)}-gzip"`;
    response.setHeader('ETag', gzip ? gzipEtag : state.etag);
    response.setHeader('Last-Modified', state.lastModified.toUTCString());
    response.setHeader('Cache-Control', 'private, max-age=300');
    response.setHeader('Vary', 'Accept-Encoding');
    if (ifNoneMatch && matches(ifNoneMatch, [state.etag, gzipEtag])) {
      response.status(304).end();
      return;
    }
    const rendered = await this.content.body(state);
    if (gzip) response.setHeader('Content-Encoding', 'gzip');
    response
      .status(200)
      .type('text/calendar; charset=utf-8')
      .send(gzip ? await rendered.gzipped() : rendered.body);
  }
}

function matches(ifNoneMatch: string, etags: string[]): boolean {
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || etags.includes(tag.trim()));
}

function acceptsGzip(acceptEncoding: string | undefined): boolean {
  return (acceptEncoding ?? '').split(',').some((coding) => {
    const [name, ...params] = coding.trim().split(';');
    const quality = params.map((param) => /^q=([\d.]+)$/.exec(param.trim())?.[1]).find(Boolean);
    return name.trim().toLowerCase() === 'gzip' && (quality === undefined || Number(quality) > 0);
  });
}
