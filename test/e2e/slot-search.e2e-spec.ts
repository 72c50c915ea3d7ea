import { DateTime } from 'luxon';
import { startTestApp, type TestApp } from '../support/test-app.js';

type Bilateral = Awaited<ReturnType<TestApp['ctx']['newBilateralCommittee']>>;
interface SlotBody {
  startsAt: string;
  endsAt: string;
  score: number;
  displayTimes: Array<{ timeZone: string; start: string; end: string }>;
  reasons: Array<{ code: string; participantIds?: string[]; partyCode?: string }>;
}

const moscowDate = (instant: string) => DateTime.fromISO(instant, { zone: 'Europe/Moscow' }).toISODate();

describe('Finding a time (POST /committees/:id/slot-search)', () => {
  let t: TestApp;
  let jec: Bilateral;
  let ali: string;
  let reza: string;
  let olga: string;
  let stranger: string;
  const path = () => `/api/v1/committees/${jec.committee.id}/slot-search`;
  const week = {
    durationMinutes: 60,
    from: '2027-01-09',
    to: '2027-01-15',
    timeZone: 'Europe/Moscow',
    limit: 50,
  };

  beforeAll(async () => {
    t = await startTestApp();
    jec = await t.ctx.newBilateralCommittee();
    ali = (await t.ctx.newParticipant(jec.committee.id, jec.ir.id)).id;
    reza = (await t.ctx.newParticipant(jec.committee.id, jec.ir.id)).id;
    olga = (await t.ctx.newParticipant(jec.committee.id, jec.ru.id)).id;
    const other = await t.ctx.newBilateralCommittee();
    stranger = (await t.ctx.newParticipant(other.committee.id, other.ir.id)).id;

    // Monday: Ali in a published plenary all day. Tuesday: Olga declined an all-day meeting.
    // Wednesday: Olga has a draft at noon.
    const monday = await t.ctx.newSession(jec.committee.id, {
      start: '2027-01-11T09:00',
      durationMinutes: 480,
    });
    await t.ctx.invite(monday.id, ali);
    await t.ctx.publish(monday.id);
    const tuesday = await t.ctx.newSession(jec.committee.id, {
      start: '2027-01-12T08:00',
      durationMinutes: 600,
    });
    await t.ctx.invite(tuesday.id, olga);
    await t.ctx.publish(tuesday.id);
    const olgaToken = await t.ctx.delegateToken(olga);
    await t
      .as(olgaToken)
      .put(`/api/v1/sessions/${tuesday.id}/participants/${olga}/rsvp`)
      .send({ rsvp: 'declined' })
      .expect(200);
    const draft = await t.ctx.newSession(jec.committee.id, {
      start: '2027-01-13T12:00',
      durationMinutes: 60,
    });
    await t.ctx.invite(draft.id, olga);
  });
  afterAll(async () => {
    await t.close();
  });

  it('ranks times on the days both work, around sessions, with both zones shown', async () => {
    const response = await t.admin
      .post(path())
      .send({ ...week, participantIds: [ali, olga] })
      .expect(200);
    expect(response.body.holidayDataVersion).toMatch(/^date-holidays \d{4}-\d{2}-\d{2}$/);
    expect(response.body.reasons).toEqual([]);
    const slots = response.body.slots as SlotBody[];
    // Monday is Ali's plenary; the declined Tuesday meeting does not block Olga.
    expect([...new Set(slots.map((slot) => moscowDate(slot.startsAt)))].sort()).toEqual([
      '2027-01-12',
      '2027-01-13',
    ]);
    expect(slots[0].displayTimes.map((time) => time.timeZone)).toEqual(['Europe/Moscow', 'Asia/Tehran']);
    expect(slots[0]).toMatchObject({ startsAt: '2027-01-12T09:00:00Z', endsAt: '2027-01-12T10:00:00Z' });
    expect(slots[0].displayTimes[1]).toMatchObject({ start: '2027-01-12T12:30:00+03:30' });
    const draftNoon = slots.find((slot) => slot.startsAt === '2027-01-13T09:00:00Z')!;
    expect(draftNoon.reasons).toContainEqual(
      expect.objectContaining({ code: 'tentative_conflict', participantIds: [olga] }),
    );
    expect(draftNoon.score).toBeLessThan(slots[0].score);
  });

  it('answers the same on the same data, in a constant number of queries', async () => {
    const one = await t.admin
      .post(path())
      .send({ ...week, participantIds: [ali] })
      .expect(200);
    const three = await t.admin
      .post(path())
      .send({ ...week, participantIds: [ali, olga, reza] })
      .expect(200);
    const again = await t.admin
      .post(path())
      .send({ ...week, participantIds: [ali, olga, reza] })
      .expect(200);
    expect(again.body).toEqual(three.body);
    expect(three.headers['x-query-count']).toBe(one.headers['x-query-count']);
  });

  it('says why there is no time during Nowruz 2027', async () => {
    const response = await t.admin
      .post(path())
      .send({ ...week, from: '2027-03-20', to: '2027-03-26', participantIds: [ali] })
      .expect(200);
    expect(response.body.slots).toEqual([]);
    expect(response.body.reasons).toEqual([expect.objectContaining({ code: 'no_common_working_day' })]);
  });

  it('lets minPerParty stand for a quorum of a party', async () => {
    const monday = { ...week, from: '2027-01-11', to: '2027-01-11' };
    const all = await t.admin
      .post(path())
      .send({ ...monday, participantIds: [ali, reza, olga] })
      .expect(200);
    expect(all.body.slots).toEqual([]);
    expect(all.body.reasons).toEqual([
      expect.objectContaining({ code: 'always_busy', participantIds: [ali] }),
    ]);
    const quorum = await t.admin
      .post(path())
      .send({ ...monday, participantIds: [ali, reza, olga], minPerParty: { IR: 1, RU: 1 } })
      .expect(200);
    expect(quorum.body.slots).toHaveLength(14);
  });

  it.each([
    ['to', { to: '2027-04-15' }],
    ['to', { to: '2027-01-01' }],
    ['durationMinutes', { durationMinutes: 0 }],
    ['durationMinutes', { durationMinutes: 100000 }],
    ['participantIds[1]', { participantIds: ['OLGA', '00000000-0000-4000-8000-000000000000'] }],
    ['participantIds[1]', { participantIds: ['OLGA', 'STRANGER'] }],
    ['participantIds', { participantIds: [] }],
    ['minPerParty.DE', { minPerParty: { DE: 1 } }],
    ['minPerParty.IR', { minPerParty: { IR: 0 } }],
    ['limit', { limit: 51 }],
    ['timeZone', { timeZone: 'Mars/Olympus' }],
    ['granularityMinutes', { granularityMinutes: 7 }],
  ])('answers 422 naming %s', async (field, change) => {
    const body: Record<string, unknown> = { ...week, participantIds: [olga], ...change };
    if (Array.isArray(body.participantIds)) {
      body.participantIds = body.participantIds.map((id: string) =>
        id === 'OLGA' ? olga : id === 'STRANGER' ? stranger : id,
      );
    }
    const response = await t.admin.post(path()).send(body).expect(422);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.body.errors.map((error: { path: string }) => error.path)).toContain(field);
  });

  it('lets a delegate search with itself among the participants, seeing free/busy but no titles', async () => {
    const token = await t.ctx.delegateToken(ali);
    await t
      .as(token)
      .post(path())
      .send({ ...week, participantIds: [olga] })
      .expect(403);
    const own = await t
      .as(token)
      .post(path())
      .send({ ...week, participantIds: [ali, olga] })
      .expect(200);
    expect(own.body.slots.length).toBeGreaterThan(0);
    expect(JSON.stringify(own.body)).not.toContain('Plenary');
  });

  it('is 404 to an organizer of another committee', async () => {
    const other = await t.ctx.newCommittee();
    const token = await t.ctx.organizerToken(other.id);
    await t
      .as(token)
      .post(path())
      .send({ ...week, participantIds: [olga] })
      .expect(404);
  });
});
