import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { useMailApp } from '../support/mail-app.js';
import { browser } from '../support/portal.js';
import { calendarPart, type SmtpSink } from '../support/smtp-sink.js';
import type { TestApp } from '../support/test-app.js';

/** The portal by e-mail: sign-in links and the personal links in invitations, through a real SMTP server. */
describe('Delegate portal by e-mail', () => {
  const mailApp = useMailApp({ trustProxyHops: 1, noticeDelaySeconds: 60 });
  let t: TestApp;
  let sink: SmtpSink;
  beforeAll(() => ({ t, sink } = mailApp));
  let clientNumber = 0;
  const nextClient = () => `198.51.100.${++clientNumber}`;

  const askForLink = (email: string) =>
    t.http.post('/signin').set('X-Forwarded-For', nextClient()).type('form').send({ email });
  /** What the worker sends now: sign-in links are due at once, not after NOTICE_DELAY_SECONDS. */
  const deliverNow = () => mailApp.deliver();
  const deliverLater = () => mailApp.deliver(new Date(Date.now() + 120_000));
  /** The path and query of the only link in a text that points at the portal's sign-in. */
  function signInPath(text: string): string {
    const links = text.match(/https:\/\/quorum\.test\/signin\/[^\s"<]+/g) ?? [];
    expect(new Set(links).size).toBe(1);
    const url = new URL(links[0] ?? '');
    return `${url.pathname}${url.search}`;
  }

  async function delegate(locale: string) {
    const c = await t.ctx.newBilateralCommittee({ name: { en: 'JEC', ru: 'СЭК', fa: 'کمیسیون مشترک' } });
    const person = (await t.ctx.newParticipant(c.committee.id, locale === 'fa' ? c.ir.id : c.ru.id, {
      locale,
    })) as { id: string; email: string };
    return { ...c, person };
  }

  it('mails a one-time link in the delegate’s language that signs in once, within 15 minutes', async () => {
    const { person } = await delegate('ru');
    await askForLink(person.email).expect(200);
    await deliverNow();
    const [mail] = await sink.to(person.email);
    expect(mail.subject).toBe('Ссылка для входа: СЭК');
    expect(mail.attachments).toEqual([]);
    expect(mail.text).toContain('Откройте эту ссылку, чтобы войти на портал делегата.');
    expect(mail.text).toMatch(/Ссылка действует один раз, до .+\d{2}:\d{2} \(Москва\)\./);
    expect(mail.html).toContain('<html lang="ru" dir="ltr">');
    const path = signInPath(mail.text as string);
    expect(signInPath(mail.html as string)).toBe(path);

    const confirm = await t.http.get(path).expect(200);
    expect(confirm.headers['set-cookie']).toBeUndefined();
    const signedIn = await t.http.post(path).expect(303);
    expect(signedIn.headers.location).toBe('/my');
    const cookie = ([] as string[]).concat(signedIn.headers['set-cookie'])[0].split(';')[0];
    const my = await browser(t, cookie).get('/my').expect(200);
    expect(my.text).toContain('<html lang="ru"');
    await t.http.post(path).expect(410);
    await t.http.get(path).expect(410);
  });

  it('refuses a mailed link once its 15 minutes are over', async () => {
    const { person } = await delegate('fa');
    await askForLink(person.email).expect(200);
    await deliverNow();
    const [mail] = await sink.to(person.email);
    expect(mail.subject).toBe('پیوند ورود شما: کمیسیون مشترک');
    expect(mail.html).toContain('<html lang="fa" dir="rtl">');
    expect(mail.text).toContain('(تهران)');
    const path = signInPath(mail.text as string);
    await t.db.query(
      `UPDATE portal_links SET expires_at = now() - interval '1 second'
        WHERE participant_id = $1 AND kind = 'one_time'`,
      [person.id],
    );
    await t.http.get(path).expect(410);
    await t.http.post(path).expect(410);
  });

  it('mails nothing for an unknown address and answers the same', async () => {
    const { person } = await delegate('en');
    const known = await askForLink(person.email).expect(200);
    const unknown = await askForLink('nobody-at-all@example.org').expect(200);
    const strip = (html: string) => html.replace(/name="_csrf" value="[^"]*"/g, '');
    expect(strip(unknown.text)).toBe(strip(known.text));
    await deliverNow();
    expect(await sink.to('nobody-at-all@example.org')).toEqual([]);
    expect(await sink.to(person.email)).toHaveLength(1);
  });

  it('puts a personal link to the session’s page in invitations and updates, good until a week after it ends', async () => {
    const { committee, person } = await delegate('en');
    const start = `${DateTime.utc().plus({ days: 20 }).toISODate()}T10:00`;
    const session = await t.ctx.newSession(committee.id, { start });
    await t.ctx.invite(session.id, person.id);
    await t.ctx.publish(session.id);
    await deliverLater();
    const [invitation] = await sink.to(person.email);
    expect(invitation.subject).toBe('Invitation: Plenary session');
    expect(invitation.text).toContain('Your page for this session');
    const path = signInPath(invitation.text as string);
    expect(path).toContain(`next=%2Fsessions%2F${session.id}`);

    const opened = await t.http.get(path).expect(303);
    expect(opened.headers.location).toBe(`/sessions/${session.id}`);
    const cookie = ([] as string[]).concat(opened.headers['set-cookie'])[0];
    const api = (await t.admin.get(`/api/v1/sessions/${session.id}`).expect(200)).body;
    const maxAge = Number(/Max-Age=(\d+)/.exec(cookie)![1]);
    expect(maxAge).toBeGreaterThan(13 * 86_400); // a browser stays signed in its usual 14 days
    const page = await browser(t, cookie.split(';')[0]).get(`/sessions/${session.id}`).expect(200);
    expect(page.text).toContain('Plenary session');
    // Opening it again works too: it is a personal link, not a one-time one.
    await t.http.get(path).expect(303);
    const [link] = await t.db.query<Array<{ expires_at: Date }>>(
      `SELECT expires_at FROM portal_links WHERE participant_id = $1 AND kind = 'mail'`,
      [person.id],
    );
    expect(link.expires_at.getTime()).toBe(Date.parse(api.endsAt) + 7 * 86_400_000);
    // Organizers' own list of personal links is not cluttered by the ones made for e-mails.
    const listed = await t.admin.get(`/api/v1/participants/${person.id}/portal-links`).expect(200);
    expect(listed.body.items).toEqual([]);

    await t.admin
      .patch(`/api/v1/sessions/${session.id}`)
      .send({ location: { en: 'Tehran' } })
      .expect(200);
    await deliverLater();
    const [, update] = await sink.to(person.email);
    expect(update.subject).toBe('Updated: Plenary session');
    const updatePath = signInPath(update.text as string);
    expect(updatePath).not.toBe(path);
    await t.http.get(updatePath).expect(303);

    // The calendar part links the session's page itself, which asks who you are.
    const vevent = new ICAL.Component(ICAL.parse(calendarPart(update))).getFirstSubcomponent('vevent')!;
    expect(vevent.getFirstPropertyValue('url')).toBe(`https://quorum.test/sessions/${session.id}`);
  });

  it('leaves the personal link out of cancellations and ignores a link that lands elsewhere', async () => {
    const { committee, person } = await delegate('en');
    const session = await t.ctx.newSession(committee.id);
    await t.ctx.invite(session.id, person.id);
    await t.ctx.publish(session.id);
    await deliverLater();
    await t.admin.post(`/api/v1/sessions/${session.id}/cancel`).send({ reason: 'Moved' }).expect(200);
    await deliverLater();
    const [invitation, cancellation] = await sink.to(person.email);
    expect(cancellation.subject).toBe('Cancelled: Plenary session');
    expect(cancellation.text).not.toContain('/signin/');
    const path = signInPath(invitation.text as string).replace(/next=.*/, 'next=https%3A%2F%2Fevil.example');
    const opened = await t.http.get(path).expect(303);
    expect(opened.headers.location).toBe('/my');
  });
});
