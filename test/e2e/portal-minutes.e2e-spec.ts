import { personalLink, signIn, type PortalBrowser } from '../support/portal.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** The session page shows the minutes once every party has agreed them, and prints the protocol. */
describe('Delegate portal: minutes', () => {
  let t: TestApp;
  let jec: Awaited<ReturnType<TestApp['ctx']['newBilateralCommittee']>>;
  let page: PortalBrowser;
  let sessionId: string;
  let itemId: string;
  let ruChairId: string;
  const secretariats = new Map<string, string>();
  const minutesPath = () => `/api/v1/sessions/${sessionId}/minutes`;

  beforeAll(async () => {
    t = await startTestApp();
    jec = await t.ctx.newBilateralCommittee();
    const delegate = await t.ctx.newParticipant(jec.committee.id, jec.ir.id, { locale: 'ru' });
    await t.ctx.newParticipant(jec.committee.id, jec.ir.id, {
      fullName: { en: 'Hamid Zadboum', fa: 'حمید زادبوم' },
      delegationRole: 'co_chair',
    });
    ruChairId = (
      await t.ctx.newParticipant(jec.committee.id, jec.ru.id, {
        fullName: { en: 'Oleg Ryazantsev', ru: 'Олег Рязанцев' },
        delegationRole: 'co_chair',
      })
    ).id;
    const session = await t.ctx.newSession(jec.committee.id, { kind: 'bilateral' });
    sessionId = session.id;
    await t.ctx.invite(sessionId, delegate.id);
    const item = await t.admin
      .post(`/api/v1/sessions/${sessionId}/agenda-items`)
      .send({ title: { en: 'Trade', fa: 'تجارت', ru: 'Торговля' }, kind: 'decision', durationMinutes: 30 })
      .expect(201);
    itemId = item.body.id as string;
    await t.ctx.publish(sessionId);
    page = await signIn(t, await personalLink(t, delegate.id));
    // Each side's secretariat speaks for its party, so the minutes need both agreements.
    for (const party of [jec.ir, jec.ru]) {
      secretariats.set(
        party.id,
        await t.ctx.token({ role: 'organizer', committeeIds: [jec.committee.id], partyId: party.id }),
      );
    }
  });
  afterAll(() => t.close());

  it('shows no minutes while they are a draft, and no protocol to print', async () => {
    await t.admin
      .put(minutesPath())
      .send({
        items: [
          {
            agendaItemId: itemId,
            notes: { ru: 'Стороны обсудили торговлю', fa: 'طرفین دربارهٔ تجارت گفتگو کردند' },
            decisions: [
              {
                text: { ru: 'Создать рабочую группу', fa: 'تشکیل کارگروه' },
                kind: 'decision',
                outcome: 'consensus',
              },
            ],
            actionItems: [
              {
                title: { ru: 'Подготовить проект соглашения', fa: 'تهیه پیش‌نویس موافقت‌نامه' },
                partyId: jec.ru.id,
                ownerIds: [ruChairId],
                dueDate: '2027-03-01',
              },
            ],
          },
        ],
      })
      .expect(200);
    const before = await page.get(`/sessions/${sessionId}`).expect(200);
    expect(before.text).not.toContain('Стороны обсудили торговлю');
    expect(before.text).not.toContain('Распечатать протокол');
    await page.get(`/sessions/${sessionId}/protocol`).expect(404);
  });

  it('shows the agreed minutes in the reader’s language and links the protocol’s print view', async () => {
    await t.as(secretariats.get(jec.ir.id)!).post(`${minutesPath()}/agree`).send({}).expect(200);
    const halfway = await page.get(`/sessions/${sessionId}`).expect(200);
    expect(halfway.text).not.toContain('Стороны обсудили торговлю');
    await t.as(secretariats.get(jec.ru.id)!).post(`${minutesPath()}/agree`).send({}).expect(200);

    const agreed = await page.get(`/sessions/${sessionId}`).expect(200);
    expect(agreed.text).toContain('<h2 id="minutes">Протокол</h2>');
    expect(agreed.text).toContain('Согласован всеми сторонами');
    expect(agreed.text).toContain('Стороны обсудили торговлю');
    expect(agreed.text).toContain('Создать рабочую группу');
    expect(agreed.text).toContain('Подготовить проект соглашения');
    expect(agreed.text).not.toContain('طرفین');
    expect(agreed.text).toContain(`href="/sessions/${sessionId}/protocol"`);

    const persian = await page.get(`/sessions/${sessionId}?lang=fa`).expect(200);
    expect(persian.text).toContain('طرفین دربارهٔ تجارت گفتگو کردند');
    expect(persian.text).toContain('<bdi>۱. تجارت</bdi>');
    expect(persian.text).toContain(`href="/sessions/${sessionId}/protocol?lang=fa"`);

    const print = await page.get(`/sessions/${sessionId}/protocol`).expect(200);
    // Every party's language in turn, each marked with its own language and direction.
    expect(print.text).toMatch(/<section class="protocol" lang="fa" dir="rtl">[\s\S]*طرفین دربارهٔ تجارت/);
    expect(print.text).toMatch(/<section class="protocol" lang="ru" dir="ltr">[\s\S]*Стороны обсудили/);
    expect(print.text).toContain('حمید زادبوم');
    expect(print.text).toContain('Олег Рязанцев');
    expect(print.headers['cache-control']).toBe('private, no-store');
  });

  it('keeps the minutes of a session the delegate may not see as hidden as the session', async () => {
    const other = await t.ctx.newParticipant(jec.committee.id, jec.ru.id);
    const outsider = await signIn(t, await personalLink(t, other.id));
    await outsider.get(`/sessions/${sessionId}`).expect(404);
    await outsider.get(`/sessions/${sessionId}/protocol`).expect(404);
  });
});
