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
import { PortalRepository } from '../portal.repository.js';
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
import { sharedSessionView, type SessionMinutes } from './session-page.model.js';
import { SessionViews } from './session-views.js';
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
    private readonly views: SessionViews,
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
  session(@Param('id') id: string, @Req() request: PortalRequest, @Res() response: Response): Promise<void> {
    return this.sendSessionPage(SessionPage, request, id, response);
  }

  @Get('sessions/:id/print')
  @ReadsViewerItself()
  print(@Param('id') id: string, @Req() request: PortalRequest, @Res() response: Response): Promise<void> {
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
   * The session page or its print view: the same model in another layout. The delegate and what
   * is the delegate's own on it are read first, in one small statement; the rest is shared by
   * every reader of the language and zone and is read and built only when it is not kept for
   * the committee's current content version.
   */
  private async sendSessionPage(
    View: typeof SessionPage | typeof PrintPage,
    request: PortalRequest,
    id: string,
    response: Response,
  ): Promise<void> {
    const secret = readCookie(request.headers.cookie, SESSION_COOKIE);
    // A malformed id is no page either: the 404 page, in the signed-in delegate's language.
    if (!secret || !isUUID(id)) return this.noSessionPage(request, secret);
    const state = await this.repository.sessionPageState(secret, id);
    if (!state) return this.noSessionPage(request, secret);
    const { viewer } = state;
    // Should anything below fail, the error page speaks the delegate's language.
    request.portalViewer = viewer;
    const ctx = contextFor(request, viewer);
    const key = {
      sessionId: id,
      contentVersion: state.contentVersion,
      lang: ctx.lang,
      viewerZone: viewer.timeZone,
    };
    const { session, view } = await this.views.get(key, async () => {
      // Read after the version: a change in between shows here and is kept under the older
      // version, which no later view reads.
      const agenda = await this.repository.sessionAgenda(secret, id);
      if (!agenda) throw new NotFoundError('Session');
      return { session: agenda.session, view: sharedSessionView(agenda, viewer.timeZone, ctx.lang, ctx.t) };
    });
    const minutes = state.minutesReadable ? await this.minutes(viewer, session, [ctx.lang]) : undefined;
    sendPage(
      response,
      <View ctx={ctx} session={{ ...view, rsvp: state.answer, minutes: minutes ?? null }} />,
    );
  }

  /**
   * Nothing came back: either no one is signed in (the sign-in page) or the delegate may not
   * see the session (the 404 page, as the API answers).
   */
  private async noSessionPage(request: PortalRequest, secret: string | undefined): Promise<never> {
    request.portalViewer = await this.viewers.viewer(secret);
    if (!request.portalViewer) throw new SignInRequired();
    throw new NotFoundError('Session');
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
