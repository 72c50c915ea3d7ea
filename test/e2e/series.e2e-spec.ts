import { DateTime } from 'luxon';
import { expandCalendar, jsIso, parseCalendar } from '../support/ical.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

type Bilateral = Awaited<ReturnType<TestApp['ctx']['newBilateralCommittee']>>;
interface Occurrence {
  id: string;
  recurrenceId: string;
  startsAt: string;
  endsAt: string;
  localStart: string;
  status: string;
  title: Record<string, string>;
}

/** Next year, so every date below is inside a feed's window (90 days back, 2 years ahead). */
const YEAR = DateTime.utc().year + 1;

describe('Recurring series', () => {
  let t: TestApp;
  let jec: Bilateral;
  beforeAll(async () => {
    t = await startTestApp();
    jec = await t.ctx.newBilateralCommittee();
  });
  afterAll(async () => {
    await t.close();
  });

  const createSeries = async (body: Record<string, unknown>, committeeId = jec.committee.id) => {
    const response = await t.admin.post('/api/v1/series').send({
      committeeId,
      title: { en: 'Industry working group call', ru: 'Созвон рабочей группы', fa: 'تماس کارگروه' },
      kind: 'working_group',
      format: 'online',
      onlineMeeting: { joinUrl: 'https://meet.example.org/industry' },
      timeZone: 'Europe/Moscow',
      startTime: '10:00',
      durationMinutes: 60,
      publish: true,
      ...body,
    });
    expect({ status: response.status, body: response.status === 201 ? 'ok' : response.body }).toEqual({
      status: 201,
      body: 'ok',
    });
    return response.body as {
      id: string;
      occurrences: Occurrence[];
      skipped: unknown[];
      shifted: unknown[];
      rrule: string;
    };
  };
  const feedFor = async (committeeId: string) => {
    const feed = await t.admin
      .post('/api/v1/feeds')
      .send({ scope: 'committee', targetId: committeeId, label: 'All' })
      .expect(201);
    return async () => (await t.http.get(`/calendar/${feed.body.token}.ics`).expect(200)).text;
  };
  const liveInstants = (occurrences: Occurrence[]) =>
    occurrences
      .filter((occurrence) => occurrence.status !== 'cancelled')
      .map((occurrence) => [jsIso(occurrence.startsAt), jsIso(occurrence.endsAt)]);

  it('creates a weekly Moscow series at 10:00 that ical.js expands to the same instants', async () => {
    const c = await t.ctx.newBilateralCommittee();
    const series = await createSeries(
      { startDate: `${YEAR}-01-05`, rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=8' },
      c.committee.id,
    );
    expect(series.occurrences).toHaveLength(8);
    for (const occurrence of series.occurrences) {
      expect(occurrence.localStart.slice(11)).toBe('10:00:00+03:00');
      expect(DateTime.fromISO(occurrence.startsAt, { zone: 'Europe/Moscow' }).weekday).toBe(2);
    }
    const listed = await t.admin.get(`/api/v1/sessions?committeeId=${c.committee.id}`).expect(200);
    expect(listed.body.items.map((item: { recurrenceId: string }) => item.recurrenceId)).toEqual(
      series.occurrences.map((occurrence) => occurrence.recurrenceId),
    );
    const text = await (await feedFor(c.committee.id))();
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(text).toContain('RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=8');
    expect(expandCalendar(text).map((instance) => [instance.start, instance.end])).toEqual(
      liveInstants(series.occurrences),
    );
  });

  it('keeps 10:00 in Berlin across both DST changes, in the API and in the feed', async () => {
    const c = await t.ctx.newBilateralCommittee();
    const series = await createSeries(
      {
        timeZone: 'Europe/Berlin',
        startDate: `${YEAR}-01-04`,
        rrule: `FREQ=WEEKLY;INTERVAL=2;BYDAY=MO;UNTIL=${YEAR}1231T230000Z`,
      },
      c.committee.id,
    );
    const utcHours = new Set(series.occurrences.map((occurrence) => occurrence.startsAt.slice(11, 16)));
    expect([...utcHours].sort()).toEqual(['08:00', '09:00']);
    for (const occurrence of series.occurrences) expect(occurrence.localStart.slice(11, 16)).toBe('10:00');
    const text = await (await feedFor(c.committee.id))();
    expect(expandCalendar(text).map((instance) => [instance.start, instance.end])).toEqual(
      liveInstants(series.occurrences),
    );
  });

  it('keeps the wall-clock time in New York and Tehran too, and moves a time out of a DST gap', async () => {
    const newYork = await createSeries({
      timeZone: 'America/New_York',
      startDate: `${YEAR}-03-01`,
      rrule: 'FREQ=WEEKLY;BYDAY=MO;COUNT=3',
    });
    expect(newYork.occurrences.map((occurrence) => occurrence.startsAt.slice(11, 16))).toEqual([
      '15:00',
      '15:00',
      '14:00',
    ]);
    const tehran = await createSeries({
      timeZone: 'Asia/Tehran',
      startDate: '2022-06-01',
      rrule: 'FREQ=MONTHLY;BYDAY=-1WE;COUNT=6',
    });
    expect(tehran.occurrences.map((occurrence) => occurrence.startsAt.slice(11, 16))).toEqual([
      '05:30',
      '05:30',
      '05:30',
      '06:30',
      '06:30',
      '06:30',
    ]);
    const gap = await createSeries({
      timeZone: 'Europe/Berlin',
      startTime: '02:30',
      startDate: `${YEAR}-03-14`,
      rrule: 'FREQ=DAILY;COUNT=40',
    });
    const moved = gap.occurrences.filter((occurrence) => occurrence.localStart.slice(11, 16) === '03:30');
    expect(moved).toHaveLength(1);
    expect(gap.shifted).toEqual([
      expect.objectContaining({
        recurrenceId: `${moved[0].localStart.slice(0, 10)}T02:30`,
        shiftedMinutes: 60,
      }),
    ]);
  });

  it('rejects rules outside the subset or its limits with a 422 that says why, writing nothing', async () => {
    const before = await t.count('series');
    for (const [rrule, reason] of [
      ['FREQ=SECONDLY;COUNT=5', /FREQ/],
      ['FREQ=WEEKLY;BYDAY=TU', /COUNT or UNTIL/],
      ['FREQ=MONTHLY;BYDAY=9MO;COUNT=3', /9MO|ordinal/i],
      ['FREQ=DAILY;COUNT=501', /500/],
      [`FREQ=MONTHLY;UNTIL=${YEAR + 7}0101T000000Z`, /5 years/],
      ['FREQ=WEEKLY;BYSETPOS=1;COUNT=3', /BYSETPOS/],
    ] as const) {
      const response = await t.admin.post('/api/v1/series').send({
        committeeId: jec.committee.id,
        title: 'Bad rule',
        kind: 'working_group',
        format: 'online',
        timeZone: 'Europe/Moscow',
        startDate: `${YEAR}-01-05`,
        startTime: '10:00',
        durationMinutes: 60,
        rrule,
      });
      expect({ rrule, status: response.status }).toEqual({ rrule, status: 422 });
      expect(response.body.errors.map((error: { path: string }) => error.path)).toContain('rrule');
      expect(response.body.detail).toMatch(reason);
    }
    expect(await t.count('series')).toBe(before);
  });

  it('leaves out weekends and public holidays of either party, saying which and why', async () => {
    const series = await createSeries({
      timeZone: 'Asia/Tehran',
      startDate: '2026-03-16',
      rrule: 'FREQ=DAILY;COUNT=14',
      skipNonWorkingDays: true,
    });
    const dates = series.occurrences.map((occurrence) => occurrence.recurrenceId.slice(0, 10));
    for (const holiday of ['2026-03-21', '2026-03-22', '2026-03-23', '2026-03-24'])
      expect(dates).not.toContain(holiday);
    expect(dates).not.toContain('2026-03-19');
    expect(dates).toContain('2026-03-17');
    const skipped = series.skipped as Array<{
      recurrenceId: string;
      partyCode: string;
      reason: string;
      name?: string;
    }>;
    expect(skipped).toContainEqual({ recurrenceId: '2026-03-19T10:00', partyCode: 'IR', reason: 'weekend' });
    expect(skipped).toContainEqual({ recurrenceId: '2026-03-21T10:00', partyCode: 'RU', reason: 'weekend' });
    expect(skipped).toContainEqual(
      expect.objectContaining({
        recurrenceId: '2026-03-23T10:00',
        partyCode: 'IR',
        reason: 'holiday',
        name: expect.stringContaining('نوروز'),
      }),
    );
  });

  it('moves, edits and cancels single occurrences, and the feed expands to exactly the API’s occurrences', async () => {
    const c = await t.ctx.newBilateralCommittee();
    const series = await createSeries(
      {
        timeZone: 'Asia/Tehran',
        startDate: `${YEAR}-01-01`,
        rrule: 'FREQ=MONTHLY;BYDAY=-1WE;COUNT=12',
        title: { fa: 'کارگروه تجارت', en: 'Trade working group' },
      },
      c.committee.id,
    );
    const [, second, third, fourth] = series.occurrences;
    await t.admin
      .patch(`/api/v1/sessions/${second.id}`)
      .send({ start: `${second.recurrenceId.slice(0, 10)}T14:00` })
      .expect(200);
    await t.admin
      .patch(`/api/v1/sessions/${third.id}`)
      .send({
        start: `${DateTime.fromISO(third.recurrenceId).plus({ days: 1 }).toISODate()}T09:00`,
        title: 'Moved to Thursday',
      })
      .expect(200);
    const sequenceBefore = (await t.admin.get(`/api/v1/series/${series.id}`).expect(200)).body.sequence;
    await t.admin.post(`/api/v1/sessions/${fourth.id}/cancel`).send({ reason: 'Nowruz' }).expect(200);
    const current = (await t.admin.get(`/api/v1/series/${series.id}`).expect(200)).body as {
      occurrences: Occurrence[];
      sequence: number;
    };
    // The EXDATE changes the series' own VEVENT: calendar apps must see a higher SEQUENCE.
    expect(current.sequence).toBe(sequenceBefore + 1);
    // Downloaded on its own, a moved occurrence is the same VEVENT as in the feed.
    const single = parseCalendar(
      (await t.admin.get(`/api/v1/sessions/${second.id}/ics`).expect(200)).text,
    ).events;
    expect(single).toHaveLength(1);
    expect(single[0]).toMatchObject({
      uid: series.id,
      recurrenceId: jsIso(second.startsAt),
      start: jsIso(current.occurrences[1].startsAt),
      sequence: current.sequence,
    });
    const text = await (await feedFor(c.committee.id))();
    expect(text.match(/RECURRENCE-ID;TZID=Asia\/Tehran/g)).toHaveLength(2);
    expect(text).toMatch(/EXDATE;TZID=Asia\/Tehran:\d{8}T100000/);
    const expanded = expandCalendar(text);
    expect(expanded.map((instance) => [instance.start, instance.end])).toEqual(
      liveInstants(current.occurrences),
    );
    expect(
      expanded.find((instance) => instance.start === jsIso(current.occurrences[2].startsAt))?.summary,
    ).toBe('Moved to Thursday');
  });

  it('edits the series from a date on, keeping earlier and individually edited occurrences', async () => {
    const c = await t.ctx.newBilateralCommittee();
    const series = await createSeries(
      { startDate: `${YEAR}-02-02`, rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=6' },
      c.committee.id,
    );
    const [first, second, third, fourth] = series.occurrences;
    await t.admin.patch(`/api/v1/sessions/${fourth.id}`).send({ title: 'Special edition' }).expect(200);
    const from = third.recurrenceId.slice(0, 10);
    const renamed = await t.admin
      .patch(`/api/v1/series/${series.id}`)
      .send({ from, title: 'Renamed call' })
      .expect(200);
    const titles = renamed.body.occurrences.map(
      (occurrence: Occurrence) => occurrence.title.en ?? Object.values(occurrence.title)[0],
    );
    expect(titles).toEqual([
      'Industry working group call',
      'Industry working group call',
      'Renamed call',
      'Special edition',
      'Renamed call',
      'Renamed call',
    ]);

    const moved = await t.admin
      .patch(`/api/v1/series/${series.id}`)
      .send({ from, startTime: '11:30' })
      .expect(200);
    expect(moved.body.continuedBy).toBe(moved.body.id);
    expect(moved.body.id).not.toBe(series.id);
    const old = (await t.admin.get(`/api/v1/series/${series.id}`).expect(200)).body;
    expect(old.occurrences.map((occurrence: Occurrence) => occurrence.id)).toEqual([
      first.id,
      second.id,
      fourth.id,
    ]);
    expect(old.occurrences.map((occurrence: Occurrence) => occurrence.localStart.slice(11, 16))).toEqual([
      '10:00',
      '10:00',
      '10:00',
    ]);
    expect(
      moved.body.occurrences.map((occurrence: Occurrence) => occurrence.localStart.slice(11, 16)),
    ).toEqual(['11:30', '11:30', '11:30']);
    expect(moved.body.occurrences[0].id).toBe(third.id);

    const all = (await t.admin.get(`/api/v1/sessions?committeeId=${c.committee.id}`).expect(200)).body
      .items as Occurrence[];
    const text = await (await feedFor(c.committee.id))();
    expect(expandCalendar(text).map((instance) => [instance.start, instance.end])).toEqual(liveInstants(all));
  });

  it('carries a series on from a date between occurrences on its own days and rhythm', async () => {
    const c = await t.ctx.newBilateralCommittee();
    // Every second week, on the start date's weekday (no BYDAY): the weekday and rhythm come from the start.
    const series = await createSeries(
      { startDate: `${YEAR}-02-02`, rrule: 'FREQ=WEEKLY;INTERVAL=2;COUNT=6' },
      c.committee.id,
    );
    const dates = series.occurrences.map((occurrence) => occurrence.recurrenceId.slice(0, 10));
    const between = DateTime.fromISO(dates[2]).plus({ days: 2 }).toISODate()!;
    const moved = await t.admin
      .patch(`/api/v1/series/${series.id}`)
      .send({ from: between, startTime: '11:00' })
      .expect(200);
    expect(
      moved.body.occurrences.map((occurrence: Occurrence) => occurrence.localStart.slice(0, 16)),
    ).toEqual(dates.slice(3).map((date) => `${date}T11:00`));
    const past = await t.admin
      .patch(`/api/v1/series/${moved.body.id}`)
      .send({ from: `${YEAR + 1}-01-01`, startTime: '12:00' });
    expect({ status: past.status, path: past.body.errors?.[0].path }).toEqual({ status: 422, path: 'from' });
  });

  it('refuses to end a series before its first date, and ending it after its last changes nothing', async () => {
    const c = await t.ctx.newBilateralCommittee();
    const series = await createSeries(
      { startDate: `${YEAR}-03-01`, rrule: 'FREQ=WEEKLY;BYDAY=FR;COUNT=3' },
      c.committee.id,
    );
    const first = series.occurrences[0].recurrenceId.slice(0, 10);
    const tooEarly = DateTime.fromISO(first).minus({ days: 1 }).toISODate()!;
    const refused = await t.admin.post(`/api/v1/series/${series.id}/end`).send({ lastDate: tooEarly });
    expect({ status: refused.status, path: refused.body.errors?.[0].path }).toEqual({
      status: 422,
      path: 'lastDate',
    });
    const late = await t.admin
      .post(`/api/v1/series/${series.id}/end`)
      .send({ lastDate: `${YEAR + 1}-01-01` })
      .expect(200);
    expect({ sequence: late.body.sequence, count: late.body.occurrences.length }).toEqual({
      sequence: 0,
      count: 3,
    });
  });

  it('ends a series early, keeping its past, and raises its SEQUENCE when the rule changes', async () => {
    const c = await t.ctx.newBilateralCommittee();
    const series = await createSeries(
      { startDate: `${YEAR}-03-02`, rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=10' },
      c.committee.id,
    );
    const fetchFeed = await feedFor(c.committee.id);
    expect(await fetchFeed()).toMatch(/\r\nSEQUENCE:0\r\n/);
    const lastDate = series.occurrences[3].recurrenceId.slice(0, 10);
    const ended = await t.admin.post(`/api/v1/series/${series.id}/end`).send({ lastDate }).expect(200);
    expect(ended.body.occurrences.map((occurrence: Occurrence) => occurrence.id)).toEqual(
      series.occurrences.slice(0, 4).map((o) => o.id),
    );
    expect(ended.body.rrule).toMatch(/UNTIL=\d{8}T\d{6}Z/);
    expect(ended.body.sequence).toBe(1);
    const text = await fetchFeed();
    expect(text).toMatch(/\r\nSEQUENCE:1\r\n/);
    expect(expandCalendar(text).map((instance) => [instance.start, instance.end])).toEqual(
      liveInstants(ended.body.occurrences),
    );
  });

  it('raises the series’ SEQUENCE when its title, place or link change, not for other edits', async () => {
    const c = await t.ctx.newBilateralCommittee();
    const series = await createSeries(
      { startDate: `${YEAR}-03-02`, rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=2' },
      c.committee.id,
    );
    const fetchFeed = await feedFor(c.committee.id);
    const described = await t.admin
      .patch(`/api/v1/series/${series.id}`)
      .send({ description: 'Standing agenda' })
      .expect(200);
    expect(described.body.sequence).toBe(0);
    const sameLink = await t.admin
      .patch(`/api/v1/series/${series.id}`)
      .send({ onlineMeeting: { joinUrl: 'https://meet.example.org/industry' } })
      .expect(200);
    expect(sameLink.body.sequence).toBe(0);
    const renamed = await t.admin
      .patch(`/api/v1/series/${series.id}`)
      .send({ title: 'Industry and shipbuilding call' })
      .expect(200);
    expect(renamed.body.sequence).toBe(1);
    const text = await fetchFeed();
    expect(text).toMatch(/\r\nSEQUENCE:1\r\n/);
    expect(text).toContain('SUMMARY:Industry and shipbuilding call');
  });

  it('publishes dates added to a published series even when none of its later dates remain', async () => {
    const c = await t.ctx.newBilateralCommittee();
    const series = await createSeries(
      { startDate: `${YEAR}-03-02`, rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=2' },
      c.committee.id,
    );
    const afterLast = DateTime.fromISO(series.occurrences[1].recurrenceId).plus({ days: 1 }).toISODate();
    const extended = await t.admin
      .patch(`/api/v1/series/${series.id}`)
      .send({ from: afterLast, rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=3' })
      .expect(200);
    expect(extended.body.occurrences.map((occurrence: Occurrence) => occurrence.status)).toEqual([
      'scheduled',
      'scheduled',
      'scheduled',
    ]);
    const impossible = await t.admin
      .patch(`/api/v1/series/${series.id}`)
      .send({ from: `${YEAR}-02-30`, startTime: '09:00' });
    expect({ status: impossible.status, path: impossible.body.errors?.[0].path }).toEqual({
      status: 422,
      path: 'from',
    });
  });

  it('applies series invitations to every occurrence, including ones added later', async () => {
    const c = await t.ctx.newBilateralCommittee();
    const person = await t.ctx.newParticipant(c.committee.id, c.ru.id);
    const series = await createSeries(
      { startDate: `${YEAR}-04-06`, rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=3' },
      c.committee.id,
    );
    await t.admin
      .post(`/api/v1/series/${series.id}/participants`)
      .send({ invitations: [{ participantId: person.id, role: 'member' }] })
      .expect(201);
    const invitedTo = await t.admin.get(`/api/v1/sessions?participantId=${person.id}`).expect(200);
    expect(invitedTo.body.items).toHaveLength(3);
    await t.admin
      .patch(`/api/v1/series/${series.id}`)
      .send({ rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=5' })
      .expect(200);
    const after = await t.admin.get(`/api/v1/sessions?participantId=${person.id}`).expect(200);
    expect(after.body.items).toHaveLength(5);
    const delegate = t.as(await t.ctx.delegateToken(person.id));
    const seen = await delegate.get(`/api/v1/series/${series.id}`).expect(200);
    expect(seen.body.occurrences).toHaveLength(5);
    await delegate.patch(`/api/v1/series/${series.id}`).send({ title: 'Mine now' }).expect(403);

    const refused = await t.admin.delete(`/api/v1/participants/${person.id}`);
    expect({ status: refused.status, detail: refused.body.detail }).toEqual({
      status: 409,
      detail: 'The participant is invited to 5 sessions and 1 series; remove those invitations first',
    });
    await t.admin.delete(`/api/v1/series/${series.id}/participants/${person.id}`).expect(204);
    const uninvited = await t.admin.get(`/api/v1/sessions?participantId=${person.id}`).expect(200);
    expect(uninvited.body.items).toHaveLength(0);
    await t.admin.delete(`/api/v1/series/${series.id}/participants/${person.id}`).expect(404);
    await delegate.get(`/api/v1/series/${series.id}`).expect(404);
    await delegate.patch(`/api/v1/series/${series.id}`).send({ title: 'Mine now' }).expect(404);
    await t.admin.delete(`/api/v1/participants/${person.id}`).expect(204);
  });

  it('lists to a delegate only the series it can see an occurrence of', async () => {
    const c = await t.ctx.newBilateralCommittee();
    const person = await t.ctx.newParticipant(c.committee.id, c.ir.id);
    const group = await t.ctx.newWorkingGroup(c.committee.id);
    const theirs = await createSeries(
      { startDate: `${YEAR}-06-01`, rrule: 'FREQ=WEEKLY;BYDAY=MO;COUNT=2', workingGroupId: group.id },
      c.committee.id,
    );
    const others = await createSeries(
      { startDate: `${YEAR}-06-02`, rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=2' },
      c.committee.id,
    );
    await t.admin
      .post(`/api/v1/working-groups/${group.id}/members`)
      .send({ participantId: person.id })
      .expect(201);
    const delegate = t.as(await t.ctx.delegateToken(person.id));
    const listed = await delegate.get(`/api/v1/series?committeeId=${c.committee.id}`).expect(200);
    expect(listed.body.items.map((series: { id: string }) => series.id)).toEqual([theirs.id]);
    await delegate.get(`/api/v1/series/${others.id}`).expect(404);
    const all = await t.admin.get(`/api/v1/series?committeeId=${c.committee.id}`).expect(200);
    expect(all.body.items.map((series: { id: string }) => series.id)).toEqual([theirs.id, others.id]);
  });

  it('checks every occurrence for clashes when inviting to a series, in one answer', async () => {
    const c = await t.ctx.newBilateralCommittee();
    const person = await t.ctx.newParticipant(c.committee.id, c.ir.id);
    const series = await createSeries(
      { startDate: `${YEAR}-05-04`, rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=4' },
      c.committee.id,
    );
    const busy = await t.ctx.newSession(c.committee.id, {
      start: series.occurrences[2].localStart.slice(0, 16),
      durationMinutes: 30,
    });
    await t.ctx.invite(busy.id, person.id);
    const before = await t.count('session_participants');
    const refused = await t.admin
      .post(`/api/v1/series/${series.id}/participants`)
      .send({ invitations: [{ participantId: person.id }] });
    expect(refused.status).toBe(409);
    expect(refused.body.clashes.map((clash: { sessionId: string }) => clash.sessionId)).toEqual([busy.id]);
    expect(await t.count('session_participants')).toBe(before);
    expect(await t.count(`series_participants WHERE series_id = '${series.id}'`)).toBe(0);
    const allowed = await t.admin
      .post(`/api/v1/series/${series.id}/participants?allowConflicts=true`)
      .send({ invitations: [{ participantId: person.id }] })
      .expect(201);
    expect(allowed.body.warnings.map((clash: { sessionId: string }) => clash.sessionId)).toEqual([busy.id]);
    expect(await t.count('session_participants')).toBe(before + 4);
  });
});
