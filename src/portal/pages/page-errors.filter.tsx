import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError } from '../../common/errors/problem.js';
import type { PortalViewer } from '../sign-in/portal-sessions.service.js';
import { MessagePage } from '../views/message-page.js';
import { contextFor, sendPage } from './page-response.js';
import { CsrfRefused, SignInRequired } from './portal-viewer.js';

const logger = new Logger('PortalErrors');

/** Every error on a page answers a page in the reader's language, never problem+json or a stack. */
@Catch()
export class PageErrorsFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    answerWithErrorPage(exception, http.getRequest<Request>(), http.getResponse<Response>());
  }
}

export function answerWithErrorPage(exception: unknown, request: Request, response: Response): void {
  if (response.headersSent) return;
  const ctx = contextFor(request, (request as { portalViewer?: PortalViewer }).portalViewer);
  if (exception instanceof SignInRequired) {
    response
      .status(303)
      .setHeader('Cache-Control', 'no-store')
      .setHeader('Location', `/signin?lang=${ctx.lang}`)
      .end();
    return;
  }
  const status = statusOf(exception);
  if (status >= 500) {
    logger.error(
      { err: exception, requestId: (request as { id?: string }).id, url: request.originalUrl },
      'Page failed',
    );
  }
  const { t } = ctx;
  const [title, text] =
    status === 404
      ? [t.notFoundTitle, t.notFoundText]
      : status === 403
        ? [t.forbiddenTitle, t.forbiddenText]
        : status === 429
          ? [t.tooManyTitle, t.tooManyText]
          : status < 500
            ? [t.badRequestTitle, t.badRequestText]
            : [t.errorTitle, t.errorText];
  sendPage(response, <MessagePage ctx={ctx} title={title} text={text} showSignIn />, status);
}

function statusOf(exception: unknown): number {
  if (exception instanceof CsrfRefused) return 403;
  if (exception instanceof DomainError) return exception.status;
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    // A malformed id in a page address is simply a page that does not exist.
    const code = (exception.getResponse() as { code?: unknown } | undefined)?.code;
    return code === 'invalid-id' ? 404 : status;
  }
  return 500;
}
