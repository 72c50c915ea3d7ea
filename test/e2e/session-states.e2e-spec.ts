import { DateTime } from 'luxon';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** A local wall time in Moscow, `days` from today. */
const moscowIn = (days: number, time = '10:00'): string =>
  `${DateTime.now().setZone('Europe/Moscow').plus({ days }).toISODate()}T${time}`;

describe('Session states people expect', () => {
  let t: TestApp;
  let jec: Awaited<ReturnType<TestApp['ctx']['newBilateralCommittee']>>;
  beforeAll(async () => {
    t = await startTestApp();
    jec = await t.ctx.newBilateralCommittee();
  });
  afterAll(() => t.close());

  it('refuses to edit a cancelled session, and reinstates it for feeds with a higher SEQUENCE', async () => {
    const session = await t.ctx.newSession(jec.committee.id, { start: moscowIn(5) });
    await t.ctx.publish(session.id);
    await t.admin.post(`/api/v1/sessions/${session.id}/cancel`).send({ reason: 'Postponed' }).expect(200);
    const cancelled = await t.admin.get(`/api/v1/sessions/${session.id}`).expect(200);

    const edit = await t.admin.patch(`/api/v1/sessions/${session.id}`).send({ start: moscowIn(6) });
    expect({ status: edit.status, type: edit.body.type, detail: edit.body.detail }).toEqual({
      status: 409,
      type: 'https://quorum.dev/problems/session-cancelled',
      detail: expect.stringContaining('The session is cancelled'),
    });
    const unchanged = await t.admin.get(`/api/v1/sessions/${session.id}`).expect(200);
    expect(unchanged.body).toMatchObject({
      startsAt: cancelled.body.startsAt,
      version: cancelled.body.version,
    });

    const feed = await t.admin
      .post('/api/v1/feeds')
      .send({ scope: 'committee', targetId: jec.committee.id, label: 'JEC', locale: 'en' })
      .expect(201);
    const eventOf = async (): Promise<string> => {
      const calendar = (await t.http.get(`/calendar/${feed.body.token}.ics`).expect(200)).text;
      return calendar.split('BEGIN:VEVENT').find((event) => event.includes(`UID:${session.id}`)) ?? '';
    };
    expect(await eventOf()).toContain('STATUS:CANCELLED');

    const reinstated = await t.admin.post(`/api/v1/sessions/${session.id}/reinstate`).expect(200);
    expect(reinstated.body).toMatchObject({ status: 'scheduled', cancellationReason: null });
    expect(reinstated.body.sequence).toBe(cancelled.body.sequence + 1);
    const event = await eventOf();
    expect(event).toContain('STATUS:CONFIRMED');
    expect(event).toContain(`SEQUENCE:${reinstated.body.sequence}`);

    const again = await t.admin.post(`/api/v1/sessions/${session.id}/reinstate`);
    expect({ status: again.status, detail: again.body.detail }).toEqual({
      status: 409,
      detail: 'Only a cancelled session can be reinstated; this session is scheduled',
    });
    await t.admin
      .patch(`/api/v1/sessions/${session.id}`)
      .send({ start: moscowIn(6) })
      .expect(200);
  });

  it('reinstates with the clash rule: 409 listing the clash, unless allowConflicts', async () => {
    const person = await t.ctx.newParticipant(jec.committee.id, jec.ir.id);
    const first = await t.ctx.newSession(jec.committee.id, { start: moscowIn(8) });
    await t.ctx.invite(first.id, person.id);
    await t.ctx.publish(first.id);
    await t.admin.post(`/api/v1/sessions/${first.id}/cancel`).send({ reason: 'Moved' }).expect(200);
    const second = await t.ctx.newSession(jec.committee.id, { start: moscowIn(8) });
    await t.ctx.invite(second.id, person.id);

    const refused = await t.admin.post(`/api/v1/sessions/${first.id}/reinstate`);
    expect(refused.status).toBe(409);
    expect(refused.body.clashes.map((clash: { sessionId: string }) => clash.sessionId)).toEqual([second.id]);
    expect((await t.admin.get(`/api/v1/sessions/${first.id}`)).body.status).toBe('cancelled');
    const accepted = await t.admin
      .post(`/api/v1/sessions/${first.id}/reinstate?allowConflicts=true`)
      .expect(200);
    expect(accepted.body.warnings.map((clash: { sessionId: string }) => clash.sessionId)).toEqual([
      second.id,
    ]);
  });

  it('filters sessions by kind and format, and says whether each is upcoming, in progress or over', async () => {
    const { committee } = await t.ctx.newBilateralCommittee();
    const now = DateTime.now().setZone('Europe/Moscow');
    const past = await t.ctx.newSession(committee.id, {
      kind: 'webinar',
      format: 'online',
      start: moscowIn(-3),
    });
    const running = await t.ctx.newSession(committee.id, {
      kind: 'webinar',
      format: 'hybrid',
      start: now.minus({ hours: 1 }).toISO({ includeOffset: true }),
      durationMinutes: 180,
    });
    const coming = await t.ctx.newSession(committee.id, {
      kind: 'plenary',
      format: 'online',
      start: moscowIn(3),
    });
    const list = (query: string) =>
      t.admin
        .get(`/api/v1/sessions?committeeId=${committee.id}&${query}`)
        .expect(200)
        .then((response) => response.body.items.map((item: { id: string }) => item.id));
    expect(await list('kind=webinar')).toEqual([past.id, running.id]);
    expect(await list('format=online')).toEqual([past.id, coming.id]);
    expect(await list('kind=webinar&format=online')).toEqual([past.id]);
    const bad = await t.admin.get(`/api/v1/sessions?kind=party`);
    expect({
      status: bad.status,
      paths: bad.body.errors.map((error: { path: string }) => error.path),
    }).toEqual({
      status: 422,
      paths: ['kind'],
    });

    const all = await t.admin.get(`/api/v1/sessions?committeeId=${committee.id}`).expect(200);
    expect(
      all.body.items.map((item: { status: string; timing: string }) => [item.status, item.timing]),
    ).toEqual([
      ['draft', 'over'],
      ['draft', 'in_progress'],
      ['draft', 'upcoming'],
    ]);
  });

  it('publishes a draft series as a whole, in one transaction', async () => {
    const person = await t.ctx.newParticipant(jec.committee.id, jec.ru.id);
    const startDate = DateTime.now().setZone('Europe/Moscow').plus({ days: 30 }).toISODate();
    const created = await t.admin
      .post('/api/v1/series')
      .send({
        committeeId: jec.committee.id,
        title: 'Customs working group',
        kind: 'working_group',
        format: 'online',
        timeZone: 'Europe/Moscow',
        startDate,
        startTime: '15:00',
        durationMinutes: 60,
        rrule: 'FREQ=WEEKLY;COUNT=3',
      })
      .expect(201);
    const seriesId = created.body.id as string;
    await t.admin
      .post(`/api/v1/series/${seriesId}/participants`)
      .send({ invitations: [{ participantId: person.id }] })
      .expect(201);
    const blocker = await t.ctx.newSession(jec.committee.id, {
      start: `${startDate}T15:30`,
      durationMinutes: 30,
    });
    await t.ctx.invite(blocker.id, person.id);

    const refused = await t.admin.post(`/api/v1/series/${seriesId}/publish`);
    expect(refused.status).toBe(409);
    expect(refused.body.clashes.map((clash: { sessionId: string }) => clash.sessionId)).toEqual([blocker.id]);
    const still = await t.admin.get(`/api/v1/series/${seriesId}`).expect(200);
    expect(still.body.occurrences.map((o: { status: string }) => o.status)).toEqual([
      'draft',
      'draft',
      'draft',
    ]);

    await t.admin.delete(`/api/v1/sessions/${blocker.id}`).expect(204);
    const published = await t.admin.post(`/api/v1/series/${seriesId}/publish`).expect(200);
    expect(
      published.body.occurrences.map((o: { status: string; sequence: number }) => [o.status, o.sequence]),
    ).toEqual([
      ['scheduled', 1],
      ['scheduled', 1],
      ['scheduled', 1],
    ]);
    const again = await t.admin.post(`/api/v1/series/${seriesId}/publish`);
    expect({ status: again.status, detail: again.body.detail }).toEqual({
      status: 409,
      detail: 'The series has no draft occurrences to publish',
    });
  });
});
