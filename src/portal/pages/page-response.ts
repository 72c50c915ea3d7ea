import type { Request, Response } from 'express';
import type { JSX } from 'preact';
import { resolveText } from '../../common/i18n/localized-text.js';
import { choosePortalLanguage } from '../i18n/messages.js';
import type { PortalViewer } from '../sign-in/portal-sessions.service.js';
import { renderDocument } from '../views/render.js';
import { pageContext, type PageContext } from './page-context.js';

/** The page's language and context: ?lang=, else the delegate's locale, else the browser's. */
export function contextFor(request: Request, viewer: PortalViewer | undefined): PageContext {
  const asked = request.query.lang;
  const lang = choosePortalLanguage(asked, viewer?.locale, request.headers['accept-language']);
  const path = request.originalUrl.split('?')[0];
  return pageContext(
    lang,
    path,
    typeof asked === 'string' && asked.toLowerCase().startsWith(lang),
    viewer && { name: resolveText(viewer.fullName, lang) ?? '', csrfToken: viewer.csrfToken },
  );
}

/** Sends a page; personal pages are never kept by shared caches, nor by the browser's history cache. */
export function sendPage(response: Response, page: JSX.Element, status = 200): void {
  response
    .status(status)
    .type('text/html; charset=utf-8')
    .setHeader('Cache-Control', 'private, no-store')
    .send(renderDocument(page));
}

/** After a form: back to a page with GET (303), keeping the language. */
export function redirectAfterPost(response: Response, context: PageContext, path: string): void {
  const target = context.langAsked ? `${path}?lang=${context.lang}` : path;
  response.status(303).setHeader('Cache-Control', 'no-store').setHeader('Location', target).end();
}
