import { Body, Controller, Get, Param, Post, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../common/auth/decorators.js';
import { invalid } from '../../common/errors/problem.js';
import { PageErrorsFilter } from '../pages/page-errors.filter.js';
import { contextFor, sendPage } from '../pages/page-response.js';
import type { PageContext } from '../pages/page-context.js';
import {
  assertCsrf,
  OptionalViewer,
  Page,
  PortalViewerGuard,
  SignInRequired,
} from '../pages/portal-viewer.js';
import { PORTAL_ROUTE_PREFIX } from '../portal-routing.js';
import { MessagePage } from '../views/message-page.js';
import { ConfirmSignInPage, SignInPage } from '../views/sign-in-pages.js';
import { FormRateLimit } from './form-rate-limit.js';
import { readCookie, SESSION_COOKIE, sessionCookie } from './portal-cookie.js';
import { PortalLinksService } from './portal-links.service.js';
import { PortalSessionsService, type PortalViewer } from './portal-sessions.service.js';

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}$/;
/** Where a link may land after signing in: a session's page (links in notices), else /my. */
const LANDING = /^\/sessions\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function landingPage(next: unknown): string {
  return typeof next === 'string' && LANDING.test(next) ? next : '/my';
}

/** Sign-in without passwords: a mailed one-time link, or an organizer's personal link. */
@ApiExcludeController()
@Public()
@UseGuards(PortalViewerGuard)
@UseFilters(PageErrorsFilter)
@Controller(PORTAL_ROUTE_PREFIX)
export class SignInController {
  constructor(
    private readonly links: PortalLinksService,
    private readonly sessions: PortalSessionsService,
    private readonly rateLimit: FormRateLimit,
  ) {}

  @Get('signin')
  form(@Page() ctx: PageContext, @Res() response: Response): void {
    sendPage(response, <SignInPage ctx={ctx} />);
  }

  /** The same answer whether or not the address is known; rate-limited per address and per client. */
  @Post('signin')
  async ask(
    @Body() body: Record<string, unknown>,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const email = typeof body?.email === 'string' ? body.email.trim().toLowerCase() : '';
    await this.rateLimit.takePost('signin', request, email);
    if (!EMAIL.test(email)) throw invalid('email', 'must be an e-mail address');
    // Each link goes to its recipient through the notices outbox; none is shown here.
    await this.links.createOneTimeSignInLinks(email);
    const ctx = contextFor(request, undefined);
    sendPage(response, <MessagePage ctx={ctx} title={ctx.t.signInTitle} text={ctx.t.signInSent} />);
  }

  /** A personal link signs in at once; a one-time link asks for a click, so mail scanners do not use it up. */
  @Get('signin/:token')
  async open(
    @Param('token') token: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const ctx = contextFor(request, undefined);
    const link = await this.links.usable(token);
    if (!link) return this.invalidLink(request, response);
    if (link.kind !== 'one_time') return this.signIn(token, request, response);
    sendPage(response, <ConfirmSignInPage ctx={ctx} token={token} />);
  }

  @Post('signin/:token')
  async confirm(
    @Param('token') token: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.signIn(token, request, response);
  }

  @Post('signout')
  async signOut(
    @OptionalViewer() viewer: PortalViewer | undefined,
    @Body() body: unknown,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    if (!viewer) throw new SignInRequired();
    assertCsrf(viewer, body);
    await this.sessions.end(readCookie(request.headers.cookie, SESSION_COOKIE));
    response.setHeader(
      'Set-Cookie',
      sessionCookie('', { secure: this.sessions.secureCookies, maxAgeSeconds: 0 }),
    );
    const ctx = contextFor(request, undefined);
    sendPage(response, <MessagePage ctx={ctx} title={ctx.t.signOut} text={ctx.t.signedOut} showSignIn />);
  }

  private async signIn(token: string, request: Request, response: Response): Promise<void> {
    const started = await this.links.redeem(token);
    if (!started) return this.invalidLink(request, response);
    const lang =
      typeof request.query.lang === 'string' ? `?lang=${encodeURIComponent(request.query.lang)}` : '';
    response
      .status(303)
      .setHeader(
        'Set-Cookie',
        sessionCookie(started.secret, {
          secure: this.sessions.secureCookies,
          maxAgeSeconds: started.maxAgeSeconds,
        }),
      )
      .setHeader('Cache-Control', 'no-store')
      .setHeader('Location', `${landingPage(request.query.next)}${lang}`)
      .end();
  }

  private invalidLink(request: Request, response: Response): void {
    const ctx = contextFor(request, undefined);
    sendPage(
      response,
      <MessagePage ctx={ctx} title={ctx.t.signInTitle} text={ctx.t.linkInvalid} showSignIn />,
      410,
    );
  }
}
