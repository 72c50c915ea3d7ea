import { startTestApp, type TestApp } from '../support/test-app.js';

describe('Participants and working groups', () => {
  let t: TestApp;
  let committee: { id: string };
  let ir: { id: string };
  let ru: { id: string };
  beforeAll(async () => {
    t = await startTestApp();
    ({ committee, ir, ru } = await t.ctx.newBilateralCommittee());
  });
  afterAll(async () => {
    await t.close();
  });

  it('creates a participant with every field, defaulting zone and locale to the party’s', async () => {
    const response = await t.admin
      .post(`/api/v1/committees/${committee.id}/participants`)
      .send({
        fullName: { en: 'Kazem Jalali', fa: 'کاظم جلالی', ru: 'Казем Джалали' },
        email: 'K.Jalali@mfa.ir',
        partyId: ir.id,
        organization: { en: 'Embassy of Iran in Moscow' },
        position: { en: 'Ambassador', fa: 'سفیر' },
        delegationRole: 'co_chair',
      })
      .expect(201);
    expect(response.body).toMatchObject({
      fullName: { en: 'Kazem Jalali', fa: 'کاظم جلالی', ru: 'Казем Джалали' },
      email: 'K.Jalali@mfa.ir',
      partyId: ir.id,
      delegationRole: 'co_chair',
      timeZone: 'Asia/Tehran',
      locale: 'fa',
    });
    const fetched = await t.admin.get(`/api/v1/participants/${response.body.id}?lang=ru`).expect(200);
    expect(fetched.body.resolved).toMatchObject({
      lang: 'ru',
      fullName: 'Казем Джалали',
      position: 'Ambassador',
    });
  });

  it('refuses an e-mail already used in the committee whatever its case, naming the field', async () => {
    await t.ctx.newParticipant(committee.id, ru.id, { email: 'o.ryazantsev@minprom.gov.ru' });
    const before = await t.count('participants');
    const clash = await t.admin
      .post(`/api/v1/committees/${committee.id}/participants`)
      .send({ fullName: 'Someone', email: 'O.Ryazantsev@MINPROM.gov.ru', partyId: ru.id });
    expect(clash.status).toBe(409);
    expect(clash.body.errors).toEqual([
      { path: 'email', message: 'is already used by another participant of this committee' },
    ]);
    expect(await t.count('participants')).toBe(before);
    const elsewhere = await t.ctx.newBilateralCommittee();
    await t.ctx.newParticipant(elsewhere.committee.id, elsewhere.ru.id, {
      email: 'o.ryazantsev@minprom.gov.ru',
    });
  });

  it('refuses a party of another committee and bad fields, writing nothing', async () => {
    const other = await t.ctx.newBilateralCommittee();
    const before = await t.count('participants');
    const foreign = await t.admin
      .post(`/api/v1/committees/${committee.id}/participants`)
      .send({ fullName: 'X', email: 'x@example.org', partyId: other.ir.id });
    expect(foreign.status).toBe(422);
    expect(foreign.body.errors).toEqual([
      { path: 'partyId', message: 'must be a party of the same committee' },
    ]);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ email: 'not-an-email' }, 'email'],
      [{ partyId: 'nope' }, 'partyId'],
      [{ delegationRole: 'king' }, 'delegationRole'],
      [{ timeZone: 'Asia/Teheran' }, 'timeZone'],
      [{ fullName: 'n'.repeat(201) }, 'fullName'],
      [{ nickname: 'Kazem' }, 'nickname'],
    ];
    for (const [fields, path] of cases) {
      const response = await t.admin
        .post(`/api/v1/committees/${committee.id}/participants`)
        .send({ fullName: 'X', email: 'y@example.org', partyId: ir.id, ...fields });
      expect(response.status).toBe(422);
      expect(response.body.errors.map((error: { path: string }) => error.path)).toEqual([path]);
    }
    expect(await t.count('participants')).toBe(before);
  });

  it('filters by party and role, and searches names in any script', async () => {
    const searchCommittee = await t.ctx.newBilateralCommittee();
    const c = searchCommittee.committee.id;
    await t.ctx.newParticipant(c, searchCommittee.ir.id, {
      fullName: { en: 'Hamid Zadboum', fa: 'حمید زادبوم' },
      delegationRole: 'co_chair',
    });
    await t.ctx.newParticipant(c, searchCommittee.ir.id, { fullName: { fa: 'علی\u200cاکبر محمدی' } });
    await t.ctx.newParticipant(c, searchCommittee.ru.id, {
      fullName: { en: 'Oleg Ryazantsev', ru: 'Олег Рязанцев' },
      delegationRole: 'co_chair',
    });
    await t.ctx.newParticipant(c, searchCommittee.ru.id, { fullName: { ru: 'Пётр Семёнов' } });
    const names = async (query: string): Promise<string[]> => {
      const response = await t.admin.get(`/api/v1/committees/${c}/participants?${query}`).expect(200);
      return response.body.items.map(
        (item: { fullName: Record<string, string> }) => Object.values(item.fullName)[0],
      );
    };
    expect(await names(`partyId=${searchCommittee.ru.id}`)).toEqual(['Oleg Ryazantsev', 'Пётр Семёнов']);
    expect(await names('delegationRole=co_chair')).toEqual(['Hamid Zadboum', 'Oleg Ryazantsev']);
    expect(await names(`q=${encodeURIComponent('زادبوم')}`)).toEqual(['Hamid Zadboum']);
    expect(await names(`q=${encodeURIComponent('علی اکبر')}`)).toEqual([]);
    expect(await names(`q=${encodeURIComponent('علیاکبر')}`)).toEqual(['علی\u200cاکبر محمدی']);
    expect(await names(`q=${encodeURIComponent('علي\u200cاكبر')}`)).toEqual(['علی\u200cاکبر محمدی']);
    expect(await names(`q=${encodeURIComponent('РЯЗАНЦЕВ')}`)).toEqual(['Oleg Ryazantsev']);
    expect(await names(`q=${encodeURIComponent('семенов')}`)).toEqual(['Пётр Семёнов']);
    expect(await names('q=zadBOUM')).toEqual(['Hamid Zadboum']);
    expect(await names('q=%25')).toEqual([]);
  });

  it('deletes a participant unless invited to a session', async () => {
    const free = await t.ctx.newParticipant(committee.id, ir.id);
    await t.admin.delete(`/api/v1/participants/${free.id}`).expect(204);
    await t.admin.get(`/api/v1/participants/${free.id}`).expect(404);

    const invited = await t.ctx.newParticipant(committee.id, ir.id);
    const [session] = await t.db.query(
      `INSERT INTO sessions (committee_id, title, kind, format, status, time_zone, starts_at, ends_at)
       VALUES ($1, '{"en":"Plenary"}', 'plenary', 'in_person', 'draft', 'Europe/Moscow', now(), now() + interval '1 hour')
       RETURNING id`,
      [committee.id],
    );
    await t.db.query(
      `INSERT INTO session_participants (session_id, participant_id, role, attendance, rsvp)
       VALUES ($1, $2, 'member', 'required', 'needs_action')`,
      [session.id, invited.id],
    );
    const refused = await t.admin.delete(`/api/v1/participants/${invited.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/invited to 1 session/);
    await t.admin.get(`/api/v1/participants/${invited.id}`).expect(200);
  });

  it('manages working groups and their members', async () => {
    const group = await t.ctx.newWorkingGroup(committee.id, {
      slug: 'trade-customs',
      name: 'Trade and customs',
    });
    const member = await t.ctx.newParticipant(committee.id, ru.id, { fullName: { ru: 'Член' } });
    const added = await t.admin
      .post(`/api/v1/working-groups/${group.id}/members`)
      .send({ participantId: member.id, role: 'secretary' })
      .expect(201);
    expect(added.body).toMatchObject({
      participantId: member.id,
      role: 'secretary',
      fullName: { ru: 'Член' },
    });
    const twice = await t.admin
      .post(`/api/v1/working-groups/${group.id}/members`)
      .send({ participantId: member.id });
    expect(twice.status).toBe(409);
    const other = await t.ctx.newBilateralCommittee();
    const outsider = await t.ctx.newParticipant(other.committee.id, other.ir.id);
    const foreign = await t.admin
      .post(`/api/v1/working-groups/${group.id}/members`)
      .send({ participantId: outsider.id });
    expect(foreign.status).toBe(422);
    expect(foreign.body.errors[0].path).toBe('participantId');

    await t.admin
      .patch(`/api/v1/working-groups/${group.id}/members/${member.id}`)
      .send({ role: 'co_chair' })
      .expect(200);
    const members = await t.admin.get(`/api/v1/working-groups/${group.id}/members`).expect(200);
    expect(members.body.items).toEqual([
      expect.objectContaining({ participantId: member.id, role: 'co_chair' }),
    ]);
    await t.admin.delete(`/api/v1/working-groups/${group.id}/members/${member.id}`).expect(204);
    await t.admin.delete(`/api/v1/working-groups/${group.id}/members/${member.id}`).expect(404);

    const renamed = await t.admin
      .patch(`/api/v1/working-groups/${group.id}`)
      .send({ name: { en: 'Trade and customs', ru: 'Торговля и таможня' } })
      .expect(200);
    expect(renamed.body.name.ru).toBe('Торговля и таможня');
    const archived = await t.admin.post(`/api/v1/working-groups/${group.id}/archive`).expect(200);
    expect(archived.body.status).toBe('archived');
    const clash = await t.admin
      .post(`/api/v1/committees/${committee.id}/working-groups`)
      .send({ slug: 'trade-customs', name: 'Again' });
    expect(clash.status).toBe(409);
  });

  describe('a delegate', () => {
    let delegateId: string;
    let delegate: ReturnType<TestApp['as']>;
    let other: Awaited<ReturnType<TestApp['ctx']['newBilateralCommittee']>>;
    let otherParticipant: { id: string };
    let otherGroup: { id: string };
    beforeAll(async () => {
      const participant = await t.ctx.newParticipant(committee.id, ir.id);
      delegateId = participant.id;
      delegate = t.as(await t.ctx.delegateToken(participant.id));
      other = await t.ctx.newBilateralCommittee();
      otherParticipant = await t.ctx.newParticipant(other.committee.id, other.ir.id);
      otherGroup = await t.ctx.newWorkingGroup(other.committee.id);
    });

    it('reads its own committee’s structure', async () => {
      await delegate.get(`/api/v1/committees/${committee.id}`).expect(200);
      await delegate.get(`/api/v1/committees/${committee.id}/parties`).expect(200);
      await delegate.get(`/api/v1/committees/${committee.id}/participants`).expect(200);
      await delegate.get(`/api/v1/committees/${committee.id}/working-groups`).expect(200);
      const list = await delegate.get('/api/v1/committees').expect(200);
      expect(list.body.items.map((item: { id: string }) => item.id)).toEqual([committee.id]);
    });

    it('changes only its own timeZone and locale', async () => {
      const changed = await delegate
        .patch(`/api/v1/participants/${delegateId}`)
        .send({ timeZone: 'Europe/Moscow', locale: 'ru' })
        .expect(200);
      expect(changed.body).toMatchObject({ timeZone: 'Europe/Moscow', locale: 'ru' });
      await delegate
        .patch(`/api/v1/participants/${delegateId}`)
        .send({ delegationRole: 'co_chair' })
        .expect(403);
      const someoneElse = await t.ctx.newParticipant(committee.id, ir.id);
      await delegate.patch(`/api/v1/participants/${someoneElse.id}`).send({ locale: 'en' }).expect(403);
      await delegate
        .post(`/api/v1/committees/${committee.id}/parties`)
        .send({ code: 'DE', name: 'x', timeZone: 'UTC' })
        .expect(403);
      const fetched = await t.admin.get(`/api/v1/participants/${delegateId}`).expect(200);
      expect(fetched.body.delegationRole).toBe('member');
    });

    it('cannot read or change another committee by any route', async () => {
      const c = other.committee.id;
      const attempts = [
        delegate.get(`/api/v1/committees/${c}`),
        delegate.patch(`/api/v1/committees/${c}`).send({ name: 'x' }),
        delegate.delete(`/api/v1/committees/${c}`),
        delegate.get(`/api/v1/committees/${c}/parties`),
        delegate.get(`/api/v1/committees/${c}/parties/${other.ir.id}`),
        delegate.patch(`/api/v1/committees/${c}/parties/${other.ir.id}`).send({ locale: 'en' }),
        delegate.post(`/api/v1/committees/${c}/parties`).send({ code: 'DE', name: 'x', timeZone: 'UTC' }),
        delegate.get(`/api/v1/committees/${c}/participants`),
        delegate
          .post(`/api/v1/committees/${c}/participants`)
          .send({ fullName: 'x', email: 'x@x.org', partyId: other.ir.id }),
        delegate.get(`/api/v1/participants/${otherParticipant.id}`),
        delegate.patch(`/api/v1/participants/${otherParticipant.id}`).send({ locale: 'en' }),
        delegate.delete(`/api/v1/participants/${otherParticipant.id}`),
        delegate.get(`/api/v1/committees/${c}/working-groups`),
        delegate.post(`/api/v1/committees/${c}/working-groups`).send({ slug: 'x', name: 'x' }),
        delegate.get(`/api/v1/working-groups/${otherGroup.id}`),
        delegate.patch(`/api/v1/working-groups/${otherGroup.id}`).send({ name: 'x' }),
        delegate.post(`/api/v1/working-groups/${otherGroup.id}/archive`),
        delegate.get(`/api/v1/working-groups/${otherGroup.id}/members`),
        delegate
          .post(`/api/v1/working-groups/${otherGroup.id}/members`)
          .send({ participantId: otherParticipant.id }),
      ];
      for (const attempt of attempts) {
        const response = await attempt;
        expect({ url: response.request.url, status: response.status }).toEqual({
          url: response.request.url,
          status: 404,
        });
      }
      const untouched = await t.admin.get(`/api/v1/participants/${otherParticipant.id}`).expect(200);
      expect(untouched.body.locale).toBe('fa');
    });
  });
});
