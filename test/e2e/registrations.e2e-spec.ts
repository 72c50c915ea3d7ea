import { RegistrationsService } from '../../src/registrations/registrations.service.js';
import { parseCalendar } from '../support/ical.js';
import { calendarPart, SmtpSink } from '../support/smtp-sink.js';
import {
  confirmAddress,
  deliver,
  formBrowser,
  openWebinar,
  personalPath,
  register,
} from '../support/registration.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const DAY_MS = 86_400_000;

describe('Webinar registration', () => {
  let t: TestApp;
  const sink = new SmtpSink();

  beforeAll(async () => {
    await sink.start();
    t = await startTestApp({ smtpUrl: sink.url, publicFormRateLimit: 1000, trustProxyHops: 1 });
  });
  afterAll(async () => {
    await t.close();
    await sink.stop();
  });

  /** Registers and confirms one person; answers their personal page's path. */
  async function registered(sessionId: string, person: Record<string, string> = {}) {
    const { email } = await register(t, sessionId, person);
    await deliver(t);
    const path = await personalPath(sink, email);
    expect((await confirmAddress(t, path)).status).toBe(303);
    return { email, path };
  }

  const registrations = async (sessionId: string, query = '') =>
    (await t.admin.get(`/api/v1/sessions/${sessionId}/registrations${query}`).expect(200)).body as {
      items: Array<{ id: string; email: string; status: string; queuePosition: number | null }>;
      nextCursor: string | null;
    };

  it('takes a registration, mails the link, and counts it once the address is confirmed', async () => {
    const { webinar } = await openWebinar(t);
    const form = await t.http.get(`/register/${webinar.id}?lang=fa`).set('Accept', 'text/html').expect(200);
    expect(form.text).toContain('<html lang="fa" dir="rtl">');
    expect(form.text).toContain('صادرات لبنیات به روسیه');
    expect(form.text).toContain('برای تولیدکنندگان و بازرگانان');
    // 11:30 in Tehran is 11:00 in Moscow; Persian digits for a Persian reader.
    expect(form.text).toMatch(
      /تهران<\/bdi>: <bdi dir="ltr"><time datetime="2027-02-10T11:30:00\+03:30">۱۱:۳۰/,
    );
    expect(form.text).toMatch(
      /مسکو<\/bdi>: <bdi dir="ltr"><time datetime="2027-02-10T11:00:00\+03:00">۱۱:۰۰/,
    );
    expect(form.headers['content-security-policy']).toContain("script-src 'self'");

    const { answer, email } = await register(t, webinar.id, { language: 'ru' });
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('If the address can register');
    await deliver(t);
    const [linkMail] = await sink.to(email);
    expect(linkMail.subject).toBe('Подтвердите регистрацию: Экспорт молочной продукции в Россию');
    expect(linkMail.attachments).toHaveLength(0);
    const path = await personalPath(sink, email);
    expect((await registrations(webinar.id)).items).toEqual([
      expect.objectContaining({ email, status: 'pending', queuePosition: null }),
    ]);

    const unconfirmed = await t.http.get(path).expect(200);
    expect(unconfirmed.text).toContain('Ожидает подтверждения');
    expect(unconfirmed.text).toContain('Подтвердить регистрацию');
    expect((await confirmAddress(t, path)).status).toBe(303);
    const page = await t.http.get(path).expect(200);
    expect(page.text).toContain('<html lang="ru" dir="ltr">');
    expect(page.text).toContain('Подтверждена: место за вами');
    expect(page.text).toContain(`href="${path}/join"`);
    // The personal link never leaks to the meeting's site as a Referer, nor into a shared cache.
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['cache-control']).toBe('private, no-store');
    await deliver(t);
    const mails = await sink.to(email);
    expect(mails).toHaveLength(2);
    const confirmation = mails[1];
    expect(confirmation.subject).toBe('Регистрация подтверждена: Экспорт молочной продукции в Россию');
    expect(confirmation.raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
    // Moscow first for a registrant from Russia, then Tehran.
    expect(confirmation.text).toContain('среда, 10 февраля 2027 г., 11:00–12:30 (Москва)');
    expect(confirmation.text).toContain('11:30–13:00 (Тегеран)');
    expect(confirmation.text).toContain(`https://quorum.test${path}/join`);
    expect(confirmation.text).not.toContain('https://meet.example.org/dairy');
    const calendar = calendarPart(confirmation);
    expect(calendar).toMatch(/^METHOD:REQUEST\r$/m);
    expect(calendar).toContain('PARTSTAT=ACCEPTED');
    expect(calendar.replace(/\r\n /g, '')).toContain(`ATTENDEE;`);
    const [event] = parseCalendar(calendar).events;
    expect(event.uid).toBe(webinar.id);
    expect(event.start).toBe('2027-02-10T08:00:00.000Z');

    // The personal join link goes to the meeting; the .ics is the same event.
    const join = await t.http.get(`${path}/join`).expect(303);
    expect(join.headers.location).toBe('https://meet.example.org/dairy');
    const ics = await t.http.get(`${path}/webinar.ics`).expect(200);
    expect(ics.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(parseCalendar(ics.text).events[0].uid).toBe(webinar.id);
    // A reminder waits for the registrant like for an invitee.
    const [reminder] = await t.db.query<Array<{ due_at: Date }>>(
      `SELECT n.due_at FROM notices n JOIN registrations r ON r.id = n.registration_id
        WHERE r.email = $1 AND n.kind = 'reminder' AND n.status = 'pending'`,
      [email],
    );
    expect(reminder.due_at.toISOString()).toBe('2027-02-09T08:00:00.000Z');
    await deliver(t, new Date('2027-02-09T08:00:01Z'));
    const reminderMail = (await sink.to(email)).at(-1)!;
    expect(reminderMail.subject).toBe('Напоминание: Экспорт молочной продукции в Россию');
    expect(reminderMail.text).toContain('Скоро начнётся вебинар.');
    expect(reminderMail.text).toContain(`https://quorum.test${path}/join`);
  });

  it('answers the same whether or not the address is registered, and keeps one registration per address', async () => {
    const { webinar } = await openWebinar(t);
    const first = await register(t, webinar.id, { email: 'Trader@Example.org' });
    const again = await register(t, webinar.id, { email: 'trader@example.org', name: 'Someone else' });
    const strip = (text: string) => text.replace(/name="_csrf" value="[^"]+"/g, '');
    expect(again.answer.status).toBe(first.answer.status);
    expect(strip(again.answer.text)).toBe(strip(first.answer.text));
    const listed = await registrations(webinar.id);
    expect(listed.items).toHaveLength(1);
    expect(listed.items[0]).toEqual(expect.objectContaining({ email: 'Trader@Example.org' }));
    expect((listed.items[0] as unknown as { name: string }).name).not.toBe('Someone else');
    await deliver(t);
    // The owner of the address gets their link (once: the repeat replaced the unsent first one).
    const toTrader = sink.received.filter((mail) =>
      mail.envelopeTo.some((to) => /^trader@example\.org$/i.test(to)),
    );
    expect(toTrader).toHaveLength(1);
  });

  it('refuses a bad form with a page naming each field, and a post without its form token', async () => {
    const { webinar } = await openWebinar(t, { allowedEmailDomains: ['example.ir', 'example.ru'] });
    const browser = await formBrowser(t, `/register/${webinar.id}?lang=en`);
    const before = await t.count('registrations');
    const bad = await browser.post(`/register/${webinar.id}?lang=en`, {
      name: '',
      email: 'someone@gmail.com',
      country: 'XX1',
      language: 'de',
    });
    expect(bad.status).toBe(422);
    expect(bad.headers['content-type']).toMatch(/^text\/html/);
    for (const field of ['name', 'email', 'country', 'language', 'consent']) {
      expect(bad.text).toContain(`id="${field}-problem"`);
    }
    expect(bad.text).toContain('Enter an e-mail address that may register for this webinar.');
    expect(bad.text).toContain('value="someone@gmail.com"');
    const forged = await t.http
      .post(`/register/${webinar.id}`)
      .type('form')
      .send({ name: 'A', email: 'a@example.ir', country: 'IR', language: 'fa', consent: 'yes' });
    expect(forged.status).toBe(403);
    expect(forged.text).toContain('The form has expired');
    expect(await t.count('registrations')).toBe(before);
    const allowed = await browser.post(`/register/${webinar.id}`, {
      name: 'مریم احمدی',
      email: 'maryam@example.ir',
      organization: 'شرکت لبنیات',
      country: 'IR',
      language: 'fa',
      consent: 'yes',
    });
    expect(allowed.status).toBe(200);
    expect(await t.count('registrations')).toBe(before + 1);
  });

  it('shows a closed form outside the window and a 404 page for a session that takes no registrations', async () => {
    const { webinar } = await openWebinar(t, {
      opensAt: '2027-01-01T00:00:00Z',
      closesAt: '2027-02-01T00:00:00Z',
    });
    const early = await t.http.get(`/register/${webinar.id}?lang=en`).set('Accept', 'text/html').expect(200);
    expect(early.text).toContain('Registration opens on');
    expect(early.text).not.toContain('name="email"');
    // A post anyway (a page left open): the form cookie the page set is its token.
    const cookie = ([] as string[]).concat(early.headers['set-cookie'])[0].split(';')[0];
    const posted = await t.http
      .post(`/register/${webinar.id}`)
      .set('Cookie', cookie)
      .type('form')
      .send({
        _csrf: cookie.split('=')[1],
        name: 'A',
        email: 'a@example.org',
        country: 'RU',
        language: 'ru',
        consent: 'yes',
      });
    expect(posted.status).toBe(409);
    const c = await t.ctx.newCommittee();
    const plenary = await t.ctx.newSession(c.id);
    const none = await t.http.get(`/register/${plenary.id}`).set('Accept', 'text/html').expect(404);
    expect(none.text).toContain('Page not found');
    await t.http
      .get('/registration/qrg_not-a-real-link-at-all-000000')
      .set('Accept', 'text/html')
      .expect(404);
    const malformed = await t.http.get('/register/not-a-uuid').set('Accept', 'text/html').expect(404);
    expect(malformed.headers['content-type']).toMatch(/^text\/html/);
  });

  it('never exceeds the capacity when ten confirm at once: three confirmed, seven waitlisted in order', async () => {
    if (!t.config.databaseUrl) {
      console.log(
        'Registration race: the embedded database has one connection, so these confirmations are serialized there; with DATABASE_URL they run truly at once.',
      );
    }
    const { webinar } = await openWebinar(t, { capacity: 3 });
    const people = [];
    for (let index = 0; index < 10; index++) {
      const { email } = await register(t, webinar.id, { language: index % 2 ? 'fa' : 'ru' });
      people.push(email);
    }
    await deliver(t);
    const paths = await Promise.all(people.map((email) => personalPath(sink, email)));
    const browsers = await Promise.all(paths.map((path) => formBrowser(t, path)));
    const answers = await Promise.all(
      browsers.map((browser, index) => browser.post(`${paths[index]}/confirm`, {})),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(10).fill(303));

    const all = (await registrations(webinar.id)).items;
    const confirmed = all.filter((r) => r.status === 'confirmed');
    const waitlisted = all
      .filter((r) => r.status === 'waitlisted')
      .sort((a, b) => a.queuePosition! - b.queuePosition!);
    expect(confirmed).toHaveLength(3);
    expect(waitlisted).toHaveLength(7);
    // In order of arrival: every seat went to someone who confirmed before all of the waitlist.
    const positions = all.map((r) => r.queuePosition).sort((a, b) => a! - b!);
    expect(positions).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(Math.max(...confirmed.map((r) => r.queuePosition!))).toBe(3);
    const settings = await t.admin.get(`/api/v1/sessions/${webinar.id}/registration`).expect(200);
    expect(settings.body.counts).toEqual(
      expect.objectContaining({ confirmed: 3, waitlisted: 7, pending: 0 }),
    );

    await deliver(t);
    // Every registrant's mail is in their language; the seated ones carry the calendar REQUEST.
    for (const person of confirmed) {
      const mail = (await sink.to(person.email)).at(-1)!;
      expect(mail.subject).toMatch(/^(Регистрация подтверждена|ثبت‌نام تأیید شد): /);
      expect(calendarPart(mail)).toContain('METHOD:REQUEST');
    }
    for (const person of waitlisted) {
      const mails = await sink.to(person.email);
      expect(mails.at(-1)!.attachments.some((a) => a.contentType === 'text/calendar')).toBe(false);
      expect(mails.at(-1)!.subject).toMatch(/^(Вы в листе ожидания|شما در فهرست انتظار هستید): /);
    }

    // One cancellation frees a seat: the first on the waitlist gets it and is mailed.
    const leaving = confirmed[0];
    const leavingPath = paths[people.indexOf(leaving.email)];
    const cancelBrowser = await formBrowser(t, leavingPath);
    expect((await cancelBrowser.post(`${leavingPath}/cancel`, {})).status).toBe(303);
    expect((await t.http.get(leavingPath)).text).toMatch(/Отменена|لغوشده/);
    const after = (await registrations(webinar.id)).items;
    const first = after.find((r) => r.id === waitlisted[0].id)!;
    expect(first.status).toBe('confirmed');
    expect(after.filter((r) => r.status === 'confirmed')).toHaveLength(3);
    expect(after.filter((r) => r.status === 'waitlisted')).toHaveLength(6);
    await deliver(t);
    const promotedMail = (await sink.to(first.email)).at(-1)!;
    expect(promotedMail.subject).toMatch(/^(Регистрация подтверждена|ثبت‌نام تأیید شد): /);
    expect(calendarPart(promotedMail)).toContain('METHOD:REQUEST');
    const cancelMail = (await sink.to(leaving.email)).at(-1)!;
    expect(calendarPart(cancelMail)).toContain('METHOD:CANCEL');
  });

  it('tells confirmed registrants when the webinar moves and when it is cancelled, in their language', async () => {
    const { webinar } = await openWebinar(t);
    const fa = await registered(webinar.id, { language: 'fa', country: 'IR' });
    const en = await registered(webinar.id, { language: 'en', country: 'DE' });
    await deliver(t);
    await t.admin.patch(`/api/v1/sessions/${webinar.id}`).send({ start: '2027-02-11T11:30' }).expect(200);
    await deliver(t, new Date(Date.now() + 120_000));
    const moved = (await sink.to(fa.email)).at(-1)!;
    expect(moved.subject).toBe('وبینار تغییر کرد: صادرات لبنیات به روسیه');
    expect(moved.html).toContain('dir="rtl"');
    const [event] = parseCalendar(calendarPart(moved)).events;
    expect(event.start).toBe('2027-02-11T08:00:00.000Z');
    expect(calendarPart(moved)).toContain('METHOD:REQUEST');
    expect((await sink.to(en.email)).at(-1)!.subject).toBe('Webinar updated: Dairy exports to Russia');

    await t.admin.post(`/api/v1/sessions/${webinar.id}/cancel`).send({ reason: 'Postponed' }).expect(200);
    await deliver(t, new Date(Date.now() + 120_000));
    const cancelled = (await sink.to(en.email)).at(-1)!;
    expect(cancelled.subject).toBe('Webinar cancelled: Dairy exports to Russia');
    expect(calendarPart(cancelled)).toContain('METHOD:CANCEL');
    const page = await t.http.get(`${en.path}?lang=en`).expect(200);
    expect(page.text).toContain('This session is cancelled.');
    await t.http.get(`${en.path}/join`).expect(404);
  });

  it('lets organizers approve, reject and promote; refuses what the state does not allow', async () => {
    const { webinar } = await openWebinar(t, { approval: 'manual', capacity: 1 });
    const a = await registered(webinar.id);
    const b = await registered(webinar.id);
    const c = await registered(webinar.id);
    expect((await t.http.get(`${a.path}?lang=en`)).text).toContain('Waiting for the organizers’ approval');
    const byEmail = async (email: string) =>
      (await registrations(webinar.id)).items.find((r) => r.email === email)!;
    const base = `/api/v1/sessions/${webinar.id}/registrations`;
    const approvedA = await t.admin.post(`${base}/${(await byEmail(a.email)).id}/approve`).expect(200);
    expect(approvedA.body.status).toBe('confirmed');
    const approvedB = await t.admin.post(`${base}/${(await byEmail(b.email)).id}/approve`).expect(200);
    expect(approvedB.body.status).toBe('waitlisted');
    const full = await t.admin.post(`${base}/${approvedB.body.id}/promote`).expect(409);
    expect(full.headers['content-type']).toMatch(/^application\/problem\+json/);
    await t.admin.post(`${base}/${approvedA.body.id}/approve`).expect(409);
    const rejected = await t.admin.post(`${base}/${(await byEmail(c.email)).id}/reject`).expect(200);
    expect(rejected.body.status).toBe('rejected');
    // Raising the capacity gives the new seat to the waitlist; promoting then needs no free seat.
    await t.admin
      .put(`/api/v1/sessions/${webinar.id}/registration`)
      .send({
        opensAt: '2026-01-01T00:00:00Z',
        closesAt: '2027-02-10T06:00:00Z',
        capacity: 2,
        approval: 'manual',
      })
      .expect(200);
    expect((await byEmail(b.email)).status).toBe('confirmed');
    await deliver(t);
    expect((await sink.to(c.email)).map((mail) => mail.subject)).toContain(
      'Registration declined: Dairy exports to Russia',
    );
    // A rejected address answers the same on the form and gets nothing more.
    const mailsBefore = (await sink.to(c.email)).length;
    const again = await register(t, webinar.id, { email: c.email });
    expect(again.answer.status).toBe(200);
    await deliver(t);
    expect(await sink.to(c.email)).toHaveLength(mailsBefore);
  });

  it('never drops confirmed registrants: lowering the capacity below them is refused and changes nothing', async () => {
    const { webinar } = await openWebinar(t, { capacity: 2 });
    await registered(webinar.id);
    await registered(webinar.id);
    const refused = await t.admin
      .put(`/api/v1/sessions/${webinar.id}/registration`)
      .send({
        opensAt: '2026-01-01T00:00:00Z',
        closesAt: '2027-02-10T06:00:00Z',
        capacity: 1,
        approval: 'auto',
      })
      .expect(409);
    expect(refused.body.errors).toEqual([expect.objectContaining({ path: 'capacity' })]);
    const settings = await t.admin.get(`/api/v1/sessions/${webinar.id}/registration`).expect(200);
    expect(settings.body.capacity).toBe(2);
    expect(settings.body.counts.confirmed).toBe(2);
    // Closing registration keeps everyone confirmed.
    await t.admin
      .put(`/api/v1/sessions/${webinar.id}/registration`)
      .send({
        opensAt: '2026-01-01T00:00:00Z',
        closesAt: '2026-06-01T00:00:00Z',
        capacity: 2,
        approval: 'auto',
      })
      .expect(200);
    expect((await registrations(webinar.id, '?status=confirmed')).items).toHaveLength(2);
  });

  it('checks who may open and read registrations, and what they send', async () => {
    const { committee, ir, webinar } = await openWebinar(t);
    const plenary = await t.ctx.newSession(committee.id);
    const body = {
      opensAt: '2026-01-01T00:00:00Z',
      closesAt: '2027-01-01T00:00:00Z',
      capacity: 10,
      approval: 'auto',
    };
    const notWebinar = await t.admin
      .put(`/api/v1/sessions/${plenary.id}/registration`)
      .send(body)
      .expect(409);
    expect(notWebinar.body.errors).toEqual([expect.objectContaining({ path: 'kind' })]);
    const invalid = await t.admin
      .put(`/api/v1/sessions/${webinar.id}/registration`)
      .send({ ...body, capacity: 0, approval: 'sometimes', allowedEmailDomains: ['not a domain'] })
      .expect(422);
    const paths = (invalid.body.errors as Array<{ path: string }>).map((error) => error.path).sort();
    expect(paths).toEqual(['allowedEmailDomains', 'approval', 'capacity']);
    await t.admin
      .put(`/api/v1/sessions/${webinar.id}/registration`)
      .send({ ...body, opensAt: '2027-01-01T00:00:00Z', closesAt: '2026-01-01T00:00:00Z' })
      .expect(422);

    const delegate = await t.ctx.newParticipant(committee.id, ir.id);
    const delegateToken = await t.ctx.delegateToken(delegate.id);
    const other = await t.ctx.organizerToken((await t.ctx.newCommittee()).id);
    const own = await t.ctx.organizerToken(committee.id);
    for (const token of [delegateToken, other]) {
      await t.as(token).get(`/api/v1/sessions/${webinar.id}/registrations`).expect(404);
      await t.as(token).get(`/api/v1/sessions/${webinar.id}/registrations/export.csv`).expect(404);
      await t.as(token).put(`/api/v1/sessions/${webinar.id}/registration`).send(body).expect(404);
    }
    await t.as(own).get(`/api/v1/sessions/${webinar.id}/registrations`).expect(200);
    await t.admin.get(`/api/v1/sessions/${webinar.id}/registrations?status=unknown`).expect(422);
    await t.admin.get(`/api/v1/sessions/${webinar.id}/registrations?cursor=nonsense`).expect(422);
  });

  it('pages registrants with a cursor and filters them by status', async () => {
    const { webinar } = await openWebinar(t, { capacity: 10 });
    for (let index = 0; index < 3; index++) await register(t, webinar.id);
    await registered(webinar.id);
    const first = await registrations(webinar.id, '?limit=2');
    expect(first.items).toHaveLength(2);
    const second = await registrations(webinar.id, `?limit=2&cursor=${first.nextCursor}`);
    expect(second.items).toHaveLength(2);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.items, ...second.items].map((r) => r.id)).size).toBe(4);
    expect((await registrations(webinar.id, '?status=confirmed')).items).toHaveLength(1);
    expect((await registrations(webinar.id, '?status=pending')).items).toHaveLength(3);
  });

  it('exports registrants as CSV that Excel opens with Persian and Russian text', async () => {
    const { webinar } = await openWebinar(t, { capacity: 10 });
    await register(t, webinar.id, {
      name: 'مریم احمدی',
      email: 'maryam@example.ir',
      organization: 'شرکت لبنیات پگاه',
      country: 'IR',
      language: 'fa',
    });
    await register(t, webinar.id, {
      name: 'Мария Иванова',
      email: 'maria@example.ru',
      organization: 'АО "Молоко", Вологда',
      country: 'RU',
      language: 'ru',
    });
    await register(t, webinar.id, { name: '=HYPERLINK("x")', email: 'formula@example.org' });
    const csv = await t.admin
      .get(`/api/v1/sessions/${webinar.id}/registrations/export.csv`)
      .buffer(true)
      .parse((response, callback) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => callback(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="registrations-/);
    const bytes = csv.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'id,status,name,email,organization,country,language,registeredAt,addressConfirmedAt,queuePosition',
    );
    expect(lines[1]).toMatch(/,pending,مریم احمدی,maryam@example\.ir,شرکت لبنیات پگاه,IR,fa,/);
    expect(lines[2]).toMatch(/,pending,Мария Иванова,maria@example\.ru,"АО ""Молоко"", Вологда",RU,ru,/);
    expect(lines[3]).toContain(`,"'=HYPERLINK(""x"")",`);
    expect(lines.at(-1)).toBe('');
  });

  it('erases a registration whose address was never confirmed after the retention period', async () => {
    const { webinar } = await openWebinar(t);
    const { email } = await register(t, webinar.id, { email: 'never.confirmed@example.org' });
    const service = t.app.get(RegistrationsService);
    expect(await service.purge(new Date(Date.now() + 89 * DAY_MS))).toBe(0);
    expect(await service.purge(new Date(Date.now() + 91 * DAY_MS))).toBeGreaterThanOrEqual(1);
    const rows = await t.db.query<Array<{ email: string | null; full_name: string | null; status: string }>>(
      'SELECT email, full_name, status FROM registrations WHERE session_id = $1',
      [webinar.id],
    );
    expect(rows).toEqual([{ email: null, full_name: null, status: 'cancelled' }]);
    const again = await register(t, webinar.id, { email });
    expect(again.answer.status).toBeLessThan(400);
    expect((await registrations(webinar.id)).items.filter((item) => item.email === email)).toHaveLength(1);
  });

  it('erases personal data of cancelled and rejected registrations after the retention period', async () => {
    const { webinar } = await openWebinar(t);
    const kept = await registered(webinar.id);
    const leaving = await registered(webinar.id);
    const browser = await formBrowser(t, leaving.path);
    await browser.post(`${leaving.path}/cancel`, {});
    const service = t.app.get(RegistrationsService);
    expect(await service.purge(new Date(Date.now() + 89 * DAY_MS))).toBe(0);
    expect(await service.purge(new Date(Date.now() + 91 * DAY_MS))).toBeGreaterThanOrEqual(1);
    const rows = await t.db.query<Array<{ email: string | null; full_name: string | null; status: string }>>(
      'SELECT email, full_name, status FROM registrations WHERE session_id = $1 ORDER BY created_at',
      [webinar.id],
    );
    expect(rows).toEqual([
      expect.objectContaining({ email: kept.email, status: 'confirmed' }),
      { email: null, full_name: null, status: 'cancelled' },
    ]);
    const mails = await t.db.query<Array<{ count: number }>>(
      `SELECT count(*)::int AS count FROM notices WHERE recipient = $1`,
      [leaving.email],
    );
    expect(mails[0].count).toBe(0);
    await t.http.get(leaving.path).set('Accept', 'text/html').expect(404);
    const csv = await t.admin.get(`/api/v1/sessions/${webinar.id}/registrations/export.csv`).expect(200);
    expect(csv.text).not.toContain(leaving.email);
  });
});

describe('Webinar registration form limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ publicFormRateLimit: 2, trustProxyHops: 1 });
  });
  afterAll(() => t.close());

  it('rate-limits the form per client address with a page, not an error', async () => {
    const { webinar } = await openWebinar(t);
    const browser = await formBrowser(t, `/register/${webinar.id}?lang=ru`);
    const form = (n: number) => ({
      name: `N${n}`,
      email: `n${n}@example.org`,
      country: 'RU',
      language: 'ru',
      consent: 'yes',
    });
    const statuses = [];
    for (let n = 0; n < 3; n++) {
      statuses.push((await browser.post(`/register/${webinar.id}?lang=ru`, form(n), '203.0.113.7')).status);
    }
    expect(statuses).toEqual([200, 200, 429]);
    const limited = await browser.post(`/register/${webinar.id}?lang=ru`, form(9), '203.0.113.7');
    expect(limited.text).toContain('<html lang="ru"');
    expect(await t.count('registrations')).toBe(2);
  });
});
