import { startTestApp, type TestApp } from '../support/test-app.js';

type Bilateral = Awaited<ReturnType<TestApp['ctx']['newBilateralCommittee']>>;
interface Warning {
  code: string;
  partyId?: string;
  partyCode?: string;
  message: string;
  sessionId?: string;
  occurrenceId?: string;
}

describe('Warnings when a write falls outside a party’s working time', () => {
  let t: TestApp;
  let jec: Bilateral;
  beforeAll(async () => {
    t = await startTestApp();
    jec = await t.ctx.newBilateralCommittee();
  });
  afterAll(async () => {
    await t.close();
  });

  const createSeries = (body: Record<string, unknown>) =>
    t.admin.post('/api/v1/series').send({
      committeeId: jec.committee.id,
      title: 'Weekly call',
      kind: 'working_group',
      format: 'online',
      timeZone: 'Europe/Moscow',
      startTime: '10:00',
      durationMinutes: 60,
      ...body,
    });
  const codes = (warnings: Warning[] | undefined) =>
    (warnings ?? []).map((warning) => [warning.code, warning.partyCode, warning.message]);

  it('creates a Friday session and says Friday is not a working day for IR', async () => {
    const response = await t.admin
      .post('/api/v1/sessions')
      .send({
        committeeId: jec.committee.id,
        title: 'Friday call',
        kind: 'other',
        format: 'online',
        timeZone: 'Europe/Moscow',
        start: '2027-01-15T10:00',
        durationMinutes: 60,
      })
      .expect(201);
    expect(codes(response.body.warnings)).toEqual([
      ['non_working_day', 'IR', 'Friday is not a working day for IR'],
    ]);
    expect(response.body.warnings[0].partyId).toBe(jec.ir.id);
  });

  it('creates a session inside both parties’ hours without warnings', async () => {
    const session = await t.ctx.newSession(jec.committee.id, { start: '2027-01-12T10:00' });
    expect(session.warnings).toBeUndefined();
  });

  it('moves a session to a Moscow evening and on Nowruz, saying why each time, never refusing', async () => {
    const session = await t.ctx.newSession(jec.committee.id, { start: '2027-01-12T10:00' });
    const evening = await t.admin
      .patch(`/api/v1/sessions/${session.id}`)
      .send({ start: '2027-01-12T22:00', durationMinutes: 90 })
      .expect(200);
    expect(codes(evening.body.warnings)).toEqual([
      ['outside_working_hours', 'IR', "22:30–00:00 Tehran is outside IR's working hours (09:00–17:00)"],
      ['outside_working_hours', 'RU', "22:00–23:30 Moscow is outside RU's working hours (09:00–17:00)"],
    ]);
    const nowruz = await t.admin
      .patch(`/api/v1/sessions/${session.id}`)
      .send({ start: '2027-03-22T10:00', durationMinutes: 60 })
      .expect(200);
    expect(codes(nowruz.body.warnings)).toEqual([
      ['holiday', 'IR', '2027-03-22 is a public holiday for IR (نوروز)'],
    ]);
    const title = await t.admin
      .patch(`/api/v1/sessions/${session.id}`)
      .send({ title: 'Renamed' })
      .expect(200);
    expect(title.body.warnings).toBeUndefined();
  });

  it('lists an accepted clash with code clash beside the working-time warnings', async () => {
    const person = await t.ctx.newParticipant(jec.committee.id, jec.ru.id);
    const first = await t.ctx.newSession(jec.committee.id, { start: '2027-01-13T10:00' });
    const second = await t.ctx.newSession(jec.committee.id, { start: '2027-01-13T14:00' });
    await t.ctx.invite(first.id, person.id);
    await t.ctx.invite(second.id, person.id);
    const moved = await t.admin
      .patch(`/api/v1/sessions/${second.id}?allowConflicts=true`)
      .send({ start: '2027-01-13T16:00' })
      .expect(200);
    expect(codes(moved.body.warnings)).toEqual([
      ['outside_working_hours', 'IR', "16:30–18:30 Tehran is outside IR's working hours (09:00–17:00)"],
      ['outside_working_hours', 'RU', "16:00–18:00 Moscow is outside RU's working hours (09:00–17:00)"],
    ]);
    const clash = await t.admin
      .patch(`/api/v1/sessions/${second.id}?allowConflicts=true`)
      .send({ start: '2027-01-13T11:00' })
      .expect(200);
    expect(clash.body.warnings).toEqual([
      expect.objectContaining({
        code: 'clash',
        sessionId: first.id,
        message: expect.stringContaining('Plenary session'),
      }),
    ]);
  });

  it('holds a skipped series meeting on the next common working day, keeping COUNT, and warns of nothing then', async () => {
    const response = await createSeries({
      startDate: '2027-03-15',
      rrule: 'FREQ=WEEKLY;BYDAY=MO;COUNT=3',
      skipNonWorkingDays: true,
      replaceSkipped: 'next_common_working_day',
    }).expect(201);
    expect(response.body.replaceSkipped).toBe('next_common_working_day');
    expect(response.body.occurrences.map((o: { localStart: string }) => o.localStart.slice(0, 10))).toEqual([
      '2027-03-15',
      '2027-03-29',
      '2027-03-30',
    ]);
    expect(response.body.skipped).toEqual([
      expect.objectContaining({ recurrenceId: '2027-03-22T10:00', partyCode: 'IR' }),
    ]);
    expect(response.body.replacements).toEqual([
      { recurrenceId: '2027-03-22T10:00', replacedBy: '2027-03-30T10:00', startsAt: '2027-03-30T07:00:00Z' },
    ]);
    expect(response.body.warnings).toBeUndefined();
  });

  it('warns of each series occurrence outside working days, naming the occurrence', async () => {
    const response = await createSeries({
      startDate: '2027-01-14',
      rrule: 'FREQ=WEEKLY;BYDAY=TH;COUNT=2',
    }).expect(201);
    const ids = response.body.occurrences.map((o: { id: string }) => o.id);
    expect(response.body.warnings).toEqual(
      ids.map((id: string) =>
        expect.objectContaining({ code: 'non_working_day', partyCode: 'IR', occurrenceId: id }),
      ),
    );
  });

  it('refuses replaceSkipped without skipNonWorkingDays, naming the field', async () => {
    const before = await t.count('series');
    const response = await createSeries({
      startDate: '2027-01-14',
      rrule: 'FREQ=WEEKLY;COUNT=2',
      replaceSkipped: 'next_common_working_day',
    }).expect(422);
    expect(response.body.errors).toEqual([expect.objectContaining({ path: 'replaceSkipped' })]);
    expect(await t.count('series')).toBe(before);
  });
});
