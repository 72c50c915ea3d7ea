import { startTestApp, type TestApp } from '../support/test-app.js';

describe('Agenda items and the rendered agenda', () => {
  let t: TestApp;
  let jec: Awaited<ReturnType<TestApp['ctx']['newBilateralCommittee']>>;
  let zadboum: { id: string };
  let ryazantsev: { id: string };
  beforeAll(async () => {
    t = await startTestApp();
    jec = await t.ctx.newBilateralCommittee();
    zadboum = await t.ctx.newParticipant(jec.committee.id, jec.ir.id, {
      fullName: { en: 'Hamid Zadboum', fa: 'حمید زادبوم', ru: 'Хамид Задбум' },
    });
    ryazantsev = await t.ctx.newParticipant(jec.committee.id, jec.ru.id, {
      fullName: { en: 'Oleg Ryazantsev', ru: 'Олег Рязанцев' },
    });
  });
  afterAll(async () => {
    await t.close();
  });

  const addItem = async (sessionId: string, body: Record<string, unknown>) =>
    (
      await t.admin
        .post(`/api/v1/sessions/${sessionId}/agenda-items`)
        .send({ kind: 'discussion', ...body })
        .expect(201)
    ).body as { id: string; position: number };

  it('numbers items and sub-items and plans their times in Moscow and Tehran', async () => {
    const session = await t.ctx.newSession(jec.committee.id, {
      start: '2026-12-01T10:00',
      durationMinutes: 90,
    });
    const opening = await addItem(session.id, {
      title: { en: 'Opening', fa: 'افتتاحیه' },
      kind: 'opening',
      durationMinutes: 15,
      presenterIds: [zadboum.id, ryazantsev.id],
    });
    const industry = await addItem(session.id, {
      title: { en: 'Industry', ru: 'Промышленность' },
      durationMinutes: 30,
    });
    const auto = await addItem(session.id, {
      parentId: industry.id,
      title: 'Auto industry',
      durationMinutes: 20,
    });
    const ships = await addItem(session.id, {
      parentId: industry.id,
      title: 'Shipbuilding',
      durationMinutes: 20,
    });
    const closing = await addItem(session.id, { title: 'Closing', kind: 'closing', durationMinutes: 10 });
    expect([opening.position, industry.position, auto.position, ships.position, closing.position]).toEqual([
      1, 2, 1, 2, 3,
    ]);

    const agenda = await t.admin.get(`/api/v1/sessions/${session.id}/agenda?lang=ru`).expect(200);
    expect(agenda.body.zones).toEqual(['Europe/Moscow', 'Asia/Tehran']);
    expect(agenda.body.session.id).toBe(session.id);
    const rows = agenda.body.items.map(
      (item: { number: string; times: Array<{ start: string; end: string }>; titleText: string }) => [
        item.number,
        item.titleText,
        item.times[0].start.slice(11, 16),
        item.times[0].end.slice(11, 16),
        item.times[1].start.slice(11, 16),
      ],
    );
    expect(rows).toEqual([
      ['1', 'Opening', '10:00', '10:15', '10:30'],
      ['2', 'Промышленность', '10:15', '10:55', '10:45'],
      ['2.1', 'Auto industry', '10:15', '10:35', '10:45'],
      ['2.2', 'Shipbuilding', '10:35', '10:55', '11:05'],
      ['3', 'Closing', '10:55', '11:05', '11:25'],
    ]);
    expect(agenda.body.items[0].presenters).toEqual([
      {
        id: zadboum.id,
        fullName: { en: 'Hamid Zadboum', fa: 'حمید زادبوم', ru: 'Хамид Задбум' },
        name: 'Хамид Задбум',
      },
      { id: ryazantsev.id, fullName: { en: 'Oleg Ryazantsev', ru: 'Олег Рязанцев' }, name: 'Олег Рязанцев' },
    ]);
    expect(agenda.body.totals).toEqual({ plannedMinutes: 65, sessionMinutes: 90, overrunMinutes: 0 });
  });

  it('reports an overrun, Persian dates for fa, and any zones asked', async () => {
    const session = await t.ctx.newSession(jec.committee.id, {
      timeZone: 'Asia/Tehran',
      start: '2026-03-21T10:00',
      durationMinutes: 30,
    });
    await addItem(session.id, { title: 'Long report', durationMinutes: 45 });
    const fa = await t.admin.get(`/api/v1/sessions/${session.id}/agenda?lang=fa`).expect(200);
    expect(fa.body.totals).toEqual({ plannedMinutes: 45, sessionMinutes: 30, overrunMinutes: 15 });
    expect(fa.body.items[0].times[0]).toMatchObject({
      timeZone: 'Asia/Tehran',
      start: '2026-03-21T10:00:00+03:30',
      persianDate: '۱ فروردین ۱۴۰۵',
    });
    const persianInEnglish = await t.admin
      .get(`/api/v1/sessions/${session.id}/agenda?calendar=persian&lang=en`)
      .expect(200);
    expect(persianInEnglish.body.items[0].times[0].persianDate).toBe('1 Farvardin 1405');
    const plain = await t.admin.get(`/api/v1/sessions/${session.id}/agenda`).expect(200);
    expect(plain.body.items[0].times[0].persianDate).toBeUndefined();
    const asked = await t.admin
      .get(`/api/v1/sessions/${session.id}/agenda?tz=Europe/Moscow&tz=America/New_York`)
      .expect(200);
    expect(
      asked.body.items[0].times.map((time: { timeZone: string; start: string }) => [
        time.timeZone,
        time.start,
      ]),
    ).toEqual([
      ['Europe/Moscow', '2026-03-21T09:30:00+03:00'],
      ['America/New_York', '2026-03-21T02:30:00-04:00'],
    ]);
  });

  it('sets the whole order at once, and rejects an order that leaves out or invents an item', async () => {
    const session = await t.ctx.newSession(jec.committee.id, { start: '2026-12-02T10:00' });
    const a = await addItem(session.id, { title: 'A', durationMinutes: 10 });
    const b = await addItem(session.id, { title: 'B', durationMinutes: 10 });
    const c = await addItem(session.id, { title: 'C', durationMinutes: 10 });
    const order = `/api/v1/sessions/${session.id}/agenda-items/order`;
    const reordered = await t.admin
      .put(order)
      .send({ items: [{ id: c.id }, { id: a.id }, { id: b.id, parentId: c.id }] })
      .expect(200);
    expect(
      reordered.body.items.map((item: { id: string; parentId: string | null; position: number }) => [
        item.id,
        item.parentId,
        item.position,
      ]),
    ).toEqual(
      expect.arrayContaining([
        [c.id, null, 1],
        [a.id, null, 2],
        [b.id, c.id, 1],
      ]),
    );
    const numbers = (await t.admin.get(`/api/v1/sessions/${session.id}/agenda`).expect(200)).body.items.map(
      (item: { number: string; title: Record<string, string> }) => `${item.number} ${item.title.en}`,
    );
    expect(numbers).toEqual(['1 C', '1.1 B', '2 A']);

    const missing = await t.admin.put(order).send({ items: [{ id: a.id }, { id: b.id }] });
    expect(missing.status).toBe(422);
    expect(missing.body.errors).toEqual([{ path: 'items', message: `leaves out ${c.id}` }]);
    const unknown = await t.admin.put(order).send({
      items: [{ id: a.id }, { id: b.id }, { id: c.id }, { id: '00000000-0000-4000-8000-000000000000' }],
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors[0].path).toBe('items[3].id');
    const deep = await t.admin
      .put(order)
      .send({ items: [{ id: a.id }, { id: b.id, parentId: a.id }, { id: c.id, parentId: b.id }] });
    expect(deep.status).toBe(422);
    const after = (await t.admin.get(`/api/v1/sessions/${session.id}/agenda`).expect(200)).body.items.map(
      (item: { number: string; title: Record<string, string> }) => `${item.number} ${item.title.en}`,
    );
    expect(after).toEqual(['1 C', '1.1 B', '2 A']);
  });

  it('keeps sub-items one level deep and presenters within the committee', async () => {
    const session = await t.ctx.newSession(jec.committee.id, { start: '2026-12-03T10:00' });
    const parent = await addItem(session.id, { title: 'Parent', durationMinutes: 10 });
    const child = await addItem(session.id, { title: 'Child', parentId: parent.id, durationMinutes: 5 });
    const before = await t.count('agenda_items');
    const grandchild = await t.admin
      .post(`/api/v1/sessions/${session.id}/agenda-items`)
      .send({ title: 'Grandchild', kind: 'other', durationMinutes: 5, parentId: child.id });
    expect(grandchild.status).toBe(422);
    expect(grandchild.body.errors[0].path).toBe('parentId');
    const other = await t.ctx.newBilateralCommittee();
    const outsider = await t.ctx.newParticipant(other.committee.id, other.ir.id);
    const foreignPresenter = await t.admin
      .post(`/api/v1/sessions/${session.id}/agenda-items`)
      .send({ title: 'x', kind: 'presentation', durationMinutes: 5, presenterIds: [outsider.id] });
    expect(foreignPresenter.status).toBe(422);
    expect(foreignPresenter.body.errors[0].path).toBe('presenterIds');
    const badKind = await t.admin
      .post(`/api/v1/sessions/${session.id}/agenda-items`)
      .send({ title: 'x', kind: 'party', durationMinutes: 5 });
    expect(badKind.status).toBe(422);
    expect(await t.count('agenda_items')).toBe(before);

    const edited = await t.admin
      .patch(`/api/v1/sessions/${session.id}/agenda-items/${child.id}`)
      .send({ title: { en: 'Child', fa: 'زیربند' }, durationMinutes: 25 })
      .expect(200);
    expect(edited.body).toMatchObject({ durationMinutes: 25, title: { en: 'Child', fa: 'زیربند' } });
    await t.admin.delete(`/api/v1/sessions/${session.id}/agenda-items/${parent.id}`).expect(204);
    expect(await t.count(`agenda_items WHERE session_id = '${session.id}'`)).toBe(0);
  });

  it('raises the session version with each agenda change, and honours If-Match', async () => {
    const session = await t.ctx.newSession(jec.committee.id, { start: '2026-12-04T10:00' });
    await addItem(session.id, { title: 'One', durationMinutes: 10 });
    const read = await t.admin.get(`/api/v1/sessions/${session.id}`).expect(200);
    expect(read.headers.etag).toBe('"2"');
    expect(read.body.sequence).toBe(0);
    const stale = await t.admin
      .post(`/api/v1/sessions/${session.id}/agenda-items`)
      .set('If-Match', '"1"')
      .send({ title: 'Two', kind: 'other', durationMinutes: 5 });
    expect(stale.status).toBe(412);
    expect(await t.count(`agenda_items WHERE session_id = '${session.id}'`)).toBe(1);
  });

  it('lets a delegate read the agenda of a session it may see, never change it', async () => {
    const session = await t.ctx.newSession(jec.committee.id, { start: '2026-12-05T10:00' });
    const item = await addItem(session.id, { title: 'Item', durationMinutes: 10 });
    await t.ctx.publish(session.id);
    const delegate = t.as(await t.ctx.delegateToken(zadboum.id));
    await delegate.get(`/api/v1/sessions/${session.id}/agenda`).expect(200);
    await delegate
      .post(`/api/v1/sessions/${session.id}/agenda-items`)
      .send({ title: 'x', kind: 'other', durationMinutes: 1 })
      .expect(403);
    await delegate.delete(`/api/v1/sessions/${session.id}/agenda-items/${item.id}`).expect(403);
  });

  it('renders the whole agenda with the same number of queries however many items it has', async () => {
    const small = await t.ctx.newSession(jec.committee.id, { start: '2026-12-06T10:00' });
    const large = await t.ctx.newSession(jec.committee.id, {
      start: '2026-12-07T10:00',
      durationMinutes: 480,
    });
    await addItem(small.id, { title: 'Only item', durationMinutes: 10, presenterIds: [zadboum.id] });
    for (let index = 0; index < 10; index++) {
      await addItem(large.id, {
        title: `Item ${index}`,
        durationMinutes: 10,
        presenterIds: [zadboum.id, ryazantsev.id],
      });
    }
    const one = await t.admin
      .get(`/api/v1/sessions/${small.id}/agenda?tz=Asia/Tehran,Europe/Moscow,Europe/Berlin`)
      .expect(200);
    const ten = await t.admin
      .get(`/api/v1/sessions/${large.id}/agenda?tz=Asia/Tehran,Europe/Moscow,Europe/Berlin`)
      .expect(200);
    expect(ten.body.items).toHaveLength(10);
    expect(Number(one.headers['x-query-count'])).toBeLessThanOrEqual(2);
    expect(ten.headers['x-query-count']).toBe(one.headers['x-query-count']);
  });
});
