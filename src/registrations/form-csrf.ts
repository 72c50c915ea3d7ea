import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import { CsrfRefused } from '../portal/pages/portal-viewer.js';
import { readCookie } from '../portal/sign-in/portal-cookie.js';

/** The double-submit cookie of the public forms, which have no signed-in session to hold a token. */
export const FORM_COOKIE = 'quorum_form';

/**
 * The browser's form token: the cookie's when it has one, else a new one set now. The cookie is
 * HttpOnly and SameSite=Strict, so another site can neither read it nor send it with a post.
 */
export function formToken(request: Request, response: Response, secure: boolean): string {
  const existing = readCookie(request.headers.cookie, FORM_COOKIE);
  if (existing && /^[\w-]{32,64}$/.test(existing)) return existing;
  const token = randomBytes(24).toString('base64url');
  response.append(
    'Set-Cookie',
    [`${FORM_COOKIE}=${token}`, 'Path=/', 'HttpOnly', 'SameSite=Strict', ...(secure ? ['Secure'] : [])].join(
      '; ',
    ),
  );
  return token;
}

/** A post must carry, in `_csrf`, the same token as its cookie; nothing changes otherwise. */
export function assertFormToken(request: Request, body: unknown): void {
  const cookie = readCookie(request.headers.cookie, FORM_COOKIE);
  const sent = (body as { _csrf?: unknown } | undefined)?._csrf;
  if (!cookie || typeof sent !== 'string') throw new CsrfRefused();
  const expected = Buffer.from(cookie);
  const given = Buffer.from(sent);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw new CsrfRefused();
}
