import { Body, Controller, Delete, Get, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentPrincipal } from '../common/auth/decorators.js';
import type { Principal } from '../common/auth/principal.js';
import { versionETag } from '../common/http/etag.js';
import { IF_MATCH_RULE, IfMatch } from '../common/http/if-match.js';
import { ReadCache, readKey } from '../common/http/read-cache.js';
import { UuidParam } from '../common/http/uuid-param.js';
import { RequestLanguage } from '../common/i18n/request-language.js';
import {
  CancelSessionDto,
  CreateSessionDto,
  UpdateSessionDto,
  WriteOptionsQuery,
} from './dto/session-input.dto.js';
import { SessionDto, SessionPageDto, withWarnings } from './dto/session-output.dto.js';
import { SessionListQuery, SessionReadQuery } from './dto/session-query.dto.js';
import { SessionReadingService } from './session-reading.service.js';
import { toSessionDto } from './session-view.js';
import type { Session } from './session.entity.js';
import { nextTimingChange } from './session-timing.js';
import { SessionsService } from './sessions.service.js';
import {
  Changes,
  Creates,
  DELEGATE_VIEW_RULE,
  ReadsIndex,
  ReadsOne,
  Removes,
  Transitions,
} from '../common/http/operations.js';

/** The clash rule, as the descriptions of the operations that can move a session into a clash say it. */
const CLASH_RULE =
  'Overlapping another non-cancelled session of a required participant gets 409 listing the clashes, unless allowConflicts=true, which saves and returns them as warnings.';

/** The clash rule's refusal (DESIGN.md, Writes), for the operations that can move a session into a clash. */
const CLASHES: [409, string] = [
  409,
  'Required participants would have clashing sessions: the problem lists the clashes',
];

@ApiTags('Sessions')
@ApiBearerAuth()
@Controller('sessions')
export class SessionsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly reading: SessionReadingService,
    private readonly answers: ReadCache,
  ) {}

  @Post()
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A retry with the same key gets the first answer',
  })
  @Creates(SessionDto, {
    summary: 'Schedule a session (as a draft)',
    description: `start and end are local wall times read in timeZone, or instants with an offset. ${CLASH_RULE} An Idempotency-Key header makes a retry with the same body get the first answer (another body: 422).`,
    outcome: 'Created as a draft; ETag header holds its version',
    also: [CLASHES],
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
  @ReadsIndex(SessionPageDto, {
    summary: 'List sessions',
    description: `Ordered by start; filters combine. ${DELEGATE_VIEW_RULE} Delegates never see drafts.`,
    outcome: 'Ordered by start; only what the caller may see',
  })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: SessionListQuery,
    @RequestLanguage() lang: string | undefined,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    // A committee's page is kept by the committee's content version; other pages are not kept.
    const version = query.committeeId ? await this.sessions.contentVersion(query.committeeId) : undefined;
    await this.answers.send(response, readKey(principal, request, lang, version), async () => {
      const now = new Date();
      const page = await this.sessions.list(principal, query);
      const optionsFor = await this.reading.optionsFor(
        page.items.map((session) => session.committeeId),
        query,
        lang,
        page.partyZones,
      );
      const body: SessionPageDto = {
        items: page.items.map((session) =>
          toSessionDto(session, { ...optionsFor(session.committeeId), now }),
        ),
        nextCursor: page.nextCursor,
      };
      return { body, changesAt: nextTimingChange(page.items, now.getTime()) };
    });
  }

  @Get(':id')
  @ReadsOne(SessionDto, {
    summary: 'Get a session',
    description: `The ETag header holds its version, for If-Match. ${DELEGATE_VIEW_RULE}`,
    outcome: 'ETag header holds its version',
  })
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
  @Changes(SessionDto, {
    summary: 'Update or reschedule a session',
    description: `${IF_MATCH_RULE} ${CLASH_RULE} A cancelled session refuses edits (409); reinstate it first.`,
    also: [CLASHES],
  })
  async update(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @Body() body: UpdateSessionDto,
    @Query() options: WriteOptionsQuery,
    @IfMatch() ifMatch: string | undefined,
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
  @Transitions(SessionDto, {
    summary: 'Publish a draft session',
    description: `draft → scheduled; the clash rule applies. ${IF_MATCH_RULE}`,
    outcome: 'draft → scheduled',
    also: [CLASHES],
  })
  async publish(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @IfMatch() ifMatch: string | undefined,
    @RequestLanguage() lang: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionDto> {
    return this.respond(await this.sessions.publish(principal, id, ifMatch), {}, lang, response);
  }

  @Delete(':id')
  @Removes({
    summary: 'Delete a draft session',
    description: `Only drafts are deleted (with their agenda and invitations); a published session is cancelled instead (409). ${IF_MATCH_RULE}`,
    outcome: 'A draft deleted with its agenda and invitations (409 once published)',
    also: [409],
  })
  async remove(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @IfMatch() ifMatch: string | undefined,
  ): Promise<void> {
    await this.sessions.removeDraft(principal, id, ifMatch);
  }

  @Post(':id/cancel')
  @Changes(SessionDto, {
    summary: 'Cancel a session',
    description: `→ cancelled with a reason; feeds keep it for 30 days as cancelled. ${IF_MATCH_RULE}`,
    outcome: '→ cancelled, with the reason',
    also: [409],
  })
  async cancel(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @Body() body: CancelSessionDto,
    @IfMatch() ifMatch: string | undefined,
    @RequestLanguage() lang: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionDto> {
    return this.respond(await this.sessions.cancel(principal, id, body.reason, ifMatch), {}, lang, response);
  }

  @Post(':id/reinstate')
  @Transitions(SessionDto, {
    summary: 'Reinstate a cancelled session',
    description: `cancelled → scheduled: SEQUENCE goes up and feeds show it again. Clashes with required participants’ other sessions get 409 unless allowConflicts=true (then warnings). ${IF_MATCH_RULE}`,
    outcome: 'cancelled → scheduled',
    also: [[409, 'The session is not cancelled, or required participants would have clashing sessions']],
  })
  async reinstate(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @Query() options: WriteOptionsQuery,
    @IfMatch() ifMatch: string | undefined,
    @RequestLanguage() lang: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionDto> {
    const { session, warnings } = await this.sessions.reinstate(principal, id, {
      ifMatch,
      allowConflicts: options.allowConflicts,
    });
    return withWarnings(await this.respond(session, {}, lang, response), warnings);
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
