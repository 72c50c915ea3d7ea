import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import nodeIcal from 'node-ical';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Every calendar event links the session's page on the delegate portal. */
describe('Event URL', () => {
  let t: TestApp;
  let committeeId: string;
  let delegateId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const jec = await t.ctx.newBilateralCommittee();
    committeeId = jec.committee.id;
    delegateId = ((await t.ctx.newParticipant(committeeId, jec.ir.id)) as { id: string }).id;
  });
  afterAll(() => t.close());

  const localIn = (days: number) => DateTime.utc().plus({ days }).toISODate();

  async function feedText(): Promise<string> {
    const feed = await t.admin
      .post('/api/v1/feeds')
      .send({ label: 'Mine', scope: 'participant', targetId: delegateId })
      .expect(201);
    return (await t.http.get(`/calendar/${feed.body.token as string}.ics`).expect(200)).text;
  }

  it('is the session’s page in feeds (node-ical) and in the .ics download (ical.js)', async () => {
    const session = await t.ctx.newSession(committeeId, { start: `${localIn(5)}T10:00` });
    await t.ctx.invite(session.id, delegateId);
    await t.ctx.publish(session.id);
    const page = `https://quorum.test/sessions/${session.id}`;

    const feed = nodeIcal.sync.parseICS(await feedText());
    const event = feed[session.id] as nodeIcal.VEvent;
    expect(event.type).toBe('VEVENT');
    // node-ical keeps the property's VALUE=URI parameter beside the value.
    expect(event.url).toEqual({ params: { VALUE: 'URI' }, val: page });

    const ics = (await t.admin.get(`/api/v1/sessions/${session.id}/ics`).expect(200)).text;
    const vevent = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!;
    expect(vevent.getFirstPropertyValue('url')).toBe(page);
    expect((await t.http.get(new URL(page).pathname).redirects(0)).status).toBe(303);
  });

  it('is, for a series, the page of its first scheduled occurrence, and each override’s own page', async () => {
    const created = await t.admin
      .post('/api/v1/series')
      .send({
        committeeId,
        title: { en: 'Customs call' },
        kind: 'plenary',
        format: 'online',
        onlineMeeting: { joinUrl: 'https://meet.example.org/customs' },
        timeZone: 'Europe/Moscow',
        startDate: localIn(3),
        startTime: '10:00',
        durationMinutes: 60,
        rrule: 'FREQ=DAILY;COUNT=3',
        publish: true,
      })
      .expect(201);
    const occurrences = (await t.admin.get(`/api/v1/series/${created.body.id}`).expect(200)).body
      .occurrences as Array<{ id: string; startsAt: string }>;
    await t.admin
      .post(`/api/v1/sessions/${occurrences[0].id}/cancel`)
      .send({ reason: 'Holiday' })
      .expect(200);
    await t.admin
      .patch(`/api/v1/sessions/${occurrences[2].id}`)
      .send({ start: `${localIn(5)}T12:00` })
      .expect(200);

    const calendar = new ICAL.Component(ICAL.parse(await feedText()));
    const events = calendar
      .getAllSubcomponents('vevent')
      .filter((vevent) => vevent.getFirstPropertyValue('uid') === created.body.id);
    const master = events.find((vevent) => !vevent.hasProperty('recurrence-id'))!;
    const override = events.find((vevent) => vevent.hasProperty('recurrence-id'))!;
    expect(master.getFirstPropertyValue('rrule')).toBeTruthy();
    expect(master.getFirstPropertyValue('url')).toBe(`https://quorum.test/sessions/${occurrences[1].id}`);
    expect(override.getFirstPropertyValue('url')).toBe(`https://quorum.test/sessions/${occurrences[2].id}`);
  });
});
