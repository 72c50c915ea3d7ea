import { startTestApp, type TestApp, type TokenClient } from '../support/test-app.js';

describe('An organizer onboards its delegates', () => {
  let t: TestApp;
  let jec: Awaited<ReturnType<TestApp['ctx']['newBilateralCommittee']>>;
  let other: { id: string };
  let organizer: TokenClient;
  beforeAll(async () => {
    t = await startTestApp();
    jec = await t.ctx.newBilateralCommittee();
    other = await t.ctx.newCommittee();
    organizer = t.as(await t.ctx.organizerToken(jec.committee.id));
  });
  afterAll(() => t.close());

  it('issues a delegate token that then reads its invitation and subscribes to its feed, with no admin', async () => {
    const participant = (
      await organizer
        .post(`/api/v1/committees/${jec.committee.id}/participants`)
        .send({ fullName: { en: 'Kazem Jalali' }, email: 'k.jalali@mfa.ir', partyId: jec.ir.id })
        .expect(201)
    ).body as { id: string };
    const issued = await organizer
      .post('/api/v1/api-tokens')
      .send({ name: 'Kazem Jalali', role: 'delegate', participantId: participant.id });
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({ role: 'delegate', participantId: participant.id });
    const delegate = t.as(issued.body.token as string);

    const session = (
      await organizer
        .post('/api/v1/sessions')
        .send({
          committeeId: jec.committee.id,
          title: { en: 'Trade working group' },
          kind: 'working_group',
          format: 'online',
          timeZone: 'Asia/Tehran',
          start: '2026-12-02T10:00',
          durationMinutes: 60,
        })
        .expect(201)
    ).body as { id: string };
    await organizer
      .post(`/api/v1/sessions/${session.id}/participants`)
      .send({ invitations: [{ participantId: participant.id }] })
      .expect(201);
    await organizer.post(`/api/v1/sessions/${session.id}/publish`).expect(200);
    await delegate
      .put(`/api/v1/sessions/${session.id}/participants/${participant.id}/rsvp`)
      .send({ rsvp: 'accepted' })
      .expect(200);

    const feed = await delegate
      .post('/api/v1/feeds')
      .send({ scope: 'participant', targetId: participant.id, label: 'Mine' })
      .expect(201);
    expect(feed.body.url).toBe(`https://quorum.test/calendar/${feed.body.token}.ics`);
    expect(feed.body.httpsUrl).toBe(feed.body.url);
    expect(feed.body.webcalUrl).toBe(`webcal://quorum.test/calendar/${feed.body.token}.ics`);
    const calendar = await t.http.get(`/calendar/${feed.body.token}.ics`).expect(200);
    expect(calendar.text).toContain(`UID:${session.id}`);

    const listed = await organizer.get('/api/v1/api-tokens').expect(200);
    expect(listed.body.items.map((token: { id: string }) => token.id)).toContain(issued.body.id);
    await organizer.delete(`/api/v1/api-tokens/${issued.body.id}`).expect(204);
    await delegate.get(`/api/v1/sessions/${session.id}`).expect(401);
  });

  it('never issues an admin token, an organizer token beyond its committees, or a delegate of another committee', async () => {
    const before = await t.count('api_tokens');
    const admin = await organizer.post('/api/v1/api-tokens').send({ name: 'x', role: 'admin' });
    expect({ status: admin.status, detail: admin.body.detail }).toEqual({
      status: 403,
      detail: 'Only an admin may create admin tokens',
    });
    const beyond = await organizer
      .post('/api/v1/api-tokens')
      .send({ name: 'x', role: 'organizer', committeeIds: [jec.committee.id, other.id] });
    expect(beyond.status).toBe(403);
    expect(beyond.body.errors).toEqual([
      { path: 'committeeIds', message: 'names a committee the caller does not manage' },
    ]);
    const stranger = await t.ctx.newParticipant(
      other.id,
      (await t.ctx.newParty(other.id, { code: 'IR' })).id,
    );
    const foreign = await organizer
      .post('/api/v1/api-tokens')
      .send({ name: 'x', role: 'delegate', participantId: stranger.id });
    expect(foreign.status).toBe(422);
    expect(foreign.body.errors[0].path).toBe('participantId');
    expect(await t.count('api_tokens')).toBe(before);

    const colleague = await organizer
      .post('/api/v1/api-tokens')
      .send({ name: 'Moscow secretariat', role: 'organizer', committeeIds: [jec.committee.id] })
      .expect(201);
    await t
      .as(colleague.body.token as string)
      .get(`/api/v1/committees/${jec.committee.id}`)
      .expect(200);
  });

  it('lists and revokes only tokens of its own committees', async () => {
    const party = await t.ctx.newParty(other.id, { code: 'RU' });
    const stranger = await t.ctx.newParticipant(other.id, party.id);
    const outsiders = [
      await t.admin
        .post('/api/v1/api-tokens')
        .send({ name: 'd', role: 'delegate', participantId: stranger.id }),
      await t.admin
        .post('/api/v1/api-tokens')
        .send({ name: 'o', role: 'organizer', committeeIds: [other.id] }),
      await t.admin.post('/api/v1/api-tokens').send({ name: 'a', role: 'admin' }),
    ].map((response) => response.body as { id: string; token: string });
    const mine = (await organizer.get('/api/v1/api-tokens?limit=200').expect(200)).body.items as Array<{
      id: string;
      role: string;
    }>;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.filter((token) => outsiders.some((outsider) => outsider.id === token.id))).toEqual([]);
    expect(mine.filter((token) => token.role === 'admin')).toEqual([]);
    for (const outsider of outsiders) await organizer.delete(`/api/v1/api-tokens/${outsider.id}`).expect(404);
    await t.as(outsiders[0].token).get(`/api/v1/participants/${stranger.id}`).expect(200);
  });
});

describe('What a delegate sees of the other party', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('shows e-mail addresses of its own party only, and does not match the others by address', async () => {
    const { committee, ir, ru } = await t.ctx.newBilateralCommittee();
    const own = await t.ctx.newParticipant(committee.id, ir.id, { email: 'k.jalali@mfa.ir' });
    const colleague = await t.ctx.newParticipant(committee.id, ir.id, { email: 'a.rahimi@mimt.gov.ir' });
    const russian = await t.ctx.newParticipant(committee.id, ru.id, {
      fullName: { en: 'Ivan Petrov' },
      email: 'i.petrov@minpromtorg.gov.ru',
    });
    const delegate = t.as(await t.ctx.delegateToken(own.id));

    const list = await delegate.get(`/api/v1/committees/${committee.id}/participants`).expect(200);
    const emails = Object.fromEntries(
      (list.body.items as Array<{ id: string; email: string | null }>).map((item) => [item.id, item.email]),
    );
    expect(emails).toEqual({
      [own.id]: 'k.jalali@mfa.ir',
      [colleague.id]: 'a.rahimi@mimt.gov.ir',
      [russian.id]: null,
    });
    const one = await delegate.get(`/api/v1/participants/${russian.id}`).expect(200);
    expect(one.body).toMatchObject({ email: null, fullName: { en: 'Ivan Petrov' }, partyId: ru.id });

    const byAddress = await delegate
      .get(`/api/v1/committees/${committee.id}/participants?q=minpromtorg`)
      .expect(200);
    expect(byAddress.body.items).toEqual([]);
    const byName = await delegate.get(`/api/v1/committees/${committee.id}/participants?q=petrov`).expect(200);
    expect(byName.body.items.map((item: { id: string }) => item.id)).toEqual([russian.id]);
    const ownByAddress = await delegate
      .get(`/api/v1/committees/${committee.id}/participants?q=mimt`)
      .expect(200);
    expect(ownByAddress.body.items.map((item: { id: string }) => item.id)).toEqual([colleague.id]);

    const organizer = await t.admin.get(`/api/v1/participants/${russian.id}`).expect(200);
    expect(organizer.body.email).toBe('i.petrov@minpromtorg.gov.ru');
  });

  it('counts room for one participant in the singular', async () => {
    const { committee, ir } = await t.ctx.newBilateralCommittee();
    const session = await t.ctx.newSession(committee.id, { capacity: 1 });
    const [first, second] = [
      await t.ctx.newParticipant(committee.id, ir.id),
      await t.ctx.newParticipant(committee.id, ir.id),
    ];
    const refused = await t.admin
      .post(`/api/v1/sessions/${session.id}/participants`)
      .send({ invitations: [{ participantId: first.id }, { participantId: second.id }] });
    expect({ status: refused.status, detail: refused.body.detail }).toEqual({
      status: 409,
      detail: 'The session has room for 1 participant; 2 are invited',
    });
  });
});
