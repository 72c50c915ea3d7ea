import { CanActivate, createParamDecorator, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import { readCookie, SESSION_COOKIE } from '../sign-in/portal-cookie.js';
import type { PageContext } from './page-context.js';
import { contextFor } from './page-response.js';
import { PortalSessionsService, type PortalViewer } from '../sign-in/portal-sessions.service.js';

export type PortalRequest = Request & { portalViewer?: PortalViewer };

const READS_VIEWER_ITSELF = 'portal:reads-viewer-itself';

/**
 * The page reads the signed-in delegate in the same statement as its own data (one round trip
 * to the database instead of two), so the guard leaves it to the page.
 */
export const ReadsViewerItself = () => SetMetadata(READS_VIEWER_ITSELF, true);

/** A page that needs a signed-in delegate was asked for without one: the page filter redirects. */
export class SignInRequired extends Error {}

/** A form came without its session's CSRF token: nothing was changed. */
export class CsrfRefused extends Error {}

/** Finds the signed-in delegate (if any) from the session cookie, for every portal route. */
@Injectable()
export class PortalViewerGuard implements CanActivate {
  constructor(
    private readonly sessions: PortalSessionsService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.get<boolean>(READS_VIEWER_ITSELF, context.getHandler())) return true;
    const request = context.switchToHttp().getRequest<PortalRequest>();
    request.portalViewer = await this.sessions.viewer(readCookie(request.headers.cookie, SESSION_COOKIE));
    return true;
  }
}

/** The signed-in delegate; without one the page answers with the sign-in page. */
export const Viewer = createParamDecorator((_data: unknown, context: ExecutionContext): PortalViewer => {
  const viewer = context.switchToHttp().getRequest<PortalRequest>().portalViewer;
  if (!viewer) throw new SignInRequired();
  return viewer;
});

/** The signed-in delegate, or undefined on pages anyone may open. */
export const OptionalViewer = createParamDecorator(
  (_data: unknown, context: ExecutionContext): PortalViewer | undefined =>
    context.switchToHttp().getRequest<PortalRequest>().portalViewer,
);

/** The page's context (its language, path, and the signed-in delegate's name and CSRF token). */
export const Page = createParamDecorator((_data: unknown, context: ExecutionContext): PageContext => {
  const request = context.switchToHttp().getRequest<PortalRequest>();
  return contextFor(request, request.portalViewer);
});

/** Checks a form's `_csrf` field against the session's token before anything changes. */
export function assertCsrf(viewer: PortalViewer, body: unknown): void {
  const sent = (body as { _csrf?: unknown } | undefined)?._csrf;
  if (typeof sent !== 'string') throw new CsrfRefused();
  const expected = Buffer.from(viewer.csrfToken);
  const given = Buffer.from(sent);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw new CsrfRefused();
}
