import { startTestApp, type TestApp } from '../support/test-app.js';

type Body = Record<string, unknown>;
interface ListedItem {
  id: string;
  sessionId: string;
  title: { en: string };
  overdue: boolean;
}

describe('Action items across sessions and the review of action items', () => {
  let t: TestApp;
  let jec: Awaited<ReturnType<TestApp['ctx']['newBilateralCommittee']>>;
  let irExpert: { id: string };
  let ruExpert: { id: string };
  let group: { id: string };
  let delegate: string;

  beforeAll(async () => {
    t = await startTestApp();
    jec = await t.ctx.newBilateralCommittee();
    irExpert = await t.ctx.newParticipant(jec.committee.id, jec.ir.id);
    ruExpert = await t.ctx.newParticipant(jec.committee.id, jec.ru.id);
    group = await t.ctx.newWorkingGroup(jec.committee.id);
    delegate = await t.ctx.delegateToken(irExpert.id);
  });
  afterAll(async () => {
    await t.close();
  });

  /** A published session whose agreed minutes carry the given action items. */
  const sessionWithActions = async (start: string, actions: Body[], extra: Body = {}) => {
    const session = await t.ctx.newSession(jec.committee.id, { start, ...extra });
    const item = await t.admin
      .post(`/api/v1/sessions/${session.id}/agenda-items`)
      .send({ title: 'Trade', kind: 'decision', durationMinutes: 30 })
      .expect(201);
    await t.ctx.publish(session.id);
    await t.admin
      .put(`/api/v1/sessions/${session.id}/minutes`)
      .send({ items: [{ agendaItemId: item.body.id, actionItems: actions }] })
      .expect(200);
    await t.admin
      .post(`/api/v1/sessions/${session.id}/minutes/agree`)
      .send({ partyId: jec.ir.id })
      .expect(200);
    return session.id;
  };
  const list = async (query = '', token?: string) =>
    (
      await (token ? t.as(token) : t.admin)
        .get(`/api/v1/committees/${jec.committee.id}/action-items${query}`)
        .expect(200)
    ).body as { items: ListedItem[]; nextCursor: string | null };
  const titles = (page: { items: ListedItem[] }) => page.items.map((item) => item.title.en);

  it('lists the action items of two sessions, filters them, pages them and carries the open ones into a review item', async () => {
    // The first session is a plenary (every delegate sees it); the second a working-group session.
    const first = await sessionWithActions('2026-10-01T10:00', [
      {
        title: { en: 'Draft the customs agreement' },
        partyId: jec.ru.id,
        ownerIds: [ruExpert.id],
        dueDate: '2020-01-15',
      },
      {
        title: { en: 'Share port statistics' },
        partyId: jec.ir.id,
        ownerIds: [irExpert.id],
        dueDate: '2099-06-01',
      },
    ]);
    const second = await sessionWithActions(
      '2026-11-01T10:00',
      [{ title: { en: 'Name the shipbuilding experts' }, partyId: jec.ir.id, status: 'in_progress' }],
      { kind: 'working_group', workingGroupId: group.id },
    );
    // Minutes still a draft hand nothing to the list.
    const draft = await t.ctx.newSession(jec.committee.id, { start: '2026-11-15T10:00' });
    const draftItem = await t.admin
      .post(`/api/v1/sessions/${draft.id}/agenda-items`)
      .send({ title: 'Other', kind: 'other', durationMinutes: 10 })
      .expect(201);
    await t.admin
      .put(`/api/v1/sessions/${draft.id}/minutes`)
      .send({
        items: [
          { agendaItemId: draftItem.body.id, actionItems: [{ title: 'Not yet agreed', partyId: jec.ir.id }] },
        ],
      })
      .expect(200);

    const all = await list();
    expect(titles(all)).toEqual([
      'Draft the customs agreement',
      'Share port statistics',
      'Name the shipbuilding experts',
    ]);
    expect(all.items.map((item) => item.sessionId)).toEqual([first, first, second]);
    expect(titles(await list(`?partyId=${jec.ir.id}`))).toEqual([
      'Share port statistics',
      'Name the shipbuilding experts',
    ]);
    expect(titles(await list(`?ownerId=${ruExpert.id}`))).toEqual(['Draft the customs agreement']);
    expect(titles(await list('?status=in_progress'))).toEqual(['Name the shipbuilding experts']);
    expect(titles(await list(`?workingGroupId=${group.id}`))).toEqual(['Name the shipbuilding experts']);
    const overdue = await list('?overdue=true');
    expect(titles(overdue)).toEqual(['Draft the customs agreement']);
    expect(overdue.items[0].overdue).toBe(true);

    const page1 = await list('?limit=2');
    expect(page1.items).toHaveLength(2);
    const page2 = await list(`?limit=2&cursor=${page1.nextCursor}`);
    expect(titles(page2)).toEqual(['Name the shipbuilding experts']);
    expect(page2.nextCursor).toBeNull();

    // A delegate outside the working group sees the plenary's items only.
    expect(titles(await list('', delegate))).toEqual([
      'Draft the customs agreement',
      'Share port statistics',
    ]);
    const shared = all.items[1];
    await t.as(delegate).patch(`/api/v1/action-items/${shared.id}`).send({ status: 'done' }).expect(403);
    await t
      .as(delegate)
      .patch(`/api/v1/action-items/${all.items[2].id}`)
      .send({ status: 'done' })
      .expect(404);

    // The work moves on after the minutes: the status changes outside them.
    const bad = await t.admin
      .patch(`/api/v1/action-items/${shared.id}`)
      .send({ status: 'finished' })
      .expect(422);
    expect(bad.body.errors[0].path).toBe('status');
    const done = await t.admin
      .patch(`/api/v1/action-items/${shared.id}`)
      .send({ status: 'done' })
      .expect(200);
    expect(done.body).toMatchObject({ status: 'done', overdue: false });
    expect(titles(await list('?status=open'))).toEqual(['Draft the customs agreement']);
    const minutes = await t.admin.get(`/api/v1/sessions/${first}/minutes`).expect(200);
    expect(minutes.body.items[0].actionItems[1].status).toBe('open');

    // A later plenary reviews what is still open, of every earlier session of the committee.
    const later = await t.ctx.newSession(jec.committee.id, { start: '2026-12-01T10:00' });
    const review = await t.admin
      .post(`/api/v1/sessions/${later.id}/agenda-items/review-of-action-items`)
      .send({ durationMinutes: 20 })
      .expect(201);
    expect(review.body.actionItems.map((item: ListedItem) => item.title.en)).toEqual([
      'Draft the customs agreement',
      'Name the shipbuilding experts',
    ]);
    const agenda = await t.admin.get(`/api/v1/sessions/${later.id}/agenda-items`).expect(200);
    const added = (agenda.body.items as Array<{ id: string; description: { en: string } }>).find(
      (item) => item.id === review.body.agendaItemId,
    );
    expect(added).toMatchObject({
      kind: 'discussion',
      durationMinutes: 20,
      title: { ru: 'Рассмотрение хода выполнения поручений' },
    });
    expect(added?.description.en).toBe(
      '1. Draft the customs agreement (Russia; Due: 2020-01-15; open)\n2. Name the shipbuilding experts (Iran; in progress)',
    );
    expect(added?.description.en).not.toContain('Share port statistics');

    // A later session of the working group reviews that group's items only.
    const groupLater = await t.ctx.newSession(jec.committee.id, {
      start: '2026-12-05T10:00',
      kind: 'working_group',
      workingGroupId: group.id,
    });
    const groupReview = await t.admin
      .post(`/api/v1/sessions/${groupLater.id}/agenda-items/review-of-action-items`)
      .send({})
      .expect(201);
    expect(groupReview.body.actionItems.map((item: ListedItem) => item.title.en)).toEqual([
      'Name the shipbuilding experts',
    ]);
  });

  it('refuses bad filters with 422 naming them', async () => {
    const response = await t.admin
      .get(`/api/v1/committees/${jec.committee.id}/action-items?overdue=maybe&status=x`)
      .expect(422);
    expect(response.body.errors.map((error: { path: string }) => error.path).sort()).toEqual([
      'overdue',
      'status',
    ]);
  });
});
