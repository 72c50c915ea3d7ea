import { startTestApp, type TestApp } from '../support/test-app.js';

describe('Minutes: draft, agreement per party, signing, corrections', () => {
  let t: TestApp;
  let jec: Awaited<ReturnType<TestApp['ctx']['newBilateralCommittee']>>;
  let irChair: { id: string };
  let ruChair: { id: string };
  let member: { id: string };
  let irOrganizer: string;
  let ruOrganizer: string;
  let delegate: string;
  let outsider: string;

  beforeAll(async () => {
    t = await startTestApp();
    jec = await t.ctx.newBilateralCommittee();
    irChair = await t.ctx.newParticipant(jec.committee.id, jec.ir.id, {
      fullName: { en: 'Hamid Zadboum', fa: 'حمید زادبوم' },
      delegationRole: 'co_chair',
    });
    ruChair = await t.ctx.newParticipant(jec.committee.id, jec.ru.id, {
      fullName: { en: 'Oleg Ryazantsev', ru: 'Олег Рязанцев' },
      delegationRole: 'co_chair',
    });
    member = await t.ctx.newParticipant(jec.committee.id, jec.ru.id);
    const stranger = await t.ctx.newParticipant(jec.committee.id, jec.ru.id);
    irOrganizer = await t.ctx.token({
      role: 'organizer',
      committeeIds: [jec.committee.id],
      partyId: jec.ir.id,
    });
    ruOrganizer = await t.ctx.token({
      role: 'organizer',
      committeeIds: [jec.committee.id],
      partyId: jec.ru.id,
    });
    delegate = await t.ctx.delegateToken(member.id);
    outsider = await t.ctx.delegateToken(stranger.id);
  });
  afterAll(async () => {
    await t.close();
  });

  /** A published working-group session (delegates see it only when invited) with one agenda item. */
  const newSession = async (invite: string[] = []) => {
    const session = await t.ctx.newSession(jec.committee.id, { kind: 'bilateral' });
    for (const id of invite) await t.ctx.invite(session.id, id);
    const item = await t.admin
      .post(`/api/v1/sessions/${session.id}/agenda-items`)
      .send({ title: { en: 'Trade', fa: 'تجارت', ru: 'Торговля' }, kind: 'decision', durationMinutes: 30 })
      .expect(201);
    await t.ctx.publish(session.id);
    return { sessionId: session.id, itemId: (item.body as { id: string }).id };
  };
  const minutesBody = (
    itemId: string,
    text = 'Стороны договорились',
    ids: { decision?: string; action?: string } = {},
  ) => ({
    items: [
      {
        agendaItemId: itemId,
        notes: { fa: 'طرفین گفتگو کردند', ru: 'Стороны обсудили' },
        decisions: [
          {
            id: ids.decision,
            text: { ru: text, fa: 'طرفین توافق کردند' },
            kind: 'decision',
            outcome: 'consensus',
          },
        ],
        actionItems: [
          {
            id: ids.action,
            title: { ru: 'Подготовить проект соглашения', fa: 'تهیه پیش‌نویس موافقت‌نامه' },
            partyId: jec.ru.id,
            ownerIds: [ruChair.id],
            dueDate: '2027-03-01',
          },
        ],
      },
    ],
  });

  it('starts from a template with the invitees, then keeps every edit behind If-Match (412 on a stale one)', async () => {
    const { sessionId, itemId } = await newSession([irChair.id, ruChair.id]);
    const template = await t.as(irOrganizer).get(`/api/v1/sessions/${sessionId}/minutes`).expect(200);
    expect(template.headers.etag).toBe('"0"');
    expect(template.body).toMatchObject({ saved: false, status: 'draft', version: 0 });
    expect(
      (template.body.attendance as Array<{ participantId: string }>)
        .map((entry) => entry.participantId)
        .sort(),
    ).toEqual([irChair.id, ruChair.id].sort());

    const first = await t
      .as(irOrganizer)
      .put(`/api/v1/sessions/${sessionId}/minutes`)
      .set('If-Match', '"0"')
      .send(minutesBody(itemId))
      .expect(200);
    expect(first.headers.etag).toBe('"1"');
    expect(first.body.items[0]).toMatchObject({ number: '1', title: { ru: 'Торговля' } });
    expect(first.body.attendance).toHaveLength(2);

    // Two secretariats edit the same version at once: one wins, the other is told to re-read.
    const [a, b] = await Promise.all([
      t
        .as(irOrganizer)
        .put(`/api/v1/sessions/${sessionId}/minutes`)
        .set('If-Match', '"1"')
        .send(minutesBody(itemId, 'A')),
      t
        .as(ruOrganizer)
        .put(`/api/v1/sessions/${sessionId}/minutes`)
        .set('If-Match', '"1"')
        .send(minutesBody(itemId, 'B')),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 412]);
    const current = await t.admin.get(`/api/v1/sessions/${sessionId}/minutes`).expect(200);
    expect(current.body.version).toBe(2);
    const winner = a.status === 200 ? 'A' : 'B';
    expect(current.body.items[0].decisions[0].text.ru).toBe(winner);
  });

  it('lets an organizer token name the party of its secretariat, one of its committees’ parties only', async () => {
    const other = await t.ctx.newBilateralCommittee();
    const tokens = await t.count('api_tokens');
    const foreign = await t.admin
      .post('/api/v1/api-tokens')
      .send({ name: 'x', role: 'organizer', committeeIds: [jec.committee.id], partyId: other.ir.id })
      .expect(422);
    expect(foreign.body.errors[0].path).toBe('partyId');
    const notOrganizer = await t.admin
      .post('/api/v1/api-tokens')
      .send({ name: 'x', role: 'admin', partyId: jec.ir.id })
      .expect(422);
    expect(notOrganizer.body.errors[0].path).toBe('partyId');
    expect(await t.count('api_tokens')).toBe(tokens);
    const listed = await t.admin.get('/api/v1/api-tokens?limit=200').expect(200);
    const parties = (listed.body.items as Array<{ partyId: string | null }>).map((token) => token.partyId);
    expect(parties).toEqual(expect.arrayContaining([jec.ir.id, jec.ru.id]));
  });

  it('refuses bad input with 422 naming the field, and changes nothing', async () => {
    const { sessionId, itemId } = await newSession();
    await t.admin.put(`/api/v1/sessions/${sessionId}/minutes`).send(minutesBody(itemId)).expect(200);
    const before = await t.admin.get(`/api/v1/sessions/${sessionId}/minutes`).expect(200);
    const changesBefore = await t.count('minutes_changes');

    const wrongOwner = minutesBody(itemId);
    wrongOwner.items[0].actionItems[0].ownerIds = [irChair.id];
    const owner = await t.admin.put(`/api/v1/sessions/${sessionId}/minutes`).send(wrongOwner).expect(422);
    expect(owner.headers['content-type']).toContain('application/problem+json');
    expect(owner.body.errors).toEqual([
      { path: 'items[0].actionItems[0].ownerIds', message: 'must be participants of the owning party' },
    ]);

    const badKind = minutesBody(itemId);
    badKind.items[0].decisions[0].kind = 'decree';
    const kind = await t.admin.put(`/api/v1/sessions/${sessionId}/minutes`).send(badKind).expect(422);
    expect(kind.body.errors.map((e: { path: string }) => e.path)).toEqual(['items[0].decisions[0].kind']);

    const foreignItem = await t.admin
      .put(`/api/v1/sessions/${sessionId}/minutes`)
      .send({ items: [{ agendaItemId: '00000000-0000-4000-8000-000000000000' }] })
      .expect(422);
    expect(foreignItem.body.errors[0].path).toBe('items[0].agendaItemId');

    const badDate = minutesBody(itemId);
    badDate.items[0].actionItems[0].dueDate = '2027-02-30';
    const date = await t.admin.put(`/api/v1/sessions/${sessionId}/minutes`).send(badDate).expect(422);
    expect(date.body.errors[0].path).toBe('items[0].actionItems[0].dueDate');

    const after = await t.admin.get(`/api/v1/sessions/${sessionId}/minutes`).expect(200);
    expect(after.body).toEqual(before.body);
    expect(await t.count('minutes_changes')).toBe(changesBefore);
  });

  it('is agreed by both parties, signed, then refuses change (409) until a correction opens revision 2', async () => {
    const { sessionId, itemId } = await newSession([irChair.id, ruChair.id]);
    const base = `/api/v1/sessions/${sessionId}/minutes`;
    await t.as(irOrganizer).put(base).send(minutesBody(itemId)).expect(200);

    // Not yet agreed: signing is refused, and a party-less admin must name its party.
    await t.admin.post(`${base}/sign`).send({ signatories: [] }).expect(409);
    const unnamed = await t.admin.post(`${base}/agree`).send({}).expect(422);
    expect(unnamed.body.errors[0].path).toBe('partyId');

    const irAgreed = await t.as(irOrganizer).post(`${base}/agree`).send({}).expect(200);
    expect(irAgreed.body.status).toBe('draft');
    expect(irAgreed.body.requiredPartyIds.sort()).toEqual([jec.ir.id, jec.ru.id].sort());
    await t.as(irOrganizer).post(`${base}/agree`).send({}).expect(409);
    const agreed = await t.as(ruOrganizer).post(`${base}/agree`).send({}).expect(200);
    expect(agreed.body.status).toBe('agreed');
    expect(agreed.body.agreements.map((entry: { partyId: string }) => entry.partyId)).toEqual([
      jec.ir.id,
      jec.ru.id,
    ]);

    const incomplete = await t.admin
      .post(`${base}/sign`)
      .send({ signatories: [{ partyId: jec.ir.id, participantId: irChair.id }] })
      .expect(422);
    expect(incomplete.body.errors[0].path).toBe('signatories');
    const signed = await t.admin
      .post(`${base}/sign`)
      .send({
        signatories: [
          { partyId: jec.ir.id, participantId: irChair.id },
          { partyId: jec.ru.id, participantId: ruChair.id },
        ],
      })
      .expect(200);
    expect(signed.body).toMatchObject({
      status: 'signed',
      revision: 1,
      signedBy: { tokenId: null, role: 'admin' },
    });
    expect(signed.body.documentSha256).toMatch(/^[0-9a-f]{64}$/);

    const refused = await t.admin.put(base).send(minutesBody(itemId, 'Изменено')).expect(409);
    expect(refused.body.type).toContain('minutes-signed');
    await t.admin.post(`${base}/agree`).send({ partyId: jec.ir.id }).expect(409);

    const correction = await t.as(ruOrganizer).post(`${base}/corrections`).expect(201);
    expect(correction.body).toMatchObject({ revision: 2, status: 'draft', agreements: [] });
    expect(correction.body.items[0].decisions[0].text.ru).toBe('Стороны договорились');
    const corrected = minutesBody(itemId, 'Исправлено', {
      decision: correction.body.items[0].decisions[0].id,
      action: correction.body.items[0].actionItems[0].id,
    });
    await t.as(ruOrganizer).put(base).set('If-Match', correction.headers.etag).send(corrected).expect(200);

    const revisions = await t.admin.get(`${base}/revisions`).expect(200);
    expect(
      revisions.body.items.map((entry: { revision: number; status: string }) => [
        entry.revision,
        entry.status,
      ]),
    ).toEqual([
      [1, 'signed'],
      [2, 'draft'],
    ]);
    const first = await t.admin.get(`${base}/revisions/1`).expect(200);
    expect(first.body.items[0].decisions[0].text.ru).toBe('Стороны договорились');
    expect(first.body.changes.map((change: { action: string }) => change.action)).toEqual([
      'edited',
      'agreed',
      'agreed',
      'signed',
    ]);
    expect(first.body.changes[1]).toMatchObject({
      partyId: jec.ir.id,
      actor: { role: 'organizer', partyId: jec.ir.id },
    });
    const second = await t.admin.get(`${base}/revisions/2`).expect(200);
    expect(
      second.body.changes.map((change: { action: string; paths: string[] }) => [change.action, change.paths]),
    ).toEqual([
      ['opened', []],
      ['edited', [`items[${itemId}].decisions`]],
    ]);
  });

  it('shows delegates agreed and signed minutes of sessions they may see, drafts to organizers only', async () => {
    const { sessionId, itemId } = await newSession([member.id, irChair.id, ruChair.id]);
    const base = `/api/v1/sessions/${sessionId}/minutes`;
    await t.as(delegate).get(base).expect(404);
    await t.admin.put(base).send(minutesBody(itemId)).expect(200);
    await t.as(delegate).get(base).expect(404);
    await t.as(delegate).get(`${base}/revisions/1`).expect(404);
    await t.as(delegate).put(base).send(minutesBody(itemId)).expect(403);
    await t.as(outsider).get(base).expect(404);
    await t.as(outsider).get(`${base}/protocol.docx`).expect(404);

    await t.as(irOrganizer).post(`${base}/agree`).send({}).expect(200);
    await t.as(ruOrganizer).post(`${base}/agree`).send({}).expect(200);
    const read = await t.as(delegate).get(base).expect(200);
    expect(read.body.status).toBe('agreed');
    await t.as(outsider).get(base).expect(404);
    await t.as(delegate).get(`${base}/protocol.docx`).expect(200);

    // Agreed text does not change; a correction is a draft that delegates do not see.
    await t.admin.put(base).send(minutesBody(itemId, 'Черновик')).expect(409);
    await t.admin.post(`${base}/corrections`).expect(201);
    await t.admin.put(base).send(minutesBody(itemId, 'Черновик')).expect(200);
    expect((await t.admin.get(base).expect(200)).body).toMatchObject({ revision: 2, status: 'draft' });
    const stillAgreed = await t.as(delegate).get(base).expect(200);
    expect(stillAgreed.body.items[0].decisions[0].text.ru).toBe('Стороны договорились');
    expect(stillAgreed.body).toMatchObject({ revision: 1, status: 'agreed' });
    const visible = await t.as(delegate).get(`${base}/revisions`).expect(200);
    expect(visible.body.items.map((entry: { revision: number }) => entry.revision)).toEqual([1]);
  });
});
