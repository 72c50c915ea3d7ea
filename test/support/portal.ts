import type { TestApp } from './test-app.js';

/** A browser's view of the portal: a cookie jar of one session cookie. */
export interface PortalBrowser {
  cookie: string;
  get(path: string): ReturnType<TestApp['http']['get']>;
  post(path: string, form?: Record<string, string>): ReturnType<TestApp['http']['post']>;
  /** The CSRF token in a page's forms. */
  csrf(path?: string): Promise<string>;
}

/** Issues a personal link through the API, as an organizer would, and returns it. */
export async function personalLink(t: TestApp, participantId: string, expiresInDays = 30): Promise<string> {
  const response = await t.admin
    .post(`/api/v1/participants/${participantId}/portal-links`)
    .send({ expiresInDays });
  if (response.status !== 201) throw new Error(`portal-links answered ${response.status}`);
  return (response.body as { url: string }).url;
}

/** Opens a sign-in link and keeps the session cookie it sets. */
export async function signIn(t: TestApp, url: string): Promise<PortalBrowser> {
  const response = await t.http.get(new URL(url).pathname);
  const setCookie = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  const cookie = setCookie
    .map((line) => line.split(';')[0])
    .find((pair) => pair.startsWith('quorum_session='));
  if (!cookie) throw new Error(`no session cookie after opening the link (status ${response.status})`);
  return browser(t, cookie);
}

export function browser(t: TestApp, cookie: string): PortalBrowser {
  const self: PortalBrowser = {
    cookie,
    get: (path) => t.http.get(path).set('Cookie', cookie),
    post: (path, form) => {
      const request = t.http.post(path).set('Cookie', cookie).type('form');
      return form ? request.send(form) : request;
    },
    async csrf(path = '/my') {
      const page = await self.get(path);
      const match = /name="_csrf" value="([^"]+)"/.exec(page.text);
      if (!match) throw new Error(`no CSRF token on ${path} (status ${page.status})`);
      return match[1];
    },
  };
  return self;
}
