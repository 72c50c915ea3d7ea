import { Body, Controller, Get, Inject, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../common/auth/decorators.js';
import { NotFoundError } from '../common/errors/problem.js';
import { UuidParam } from '../common/http/uuid-param.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { PageErrorsFilter } from '../portal/pages/page-errors.filter.js';
import { pageContext } from '../portal/pages/page-context.js';
import { contextFor, redirectAfterPost, sendPage } from '../portal/pages/page-response.js';
import { PORTAL_ROUTE_PREFIX } from '../portal/portal-routing.js';
import { FormRateLimit } from '../portal/sign-in/form-rate-limit.js';
import { MessagePage } from '../portal/views/message-page.js';
import { assertFormToken, formToken } from './form-csrf.js';
import { readRegistrationForm } from './registration-form.js';
import { RegistrantsService, type OpenWebinar } from './registrants.service.js';
import { PersonalPage } from './views/personal-page.js';
import { RegisterPage, type RegisterFormState } from './views/register-page.js';
import { registrationWindow, webinarPageModel } from './views/webinar-page.model.js';

/** The public registration page of a webinar, and each registrant's personal page. */
@ApiExcludeController()
@Public()
@UseFilters(PageErrorsFilter)
@Controller(PORTAL_ROUTE_PREFIX)
export class RegistrationPagesController {
  constructor(
    private readonly registrations: RegistrantsService,
    private readonly rateLimit: FormRateLimit,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('register/:sessionId')
  async form(
    @UuidParam('sessionId') sessionId: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const webinar = await this.registrations.openWebinar(sessionId);
    this.sendForm(webinar, { values: {}, problems: {} }, request, response);
  }

  /**
   * The same answer for every address that passes the checks, registered already or not; the
   * link goes out by mail only. Rate-limited per client and per address; CSRF-protected.
   */
  @Post('register/:sessionId')
  async submit(
    @UuidParam('sessionId') sessionId: string,
    @Body() body: Record<string, unknown>,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const webinar = await this.registrations.openWebinar(sessionId);
    assertFormToken(request, body);
    const email = typeof body?.email === 'string' ? body.email.trim().toLowerCase() : '';
    await this.rateLimit.takePost('register', request, email);
    const ctx = contextFor(request, undefined);
    if (registrationWindow(webinar, new Date()) !== 'open') {
      this.sendForm(webinar, { values: {}, problems: {} }, request, response, 409);
      return;
    }
    const { form, problems } = readRegistrationForm(body ?? {}, webinar.settings.allowedEmailDomains);
    if (!form) {
      const values = Object.fromEntries(
        Object.entries(body ?? {}).filter(([key, value]) => key !== '_csrf' && typeof value === 'string'),
      ) as Record<string, string>;
      const messages = Object.fromEntries(
        problems.map((problem) => [problem.path, ctx.t.registration.problems[problem.path]]),
      );
      this.sendForm(webinar, { values, problems: messages }, request, response, 422);
      return;
    }
    await this.registrations.register(webinar, form);
    const words = ctx.t.registration;
    sendPage(response, <MessagePage ctx={ctx} title={words.sentTitle} text={words.sent} />);
  }

  @Get('registration/:token')
  async personal(@Param('token') token: string, @Req() request: Request, @Res() response: Response) {
    const found = await this.found(token);
    // The registrant's own language unless the page is asked in another.
    const asked = contextFor(request, undefined);
    const reader = asked.langAsked ? asked : pageContext(found.registration.language, asked.path, false);
    const webinar = webinarPageModel(found.webinar, reader.lang, reader.t, found.registration.timeZone);
    sendPage(
      response,
      <PersonalPage
        ctx={reader}
        webinar={webinar}
        registration={found.registration}
        token={token}
        csrfToken={formToken(request, response, this.secure)}
      />,
    );
  }

  /** The registrant's two buttons: confirm the address, or cancel the registration. */
  @Post('registration/:token/:action')
  async act(
    @Param('token') token: string,
    @Param('action') action: string,
    @Body() body: unknown,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    if (action !== 'confirm' && action !== 'cancel') throw new NotFoundError('Page');
    assertFormToken(request, body);
    if (action === 'confirm') await this.registrations.confirmAddress(token);
    else await this.registrations.cancel(token);
    redirectAfterPost(response, contextFor(request, undefined), `/registration/${token}`);
  }

  @Get('registration/:token/webinar.ics')
  async ics(@Param('token') token: string, @Req() request: Request, @Res() response: Response) {
    const found = await this.found(token);
    if (found.registration.status !== 'confirmed') throw new NotFoundError('Registration');
    const asked = contextFor(request, undefined);
    const lang = asked.langAsked ? asked.lang : found.registration.language;
    const body = await this.registrations.calendarFile(found.webinar, lang, found.registration.timeZone);
    response
      .status(200)
      .type('text/calendar; charset=utf-8')
      .setHeader('Content-Disposition', `attachment; filename="webinar-${found.webinar.session.id}.ics"`)
      .setHeader('Cache-Control', 'private, no-store')
      .send(body);
  }

  /** The personal join link: only a confirmed registrant of a scheduled online webinar goes through. */
  @Get('registration/:token/join')
  async join(@Param('token') token: string, @Res() response: Response): Promise<void> {
    const found = await this.found(token);
    const { session } = found.webinar;
    const joinUrl = session.format !== 'in_person' ? session.onlineMeeting?.joinUrl : undefined;
    if (found.registration.status !== 'confirmed' || session.status !== 'scheduled' || !joinUrl) {
      throw new NotFoundError('Registration');
    }
    response.status(303).setHeader('Cache-Control', 'no-store').setHeader('Location', joinUrl).end();
  }

  private async found(token: string) {
    const found = await this.registrations.personal(token);
    if (!found) throw new NotFoundError('Registration');
    return found;
  }

  private get secure(): boolean {
    return this.config.publicBaseUrl.startsWith('https:');
  }

  private sendForm(
    webinar: OpenWebinar,
    form: RegisterFormState,
    request: Request,
    response: Response,
    status = 200,
  ): void {
    const ctx = contextFor(request, undefined);
    sendPage(
      response,
      <RegisterPage
        ctx={ctx}
        webinar={webinarPageModel(webinar, ctx.lang, ctx.t, undefined)}
        csrfToken={formToken(request, response, this.secure)}
        retentionDays={this.config.registrationRetentionDays ?? 90}
        form={form}
      />,
      status,
    );
  }
}
