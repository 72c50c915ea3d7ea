import { calendarPart, SmtpSink } from '../support/smtp-sink.js';
import { confirmAddress, deliver, openWebinar, personalPath, register } from '../support/registration.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

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

  it('takes a registration, mails the link, and counts it once the address is confirmed', async () => {
    const { webinar } = await openWebinar(t);
    const form = await t.http.get(`/register/${webinar.id}?lang=fa`).set('Accept', 'text/html').expect(200);
    expect(form.text).toContain('<html lang="fa" dir="rtl">');
    expect(form.text).toContain('صادرات لبنیات به روسیه');
    expect(form.text).toContain('تهران');
    expect(form.text).toContain('مسکو');

    const { answer, email } = await register(t, webinar.id, { language: 'ru' });
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('If the address can register');
    await deliver(t);
    const [linkMail] = await sink.to(email);
    expect(linkMail.subject).toBe('Подтвердите регистрацию: Экспорт молочной продукции в Россию');
    expect(linkMail.attachments).toHaveLength(0);
    const path = await personalPath(sink, email);
    const listed = await t.admin.get(`/api/v1/sessions/${webinar.id}/registrations`).expect(200);
    expect(listed.body.items).toEqual([
      expect.objectContaining({ email, status: 'pending', addressConfirmedAt: null }),
    ]);

    expect((await confirmAddress(t, path)).status).toBe(303);
    const page = await t.http.get(path).expect(200);
    expect(page.text).toContain('<html lang="ru" dir="ltr">');
    expect(page.text).toContain('Подтверждена: место за вами');
    await deliver(t);
    const mails = await sink.to(email);
    expect(mails).toHaveLength(2);
    expect(mails[1].subject).toBe('Регистрация подтверждена: Экспорт молочной продукции в Россию');
    expect(mails[1].raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
    const calendar = calendarPart(mails[1]);
    expect(calendar).toContain(`UID:${webinar.id}`);
    expect(calendar).toContain(`ATTENDEE;`);
    expect(calendar).toContain('PARTSTAT=ACCEPTED');
    expect(mails[1].text).toContain(`https://quorum.test${path}/join`);
    expect(mails[1].text).not.toContain('https://meet.example.org/dairy\n'); // the personal link instead
  });
});
