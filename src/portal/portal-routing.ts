import type { NextFunction, Request, Response } from 'express';
import type { HelmetOptions } from 'helmet';

/**
 * Portal pages live at the root (/my, /sessions/:id …) while the API has the same words under
 * /api/v1. Nest's global prefix cannot tell the two apart by path, so page requests are routed
 * internally under /portal, which only the portal's controllers answer.
 */
export const PORTAL_ROUTE_PREFIX = 'portal';
const NOT_PAGES = /^\/(api|docs|calendar|health|portal)(\/|$)/;

/**
 * Whether the client asked for a page (browsers say text/html when they navigate). An address
 * that is no page answers API clients, which do not, with problem+json as the API does.
 */
export function wantsPage(request: Request): boolean {
  return /text\/html|application\/xhtml\+xml/.test(request.headers.accept ?? '');
}

export function routePagesToPortal(request: Request, _response: Response, next: NextFunction): void {
  if (!NOT_PAGES.test(request.path)) request.url = `/${PORTAL_ROUTE_PREFIX}${request.url}`;
  next();
}

/**
 * A strict Content-Security-Policy: scripts and styles only from the portal's own files (no
 * inline code), no framing by any site, forms only to this site.
 */
export const PORTAL_HELMET_OPTIONS: HelmetOptions = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      fontSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
  frameguard: { action: 'deny' },
};

/** Only the portal's own forms are read as urlencoded bodies; the API takes JSON alone. */
export function isPortalForm(request: { url?: string; headers: Record<string, unknown> }): boolean {
  const type = request.headers['content-type'];
  return (
    (request.url ?? '').startsWith(`/${PORTAL_ROUTE_PREFIX}/`) &&
    typeof type === 'string' &&
    type.toLowerCase().startsWith('application/x-www-form-urlencoded')
  );
}
