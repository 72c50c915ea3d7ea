import { Controller, Get, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags, ApiOperation } from '@nestjs/swagger';
import { ApiProblems } from '../common/http/api-problems.js';
import { DELEGATE_VIEW_RULE } from '../common/http/operations.js';
import type { Response } from 'express';
import { CurrentPrincipal } from '../common/auth/decorators.js';
import type { Principal } from '../common/auth/principal.js';
import { NotFoundError } from '../common/errors/problem.js';
import { UuidParam } from '../common/http/uuid-param.js';
import { RequestLanguage } from '../common/i18n/request-language.js';
import { SessionsService } from '../sessions/sessions.service.js';
import { FeedContentService } from './feed-content.service.js';

/** One session as an `.ics` file, with the same UID and VEVENT as in every feed. */
@ApiTags('Calendar feeds')
@ApiBearerAuth()
@Controller('sessions')
export class SessionIcsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly content: FeedContentService,
  ) {}

  @Get(':id/ics')
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'The session as an iCalendar file' })
  @ApiOperation({
    summary: 'Download one session as an .ics file',
    description: DELEGATE_VIEW_RULE,
  })
  @ApiProblems(400, 401, 404)
  async ics(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @RequestLanguage() lang: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    // Visibility first: a session the caller may not see is 404, as in the API.
    const session = await this.sessions.get(principal, id);
    const body = await this.content.download(session.id, principal.participantId, lang);
    if (body === undefined) throw new NotFoundError('Session');
    response
      .status(200)
      .type('text/calendar; charset=utf-8')
      .setHeader('Content-Disposition', `attachment; filename="session-${session.id}.ics"`)
      .send(body);
  }
}
