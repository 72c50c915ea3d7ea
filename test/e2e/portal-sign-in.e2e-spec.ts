import { jest } from '@jest/globals';
import { PortalLinksService, type SignInLinkToSend } from '../../src/portal/sign-in/portal-links.service.js';
import { browser, personalLink, signIn } from '../support/portal.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('Delegate portal: signing in and out', () => {
  let t: TestApp;
  let committeeId: string;
  let delegate: { id: string; email: string };
  let clientNumber = 0;
  // Every sign-in form post comes from its own client address unless a test says otherwise.
  const nextClient = () => `203.0.113.${++clientNumber}`;

  beforeAll(async () => {
    t = await startTestApp({ publicFormRateLimit: 3, trustProxyHops: 1 });
    const jec = await t.ctx.newBilateralCommittee();
    committeeId = jec.committee.id;
    delegate = (await t.ctx.newParticipant(committeeId, jec.ir.id, { locale: 'en' })) as typeof delegate;
  });
  afterAll(() => t.close());

  const askForLink = (email: string, client = nextClient()) =>
    t.http.post('/signin').set('X-Forwarded-For', client).type('form').send({ email });

  /** What /signin handed to the outbox, observed on the real service. */
  async function linksMadeBy(action: () => Promise<unknown>): Promise<SignInLinkToSend[]> {
    const spy = jest.spyOn(t.app.get(PortalLinksService), 'createOneTimeSignInLinks');
    try {
      await action();
      return (
        await Promise.all(spy.mock.results.map((result) => result.value as Promise<SignInLinkToSend[]>))
      ).flat();
    } finally {
      spy.mockRestore();
    }
  }

  it('issues a personal link once; opening it sets an HttpOnly, SameSite=Lax, Secure cookie', async () => {
    const created = await t.admin
      .post(`/api/v1/participants/${delegate.id}/portal-links`)
      .send({ expiresInDays: 7 })
      .expect(201);
    expect(created.body.url).toMatch(/^https:\/\/quorum\.test\/signin\/qpl_/);
    const days = (Date.parse(created.body.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);
    const listed = await t.admin.get(`/api/v1/participants/${delegate.id}/portal-links`).expect(200);
    expect(listed.body.items.map((item: { id: string }) => item.id)).toContain(created.body.id);
    expect(JSON.stringify(listed.body)).not.toContain('qpl_');

    const opened = await t.http.get(new URL(created.body.url).pathname).expect(303);
    expect(opened.headers.location).toBe('/my');
    const cookie = ([] as string[]).concat(opened.headers['set-cookie'])[0];
    expect(cookie).toMatch(
      /^quorum_session=qps_[\w-]+; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Lax; Secure$/,
    );
    const page = await browser(t, cookie.split(';')[0]).get('/my').expect(200);
    expect(page.text).toContain('Delegate');
    expect(await t.count('portal_sessions')).toBeGreaterThan(0);
  });

  it('lets only the committee’s organizers and admins issue links', async () => {
    const other = await t.ctx.newCommittee();
    const outsider = await t.ctx.organizerToken(other.id);
    const own = await t.ctx.organizerToken(committeeId);
    const delegateToken = await t.ctx.delegateToken(delegate.id);
    const before = await t.count('portal_links');
    await t
      .as(outsider)
      .post(`/api/v1/participants/${delegate.id}/portal-links`)
      .send({ expiresInDays: 7 })
      .expect(404);
    await t
      .as(delegateToken)
      .post(`/api/v1/participants/${delegate.id}/portal-links`)
      .send({ expiresInDays: 7 })
      .expect(403);
    const invalid = await t
      .as(own)
      .post(`/api/v1/participants/${delegate.id}/portal-links`)
      .send({ expiresInDays: 0 })
      .expect(422);
    expect(invalid.body.errors[0].path).toBe('expiresInDays');
    expect(await t.count('portal_links')).toBe(before);
    await t
      .as(own)
      .post(`/api/v1/participants/${delegate.id}/portal-links`)
      .send({ expiresInDays: 1 })
      .expect(201);
  });

  it('revoking a personal link signs out its browsers and stops the link', async () => {
    const url = await personalLink(t, delegate.id);
    const signedIn = await signIn(t, url);
    await signedIn.get('/my').expect(200);
    const [link] = (await t.admin.get(`/api/v1/participants/${delegate.id}/portal-links`)).body.items;
    await t.admin.delete(`/api/v1/participants/${delegate.id}/portal-links/${link.id}`).expect(204);
    const listed = (await t.admin.get(`/api/v1/participants/${delegate.id}/portal-links`)).body.items;
    expect(listed[0].revokedAt).not.toBeNull();
    const after = await signedIn.get('/my').expect(303);
    expect(after.headers.location).toMatch(/^\/signin/);
    await t.http.get(new URL(url).pathname).expect(410);
  });

  it('deleting the participant ends its sessions', async () => {
    const jec = await t.ctx.newBilateralCommittee();
    const leaving = await t.ctx.newParticipant(jec.committee.id, jec.ru.id);
    const signedIn = await signIn(t, await personalLink(t, leaving.id));
    await signedIn.get('/my').expect(200);
    await t.admin.delete(`/api/v1/participants/${leaving.id}`).expect(204);
    await signedIn.get('/my').expect(303);
  });

  it('answers /signin the same whether or not the address is known', async () => {
    const known = await linksMadeBy(() => askForLink(delegate.email.toUpperCase()).expect(200));
    const unknownAnswer = await askForLink('nobody@example.org').expect(200);
    const knownAnswer = await askForLink(delegate.email).expect(200);
    const strip = (html: string) => html.replace(/name="_csrf" value="[^"]*"/g, '');
    expect(strip(unknownAnswer.text)).toBe(strip(knownAnswer.text));
    expect(known).toHaveLength(1);
    expect(known[0].recipient.email).toBe(delegate.email);
    expect(known[0].link).toMatch(/^https:\/\/quorum\.test\/signin\/qsl_/);
    expect(await linksMadeBy(() => askForLink('nobody@example.org').expect(200))).toEqual([]);
  });

  it('a one-time link asks for a click, works once, and not after 15 minutes', async () => {
    const jec = await t.ctx.newBilateralCommittee();
    const asking = (await t.ctx.newParticipant(jec.committee.id, jec.ir.id)) as typeof delegate;
    const [first] = await linksMadeBy(() => askForLink(asking.email).expect(200));
    const path = new URL(first.link).pathname;
    const confirm = await t.http.get(path).expect(200);
    expect(confirm.headers['set-cookie']).toBeUndefined();
    expect(confirm.text).toContain(`action="${path}"`);
    const used = await t.http.post(path).expect(303);
    expect(String(used.headers['set-cookie'])).toContain('HttpOnly');
    const again = await t.http.post(path).expect(410);
    expect(again.headers['set-cookie']).toBeUndefined();
    await t.http.get(path).expect(410);

    const [late] = await linksMadeBy(() => askForLink(asking.email).expect(200));
    const minutes = (late.expiresAt.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14.9);
    expect(minutes).toBeLessThanOrEqual(15);
    await t.db.query(
      `UPDATE portal_links SET expires_at = now() - interval '1 second' WHERE kind = 'one_time' AND used_at IS NULL`,
    );
    await t.http.post(new URL(late.link).pathname).expect(410);
  });

  it('rate-limits /signin per address and per client address', async () => {
    const email = 'limited@example.org';
    for (let attempt = 0; attempt < 3; attempt++) await askForLink(email).expect(200);
    const limited = await askForLink(email).expect(429);
    expect(limited.type).toBe('text/html');
    expect(limited.text).toContain('Too many attempts');

    const client = nextClient();
    for (let attempt = 0; attempt < 3; attempt++)
      await askForLink(`someone${attempt}@example.org`, client).expect(200);
    await askForLink('someone-else@example.org', client).expect(429);
    await askForLink('someone-else@example.org').expect(200);
  });

  it('refuses a bad address with a page naming the problem', async () => {
    const answer = await askForLink('not an address').expect(422);
    expect(answer.type).toBe('text/html');
    expect(answer.text).toContain('valid e-mail address');
  });

  it('signs out only with the form’s CSRF token', async () => {
    const signedIn = await signIn(t, await personalLink(t, delegate.id));
    const refused = await signedIn.post('/signout', { _csrf: 'forged' }).expect(403);
    expect(refused.type).toBe('text/html');
    await signedIn.post('/signout').expect(403);
    await signedIn.get('/my').expect(200);
    const out = await signedIn.post('/signout', { _csrf: await signedIn.csrf() }).expect(200);
    expect(String(out.headers['set-cookie'])).toMatch(/^quorum_session=; Path=\/; Max-Age=0/);
    await signedIn.get('/my').expect(303);
  });
});
