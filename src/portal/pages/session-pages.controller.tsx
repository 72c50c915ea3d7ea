import { Body, Controller, Get, Param, Post, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { ModuleRef } from '@nestjs/core';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AgendaRenderService } from '../../agenda/agenda-render.service.js';
import { SessionIcsController } from '../../calendar-feeds/session-ics.controller.js';
import { Public } from '../../common/auth/decorators.js';
import { UuidParam } from '../../common/http/uuid-param.js';
import { InvitationsService } from '../../sessions/invitations.service.js';
import { invalid, NotFoundError } from '../../common/errors/problem.js';
import { resolveText } from '../../common/i18n/localized-text.js';
import { ProtocolService } from '../../minutes/protocol.service.js';
import type { Session } from '../../sessions/session.entity.js';
import { SessionsService } from '../../sessions/sessions.service.js';
import { readCookie, SESSION_COOKIE } from '../sign-in/portal-cookie.js';
import { PortalSessionsService, type PortalViewer } from '../sign-in/portal-sessions.service.js';
import { PortalRepository, type SessionPageRead } from '../portal.repository.js';
import { PORTAL_ROUTE_PREFIX, wantsPage } from '../portal-routing.js';
import { unknownRoute } from '../../common/http/route-methods.js';
import { DAY_MS } from '../../common/time/durations.js';
import { MyPage } from '../views/my-page.js';
import { PrintPage } from '../views/print-page.js';
import { ProtocolPrintPage } from '../views/protocol-print-page.js';
import { SessionPage } from '../views/session-page.js';
import { groupByDay } from './my-page.model.js';
import { PageErrorsFilter } from './page-errors.filter.js';
import { contextFor, redirectAfterPost, sendPage } from './page-response.js';
import {
  assertCsrf,
  Page,
  PortalViewerGuard,
  ReadsViewerItself,
  SignInRequired,
  Viewer,
  type PortalRequest,
} from './portal-viewer.js';
import { sessionPageModel, type SessionMinutes, type SessionPageModel } from './session-page.model.js';
import type { PageContext } from './page-context.js';

const PAST_DAYS = 90;
const ANSWERS = ['accepted', 'tentative', 'declined'] as const;

/** /my, /sessions/:id and its print view, .ics and RSVP: the API's services, rendered as pages. */
@ApiExcludeController()
@Public()
@UseGuards(PortalViewerGuard)
@UseFilters(PageErrorsFilter)
@Controller(PORTAL_ROUTE_PREFIX)
export class SessionPagesController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly agenda: AgendaRenderService,
    private readonly invitations: InvitationsService,
    private readonly repository: PortalRepository,
    private readonly moduleRef: ModuleRef,
    private readonly protocolService: ProtocolService,
    private readonly viewers: PortalSessionsService,
  ) {}

  @Get()
  home(@Req() request: Request, @Res() response: Response): void {
    if (!wantsPage(request)) return unknownRoute(request, response);
    response.redirect(302, '/my');
  }

  @Get('my')
  async my(
    @Viewer() viewer: PortalViewer,
    @Page() ctx: PageContext,
    @Res() response: Response,
  ): Promise<void> {
    const now = new Date();
    const from = new Date(now.getTime() - PAST_DAYS * DAY_MS).toISOString();
    const page = await this.sessions.list(viewer.principal, { from, limit: 200 });
    const answers = await this.repository.answers(
      viewer.participantId,
      page.items.map((session) => session.id),
    );
    const days = (ended: boolean) =>
      groupByDay(
        page.items.filter((session) => session.endsAt.getTime() <= now.getTime() === ended),
        page.partyZones,
        answers,
        viewer.timeZone,
        ctx.lang,
        ctx.t,
      );
    sendPage(response, <MyPage ctx={ctx} upcoming={days(false)} past={days(true).reverse()} />);
  }

  @Get('sessions/:id')
  @ReadsViewerItself()
  session(@Param('id') id: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    return this.sendSessionPage(SessionPage, request, id, response);
  }

  @Get('sessions/:id/print')
  @ReadsViewerItself()
  print(@Param('id') id: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    return this.sendSessionPage(PrintPage, request, id, response);
  }

  /** The agreed minutes as the protocol, each party's language in turn, laid out for paper. */
  @Get('sessions/:id/protocol')
  async protocol(
    @Viewer() viewer: PortalViewer,
    @UuidParam('id') id: string,
    @Page() ctx: PageContext,
    @Res() response: Response,
  ): Promise<void> {
    const { session } = await this.agenda.load(viewer.principal, id);
    const minutes = await this.minutes(viewer, session);
    if (!minutes) throw new NotFoundError('Minutes');
    const title = resolveText(session.title, ctx.lang) ?? '';
    sendPage(response, <ProtocolPrintPage ctx={ctx} sessionId={id} title={title} minutes={minutes} />);
  }

  /** The same file as GET /api/v1/sessions/:id/ics, for a browser signed in with a cookie. */
  @Get('sessions/:id/session.ics')
  async ics(
    @Viewer() viewer: PortalViewer,
    @UuidParam('id') id: string,
    @Page() ctx: PageContext,
    @Res() response: Response,
  ): Promise<void> {
    const api = this.moduleRef.get(SessionIcsController, { strict: false });
    response.setHeader('Cache-Control', 'private, no-store');
    await api.ics(viewer.principal, id, ctx.lang, response);
  }

  @Post('sessions/:id/rsvp')
  async rsvp(
    @Viewer() viewer: PortalViewer,
    @UuidParam('id') id: string,
    @Body() body: Record<string, unknown>,
    @Page() ctx: PageContext,
    @Res() response: Response,
  ): Promise<void> {
    assertCsrf(viewer, body);
    const answer = ANSWERS.find((candidate) => candidate === body.rsvp);
    if (!answer) throw invalid('rsvp', `must be one of ${ANSWERS.join(', ')}`);
    await this.invitations.answer(viewer.principal, id, viewer.participantId, { rsvp: answer });
    redirectAfterPost(response, ctx, `/sessions/${id}`);
  }

  /**
   * The signed-in delegate and the session under the delegate's visibility, read together. When
   * nothing comes back, either no one is signed in (the sign-in page) or the delegate may not
   * see the session (the 404 page, as the API answers).
   */
  /** The session page or its print view: the same model in another layout. */
  private async sendSessionPage(
    View: typeof SessionPage | typeof PrintPage,
    request: Request,
    id: string,
    response: Response,
  ): Promise<void> {
    const read = await this.readPage(request, id);
    const ctx = contextFor(request, read.viewer);
    sendPage(response, <View ctx={ctx} session={await this.pageModel(read, ctx)} />);
  }

  private async readPage(request: PortalRequest, id: string): Promise<SessionPageRead> {
    const secret = readCookie(request.headers.cookie, SESSION_COOKIE);
    // A malformed id is no page either: the 404 page, in the signed-in delegate's language.
    const read = secret && isUUID(id) ? await this.repository.sessionPage(secret, id) : undefined;
    if (read) return read;
    request.portalViewer = await this.viewers.viewer(secret);
    if (!request.portalViewer) throw new SignInRequired();
    throw new NotFoundError('Session');
  }

  private async pageModel(read: SessionPageRead, ctx: PageContext): Promise<SessionPageModel> {
    const { viewer, agenda } = read;
    const minutes = read.minutesReadable ? await this.minutes(viewer, agenda.session, [ctx.lang]) : undefined;
    return sessionPageModel(agenda, viewer.timeZone, ctx.lang, ctx.t, minutes);
  }

  /** The minutes a delegate may read (agreed or signed), in the languages asked or the parties'. */
  private async minutes(
    viewer: PortalViewer,
    session: Session,
    langs?: string[],
  ): Promise<SessionMinutes | undefined> {
    const readable = await this.protocolService.readable(viewer.principal, session, langs);
    if (!readable || readable.revision.status === 'draft') return undefined;
    return {
      status: readable.revision.status,
      revision: readable.revision.revision,
      sections: readable.model.sections,
    };
  }
}
