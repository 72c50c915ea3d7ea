import { parseCalendar } from '../support/ical.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('Reads in the reader’s language', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('names in resolved.lang the language the text really is in', async () => {
    const { committee } = await t.ctx.newBilateralCommittee();
    const session = await t.ctx.newSession(committee.id, { title: { en: 'Customs', ru: 'Таможня' } });
    const german = await t.admin.get(`/api/v1/sessions/${session.id}?lang=de`).expect(200);
    const russian = await t.admin
      .get(`/api/v1/sessions/${session.id}`)
      .set('Accept-Language', 'ru-RU')
      .expect(200);
    expect([german.body.resolved, russian.body.resolved]).toMatchObject([
      { lang: 'en', title: 'Customs' },
      { lang: 'ru', title: 'Таможня' },
    ]);
  });

  it('reads in a delegate’s own locale when it asks for none, .ics downloads included', async () => {
    const { committee, ir } = await t.ctx.newBilateralCommittee();
    const delegate = await t.ctx.newParticipant(committee.id, ir.id, { locale: 'fa' });
    const session = await t.ctx.newSession(committee.id, {
      title: { en: 'Customs', fa: 'گمرک', ru: 'Таможня' },
      timeZone: 'Asia/Tehran',
      start: '2027-06-01T10:00',
    });
    await t.ctx.publish(session.id);
    await t.admin
      .post(`/api/v1/sessions/${session.id}/cancel`)
      .send({ reason: { en: 'Visa delays', fa: 'تأخیر روادید', ru: 'Задержка виз' } })
      .expect(200);
    const client = t.as(await t.ctx.delegateToken(delegate.id));
    const read = await client.get(`/api/v1/sessions/${session.id}`).expect(200);
    expect(read.body.resolved).toEqual({
      lang: 'fa',
      title: 'گمرک',
      description: null,
      location: null,
      cancellationReason: 'تأخیر روادید',
    });
    const asked = await client.get(`/api/v1/sessions/${session.id}?lang=ru`).expect(200);
    expect(asked.body.resolved).toMatchObject({ lang: 'ru', cancellationReason: 'Задержка виз' });
    const [event] = parseCalendar(
      (await client.get(`/api/v1/sessions/${session.id}/ics`).expect(200)).text,
    ).events;
    expect({ summary: event.summary, description: event.description }).toEqual({
      summary: 'لغو شد: گمرک',
      description: 'لغو شد. دلیل: تأخیر روادید',
    });
  });
});
