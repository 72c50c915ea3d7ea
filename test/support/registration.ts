import { NoticeWorker } from '../../src/notices/notice-worker.service.js';
import type { SmtpSink } from './smtp-sink.js';
import type { TestApp } from './test-app.js';

type Body = Record<string, unknown>;

/** A published online webinar of a bilateral committee, open for registration now. */
export async function openWebinar(t: TestApp, registration: Body = {}, session: Body = {}) {
  const c = await t.ctx.newBilateralCommittee({ organizerEmail: 'secretariat@jec.example.org' });
  const webinar = await t.ctx.newSession(c.committee.id, {
    title: {
      en: 'Dairy exports to Russia',
      fa: 'صادرات لبنیات به روسیه',
      ru: 'Экспорт молочной продукции в Россию',
    },
    description: {
      en: 'For producers and traders',
      fa: 'برای تولیدکنندگان و بازرگانان',
      ru: 'Для производителей и трейдеров',
    },
    kind: 'webinar',
    format: 'online',
    onlineMeeting: { joinUrl: 'https://meet.example.org/dairy', provider: 'jitsi', accessCode: '4711' },
    timeZone: 'Asia/Tehran',
    start: '2027-02-10T11:30',
    durationMinutes: 90,
    ...session,
  });
  await t.ctx.publish(webinar.id);
  const settings = await t.admin.put(`/api/v1/sessions/${webinar.id}/registration`).send({
    opensAt: new Date(Date.now() - 3_600_000).toISOString(),
    closesAt: '2027-02-10T06:00:00Z',
    capacity: 3,
    approval: 'auto',
    ...registration,
  });
  if (settings.status !== 200) throw new Error(`registration answered ${settings.status}: ${settings.text}`);
  return { ...c, webinar };
}

/** A browser on the public form: its form cookie and the token of the page's form. */
export async function formBrowser(t: TestApp, path: string) {
  const page = await t.http.get(path).set('Accept', 'text/html');
  const cookie = ([] as string[])
    .concat(page.headers['set-cookie'] ?? [])
    .map((line) => line.split(';')[0])
    .find((pair) => pair.startsWith('quorum_form='));
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)?.[1];
  if (!cookie || !csrf) throw new Error(`no form token on ${path} (status ${page.status})`);
  return {
    cookie,
    csrf,
    page,
    post: (target: string, form: Record<string, string>, client = '198.51.100.1') =>
      t.http
        .post(target)
        .set('Cookie', cookie)
        .set('X-Forwarded-For', client)
        .type('form')
        .send({ _csrf: csrf, ...form }),
  };
}

let people = 0;

/** Registers one person through the public form, as their browser would. */
export async function register(t: TestApp, sessionId: string, person: Partial<Record<string, string>> = {}) {
  const browser = await formBrowser(t, `/register/${sessionId}`);
  const n = ++people;
  const form = {
    name: `Registrant ${n}`,
    email: `registrant-${n}-${Date.now()}@example.org`,
    organization: 'Dairy Co',
    country: 'RU',
    language: 'en',
    consent: 'yes',
    ...person,
  } as Record<string, string>;
  const answer = await browser.post(`/register/${sessionId}`, form, `198.51.100.${(n % 250) + 1}`);
  return { answer, email: form.email, browser };
}

export async function deliver(t: TestApp, at?: Date): Promise<void> {
  const worker = t.app.get(NoticeWorker);
  while ((await worker.runOnce(at)) > 0);
}

/** The path of the personal link in the last mail to `email`. */
export async function personalPath(sink: SmtpSink, email: string): Promise<string> {
  const mails = await sink.to(email);
  const link = /https:\/\/quorum\.test(\/registration\/qrg_[\w-]+)/.exec(mails.at(-1)?.text ?? '')?.[1];
  if (!link) throw new Error(`no personal link mailed to ${email}`);
  return link;
}

/** Confirms the address from the personal page, as the registrant's click would. */
export async function confirmAddress(t: TestApp, path: string) {
  const browser = await formBrowser(t, path);
  return browser.post(`${path}/confirm`, {});
}
