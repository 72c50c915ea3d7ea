import { DateTime } from 'luxon';
import { expandCalendar, expandWithNodeIcal, jsIso } from '../support/ical.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

interface Occurrence {
  id: string;
  recurrenceId: string;
  startsAt: string;
  endsAt: string;
  status: string;
}

/** Next year, so every date below is inside a feed's window (90 days back, 2 years ahead). */
const YEAR = DateTime.utc().year + 1;

/** The local date on which `zone`'s offset changes in `month` of YEAR (after midnight: a gap or fold). */
function changeDay(zone: string, month: number): string {
  let day = DateTime.fromObject({ year: YEAR, month, day: 1 }, { zone });
  while (day.offset === day.plus({ days: 1 }).offset) day = day.plus({ days: 1 });
  return day.toISODate()!;
}

function minusDays(date: string, days: number): string {
  return DateTime.fromISO(date).minus({ days }).toISODate()!;
}

describe('Feeds in DST gaps and folds', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('expand, in ical.js and node-ical, to exactly the API’s occurrences, cancelled ones excluded', async () => {
    const { committee } = await t.ctx.newBilateralCommittee();
    const createSeries = async (timeZone: string, startDate: string, startTime: string, rrule: string) => {
      const response = await t.admin
        .post('/api/v1/series')
        .send({
          committeeId: committee.id,
          title: { en: 'Customs call', ru: 'Таможня', fa: 'گمرک' },
          kind: 'working_group',
          format: 'online',
          onlineMeeting: { joinUrl: 'https://meet.example.org/customs' },
          timeZone,
          startDate,
          startTime,
          durationMinutes: 60,
          rrule,
          publish: true,
        })
        .expect(201);
      return response.body as { id: string; occurrences: Occurrence[] };
    };
    const berlinGap = changeDay('Europe/Berlin', 3);
    const newYorkFold = changeDay('America/New_York', 11);
    const lordHoweGap = changeDay('Australia/Lord_Howe', 10);
    // Starts in the gap: 02:30 does not exist that day and is moved to 03:30.
    await createSeries(
      'Europe/Berlin',
      berlinGap,
      '02:30',
      'FREQ=DAILY;COUNT=3;BYDAY=MO,TU,WE,TH,FR,SA,SU,MO',
    );
    // Starts in the fold: 01:30 happens twice; the API takes the first.
    await createSeries('America/New_York', newYorkFold, '01:30', 'FREQ=DAILY;COUNT=3');
    // Passes the fold, with one occurrence moved and the one in the fold cancelled.
    const passing = await createSeries(
      'America/New_York',
      minusDays(newYorkFold, 2),
      '01:30',
      'FREQ=DAILY;COUNT=5',
    );
    await createSeries(
      'Australia/Lord_Howe',
      minusDays(lordHoweGap, 1),
      '02:15',
      'FREQ=WEEKLY;BYDAY=SA,SU,MO;COUNT=4',
    );
    const moved = passing.occurrences[1];
    const cancelled = passing.occurrences[2];
    expect(cancelled.recurrenceId).toBe(`${newYorkFold}T01:30`);
    await t.admin
      .patch(`/api/v1/sessions/${moved.id}`)
      .send({ start: `${moved.recurrenceId.slice(0, 10)}T11:00` })
      .expect(200);
    await t.admin.post(`/api/v1/sessions/${cancelled.id}/cancel`).send({ reason: 'Fold' }).expect(200);

    const listed = await t.admin.get(`/api/v1/sessions?committeeId=${committee.id}&limit=200`).expect(200);
    const expected = (listed.body.items as Occurrence[])
      .filter((occurrence) => occurrence.status !== 'cancelled')
      .map((occurrence) => `${jsIso(occurrence.startsAt)} – ${jsIso(occurrence.endsAt)}`)
      .sort();
    expect(expected).toHaveLength(3 + 3 + 4 + 4);

    const feed = await t.admin
      .post('/api/v1/feeds')
      .send({ scope: 'committee', targetId: committee.id, label: 'All' })
      .expect(201);
    const text = (await t.http.get(`/calendar/${feed.body.token}.ics`).expect(200)).text;
    // Instances readers would misplace come back as UTC RDATEs, the misplaced readings left out.
    expect(text).toMatch(/^RDATE:\d{8}T\d{6}Z/m);
    expect(text).toMatch(/^EXDATE:\d{8}T\d{6}Z/m);
    const pairs = (instances: Array<{ start: string; end: string }>) =>
      instances.map((instance) => `${instance.start} – ${instance.end}`).sort();
    expect({
      icalJs: pairs(expandCalendar(text)),
      nodeIcal: pairs(
        expandWithNodeIcal(text, new Date(Date.UTC(YEAR - 1, 0)), new Date(Date.UTC(YEAR + 2, 0))),
      ),
    }).toEqual({ icalJs: expected, nodeIcal: expected });
  });

  it('writes a single session at the second 01:30 of a fold so that every reader lands on it', async () => {
    const { committee } = await t.ctx.newBilateralCommittee();
    const fold = changeDay('America/New_York', 11);
    const session = await t.ctx.newSession(committee.id, {
      timeZone: 'America/New_York',
      start: `${fold}T01:30-05:00`,
      durationMinutes: 60,
    });
    await t.ctx.publish(session.id);
    const text = (await t.admin.get(`/api/v1/sessions/${session.id}/ics`).expect(200)).text;
    const expected = [`${jsIso(session.startsAt as string)} – ${jsIso(session.endsAt as string)}`];
    expect(expected[0]).toBe(`${fold}T06:30:00.000Z – ${fold}T07:30:00.000Z`);
    const pairs = (instances: Array<{ start: string; end: string }>) =>
      instances.map((instance) => `${instance.start} – ${instance.end}`);
    expect({
      icalJs: pairs(expandCalendar(text)),
      nodeIcal: pairs(
        expandWithNodeIcal(text, new Date(Date.UTC(YEAR - 1, 0)), new Date(Date.UTC(YEAR + 2, 0))),
      ),
      dtstart: /BEGIN:VEVENT[^]*?(DTSTART[^\r]*)/.exec(text)?.[1],
    }).toEqual({
      icalJs: expected,
      nodeIcal: expected,
      dtstart: `DTSTART:${fold.replace(/-/g, '')}T063000Z`,
    });
  });
});
