import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * `null` means "none" only where a field can be empty (a description, a working group, a
 * capacity). Everywhere else it is a 422 naming the field, and nothing changes.
 */
describe('null in writes', () => {
  let t: TestApp;
  const paths: Record<string, string> = {};
  /** Where each resource is read back (an agenda item is read in its session's list). */
  const reads: Record<string, string> = {};
  beforeAll(async () => {
    t = await startTestApp();
    const { committee, ir } = await t.ctx.newBilateralCommittee();
    const participant = await t.ctx.newParticipant(committee.id, ir.id);
    const group = await t.ctx.newWorkingGroup(committee.id);
    const session = await t.ctx.newSession(committee.id, { start: '2027-02-01T10:00' });
    const item = await t.admin
      .post(`/api/v1/sessions/${session.id}/agenda-items`)
      .send({ title: 'Opening', kind: 'opening', durationMinutes: 10 })
      .expect(201);
    const series = await t.admin
      .post('/api/v1/series')
      .send({
        committeeId: committee.id,
        title: 'Monthly call',
        kind: 'plenary',
        format: 'online',
        timeZone: 'Europe/Moscow',
        startDate: '2027-03-01',
        startTime: '10:00',
        durationMinutes: 60,
        rrule: 'FREQ=MONTHLY;BYDAY=1MO;COUNT=3',
      })
      .expect(201);
    Object.assign(paths, {
      committee: `/api/v1/committees/${committee.id}`,
      party: `/api/v1/committees/${committee.id}/parties/${ir.id}`,
      participant: `/api/v1/participants/${participant.id}`,
      workingGroup: `/api/v1/working-groups/${group.id}`,
      session: `/api/v1/sessions/${session.id}`,
      agendaItem: `/api/v1/sessions/${session.id}/agenda-items/${item.body.id}`,
      series: `/api/v1/series/${series.body.id}`,
    });
    Object.assign(reads, paths, { agendaItem: `/api/v1/sessions/${session.id}/agenda-items` });
  });
  afterAll(async () => {
    await t.close();
  });

  const refused: Array<[string, string]> = [
    ['committee', 'name'],
    ['committee', 'slug'],
    ['committee', 'defaultTimeZone'],
    ['committee', 'defaultLocale'],
    ['party', 'name'],
    ['party', 'timeZone'],
    ['party', 'locale'],
    ['party', 'workWeek'],
    ['party', 'workingHours'],
    ['party', 'extraNonWorkingDays'],
    ['party', 'extraWorkingDays'],
    ['participant', 'fullName'],
    ['participant', 'email'],
    ['participant', 'partyId'],
    ['participant', 'delegationRole'],
    ['participant', 'timeZone'],
    ['participant', 'locale'],
    ['workingGroup', 'name'],
    ['workingGroup', 'slug'],
    ['workingGroup', 'status'],
    ['session', 'title'],
    ['session', 'kind'],
    ['session', 'format'],
    ['session', 'timeZone'],
    ['session', 'start'],
    ['session', 'end'],
    ['session', 'durationMinutes'],
    ['agendaItem', 'title'],
    ['agendaItem', 'durationMinutes'],
    ['agendaItem', 'presenterIds'],
    ['agendaItem', 'links'],
    ['series', 'title'],
    ['series', 'rrule'],
    ['series', 'startTime'],
    ['series', 'durationMinutes'],
    ['series', 'skipNonWorkingDays'],
  ];

  it.each(refused)(
    'PATCH %s with %s: null is a 422 naming the field, changing nothing',
    async (resource, field) => {
      const before = await t.admin.get(reads[resource]).expect(200);
      const response = await t.admin.patch(paths[resource]).send({ [field]: null });
      expect(response.status).toBe(422);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body.errors.map((error: { path: string }) => error.path)).toContain(field);
      const after = await t.admin.get(reads[resource]).expect(200);
      expect(after.body).toEqual(before.body);
    },
  );

  const cleared: Array<[string, string]> = [
    ['committee', 'description'],
    ['party', 'holidayCountry'],
    ['participant', 'organization'],
    ['workingGroup', 'description'],
    ['session', 'description'],
    ['session', 'location'],
    ['session', 'capacity'],
    ['session', 'workingGroupId'],
    ['agendaItem', 'description'],
    ['series', 'location'],
  ];

  it.each(cleared)('PATCH %s with %s: null clears it', async (resource, field) => {
    const response = await t.admin.patch(paths[resource]).send({ [field]: null });
    expect({ status: response.status, [field]: response.body[field] }).toEqual({
      status: 200,
      [field]: null,
    });
  });

  it('refuses null on create for a field that has a default but no "none"', async () => {
    const { committee, ru } = await t.ctx.newBilateralCommittee();
    const before = await t.count('participants');
    const response = await t.admin.post(`/api/v1/committees/${committee.id}/participants`).send({
      fullName: 'Oleg Ryazantsev',
      email: 'ryazantsev@example.org',
      partyId: ru.id,
      timeZone: null,
      locale: null,
    });
    expect(response.status).toBe(422);
    expect(response.body.errors.map((error: { path: string }) => error.path).sort()).toEqual([
      'locale',
      'timeZone',
    ]);
    expect(await t.count('participants')).toBe(before);
  });
});
