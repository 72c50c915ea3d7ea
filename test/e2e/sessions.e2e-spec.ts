import { startTestApp, type TestApp } from '../support/test-app.js';

type Bilateral = Awaited<ReturnType<TestApp['ctx']['newBilateralCommittee']>>;

describe('Sessions', () => {
  let t: TestApp;
  let jec: Bilateral;
  beforeAll(async () => {
    t = await startTestApp();
    jec = await t.ctx.newBilateralCommittee();
  });
  afterAll(async () => {
    await t.close();
  });

  const zone = (body: { displayTimes: Array<{ timeZone: string; start?: string }> }, name: string) =>
    body.displayTimes.find((time) => time.timeZone === name);

  it('reads 10:00 Moscow as 07:00Z and shows 10:30 in Tehran', async () => {
    const session = await t.ctx.newSession(jec.committee.id, {
      timeZone: 'Europe/Moscow',
      start: '2026-12-01T10:00',
    });
    expect(session).toMatchObject({
      status: 'draft',
      startsAt: '2026-12-01T07:00:00Z',
      endsAt: '2026-12-01T09:00:00Z',
      localStart: '2026-12-01T10:00:00+03:00',
      localEnd: '2026-12-01T12:00:00+03:00',
      durationMinutes: 120,
      sequence: 0,
      version: 1,
    });
    expect(session.displayTimes).toEqual([
      {
        timeZone: 'Asia/Tehran',
        start: '2026-12-01T10:30:00+03:30',
        end: '2026-12-01T12:30:00+03:30',
        dayOffset: 0,
      },
      {
        timeZone: 'Europe/Moscow',
        start: '2026-12-01T10:00:00+03:00',
        end: '2026-12-01T12:00:00+03:00',
        dayOffset: 0,
      },
    ]);
    const list = await t.admin.get(`/api/v1/sessions?committeeId=${jec.committee.id}`).expect(200);
    const listed = list.body.items.find((item: { id: string }) => item.id === session.id);
    expect(zone(listed, 'Asia/Tehran')?.start).toBe('2026-12-01T10:30:00+03:30');
  });

  it.each([
    ['2021-07-01T10:00', '2021-07-01T05:30:00Z', '2021-07-01T08:30:00+03:00'],
    ['2023-07-01T10:00', '2023-07-01T06:30:00Z', '2023-07-01T09:30:00+03:00'],
    ['2026-07-01T10:00', '2026-07-01T06:30:00Z', '2026-07-01T09:30:00+03:00'],
  ])('reads %s Tehran as %s, which is %s in Moscow', async (start, utc, moscow) => {
    const session = await t.ctx.newSession(jec.committee.id, { timeZone: 'Asia/Tehran', start });
    expect(session.startsAt).toBe(utc);
    expect(zone(session as never, 'Europe/Moscow')?.start).toBe(moscow);
  });

  it('reads 10:00 Moscow in 2013 (UTC+4 then) as 06:00Z, and an instant with an offset as given', async () => {
    const old = await t.ctx.newSession(jec.committee.id, { start: '2013-07-01T10:00' });
    expect(old.startsAt).toBe('2013-07-01T06:00:00Z');
    const instant = await t.ctx.newSession(jec.committee.id, {
      start: '2026-12-02T10:00:00+03:30',
      end: '2026-12-02T11:00:00Z',
      durationMinutes: undefined,
    });
    expect(instant).toMatchObject({
      startsAt: '2026-12-02T06:30:00Z',
      endsAt: '2026-12-02T11:00:00Z',
      durationMinutes: 270,
    });
  });

  it('rejects impossible times with a 422 that says why, writing nothing', async () => {
    const before = await t.count('sessions');
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ timeZone: 'Asia/Teheran' }, 'timeZone', /Asia\/Tehran/],
      [{ timeZone: 'Europe/Berlin', start: '2026-03-29T02:30' }, 'start', /does not exist.*DST gap/],
      [{ timeZone: 'Europe/Berlin', start: '2026-10-25T02:30' }, 'start', /ambiguous.*offset/],
      [
        { start: '2026-12-01T10:00', end: '2026-12-01T09:00', durationMinutes: undefined },
        'end',
        /after start/,
      ],
      [{ start: '2026-12-01T10:00', end: '2026-12-09T10:00', durationMinutes: undefined }, 'end', /7 days/],
      [{ start: '1969-12-31T10:00' }, 'start', /1970/],
      [{ start: '2201-01-01T10:00' }, 'start', /2200/],
      [{ start: 'tomorrow morning' }, 'start', /expected a local time/],
      [{ start: '2026-12-01T10:00', end: '2026-12-01T11:00' }, 'end', /either end or durationMinutes/],
    ];
    for (const [fields, path, reason] of cases) {
      const response = await t.admin.post('/api/v1/sessions').send({
        committeeId: jec.committee.id,
        title: 'Bad time',
        kind: 'plenary',
        format: 'online',
        timeZone: 'Europe/Moscow',
        start: '2026-12-01T10:00',
        durationMinutes: 60,
        ...fields,
      });
      expect({ fields, status: response.status }).toEqual({ fields, status: 422 });
      const problem = response.body.errors.find((error: { path: string }) => error.path === path);
      expect(problem?.message).toMatch(reason);
    }
    const fold = await t.ctx.newSession(jec.committee.id, {
      timeZone: 'Europe/Berlin',
      start: '2026-10-25T02:30+01:00',
    });
    expect(fold.startsAt).toBe('2026-10-25T01:30:00Z');
    expect(await t.count('sessions')).toBe(before + 1);
  });

  it('shows any zones asked with ?tz=, with a day offset where the date differs', async () => {
    const late = await t.ctx.newSession(jec.committee.id, { start: '2026-12-01T23:30', durationMinutes: 60 });
    const response = await t.admin
      .get(`/api/v1/sessions/${late.id}?tz=Asia/Tehran,America/Los_Angeles&tz=Asia/Tokyo`)
      .expect(200);
    expect(response.body.displayTimes).toEqual([
      {
        timeZone: 'Asia/Tehran',
        start: '2026-12-02T00:00:00+03:30',
        end: '2026-12-02T01:00:00+03:30',
        dayOffset: 1,
      },
      {
        timeZone: 'America/Los_Angeles',
        start: '2026-12-01T12:30:00-08:00',
        end: '2026-12-01T13:30:00-08:00',
        dayOffset: 0,
      },
      {
        timeZone: 'Asia/Tokyo',
        start: '2026-12-02T05:30:00+09:00',
        end: '2026-12-02T06:30:00+09:00',
        dayOffset: 1,
      },
    ]);
    const listed = await t.admin
      .get(`/api/v1/sessions?committeeId=${jec.committee.id}&tz=Asia/Tehran&calendar=persian&lang=en`)
      .expect(200);
    const lateListed = listed.body.items.find((item: { id: string }) => item.id === late.id);
    expect(lateListed.displayTimes[0]).toMatchObject({
      start: '2026-12-02T00:00:00+03:30',
      persianDate: '11 Azar 1405',
    });
    const badCalendar = await t.admin.get(`/api/v1/sessions?calendar=julian`);
    expect({ status: badCalendar.status, path: badCalendar.body.errors?.[0].path }).toEqual({
      status: 422,
      path: 'calendar',
    });
    const early = await t.ctx.newSession(jec.committee.id, { start: '2026-12-01T01:00' });
    const west = await t.admin.get(`/api/v1/sessions/${early.id}?tz=America/New_York`).expect(200);
    expect(west.body.displayTimes[0]).toMatchObject({ start: '2026-11-30T17:00:00-05:00', dayOffset: -1 });
    const bad = await t.admin.get(`/api/v1/sessions/${early.id}?tz=Mars/Olympus`);
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].path).toBe('tz');
  });

  it('publishes, reschedules and cancels, raising sequence only for significant changes', async () => {
    const session = await t.ctx.newSession(jec.committee.id, { start: '2026-12-03T10:00' });
    const published = await t.admin.post(`/api/v1/sessions/${session.id}/publish`).expect(200);
    expect(published.body).toMatchObject({ status: 'scheduled', sequence: 1, version: 2 });
    await t.admin.post(`/api/v1/sessions/${session.id}/publish`).expect(409);

    const described = await t.admin
      .patch(`/api/v1/sessions/${session.id}`)
      .send({ description: 'Updated notes', capacity: 30, kind: 'bilateral' })
      .expect(200);
    expect(described.body).toMatchObject({ sequence: 1, version: 3 });

    const unchanged = await t.admin
      .patch(`/api/v1/sessions/${session.id}`)
      .send({ capacity: 30 })
      .expect(200);
    expect(unchanged.body).toMatchObject({ sequence: 1, version: 3 });

    const moved = await t.admin
      .patch(`/api/v1/sessions/${session.id}`)
      .send({ start: '2026-12-03T14:00' })
      .expect(200);
    expect(moved.body).toMatchObject({
      startsAt: '2026-12-03T11:00:00Z',
      endsAt: '2026-12-03T13:00:00Z',
      sequence: 2,
      version: 4,
    });
    const retitled = await t.admin
      .patch(`/api/v1/sessions/${session.id}`)
      .send({ title: 'New title', location: 'Moscow' })
      .expect(200);
    expect(retitled.body.sequence).toBe(3);
    const meeting = { onlineMeeting: { joinUrl: 'https://meet.example.org/jec' } };
    const linked = await t.admin.patch(`/api/v1/sessions/${session.id}`).send(meeting).expect(200);
    expect(linked.body).toMatchObject({ ...meeting, sequence: 4 });
    const relinked = await t.admin.patch(`/api/v1/sessions/${session.id}`).send(meeting).expect(200);
    expect(relinked.body).toMatchObject({ sequence: 4, version: linked.body.version });
    const rezoned = await t.admin
      .patch(`/api/v1/sessions/${session.id}`)
      .send({ timeZone: 'Asia/Tehran' })
      .expect(200);
    expect(rezoned.body).toMatchObject({
      startsAt: '2026-12-03T11:00:00Z',
      localStart: '2026-12-03T14:30:00+03:30',
      sequence: 5,
    });

    const cancelled = await t.admin
      .post(`/api/v1/sessions/${session.id}/cancel`)
      .send({ reason: 'Postponed to January' })
      .expect(200);
    // A plain string is stored under the committee's default locale, as other localized text.
    expect(cancelled.body).toMatchObject({
      status: 'cancelled',
      cancellationReason: { en: 'Postponed to January' },
      sequence: 6,
    });
    await t.admin.post(`/api/v1/sessions/${session.id}/cancel`).send({ reason: 'again' }).expect(409);
    await t.admin.delete(`/api/v1/sessions/${session.id}`).expect(409);
  });

  it('deletes a draft, which is never cancelled, and never deletes a published session', async () => {
    const draft = await t.ctx.newSession(jec.committee.id, { start: '2026-12-04T10:00' });
    await t.admin
      .post(`/api/v1/sessions/${draft.id}/agenda-items`)
      .send({ title: 'Opening', kind: 'opening', durationMinutes: 10 })
      .expect(201);
    const refused = await t.admin.post(`/api/v1/sessions/${draft.id}/cancel`).send({ reason: 'Not needed' });
    expect(refused.status).toBe(409);
    expect((await t.admin.get(`/api/v1/sessions/${draft.id}`).expect(200)).body.status).toBe('draft');
    await t.admin.delete(`/api/v1/sessions/${draft.id}`).expect(204);
    await t.admin.get(`/api/v1/sessions/${draft.id}`).expect(404);
    expect(await t.count(`agenda_items WHERE session_id = '${draft.id}'`)).toBe(0);
    const published = await t.ctx.newSession(jec.committee.id, { start: '2026-12-05T10:00' });
    await t.ctx.publish(published.id);
    await t.admin.delete(`/api/v1/sessions/${published.id}`).expect(409);
    const noReason = await t.admin.post(`/api/v1/sessions/${published.id}/cancel`).send({ reason: '  ' });
    expect({ status: noReason.status, path: noReason.body.errors?.[0].path }).toEqual({
      status: 422,
      path: 'reason',
    });
    await t.admin.get(`/api/v1/sessions/${published.id}`).expect(200);
  });

  it('sends an ETag and refuses a stale If-Match with 412, changing nothing', async () => {
    const session = await t.ctx.newSession(jec.committee.id);
    const read = await t.admin.get(`/api/v1/sessions/${session.id}`).expect(200);
    expect(read.headers.etag).toBe('"1"');
    await t.admin
      .patch(`/api/v1/sessions/${session.id}`)
      .set('If-Match', '"1"')
      .send({ title: 'First' })
      .expect(200);
    const stale = await t.admin
      .patch(`/api/v1/sessions/${session.id}`)
      .set('If-Match', '"1"')
      .send({ title: 'Second' });
    expect(stale.status).toBe(412);
    expect(stale.headers['content-type']).toMatch(/problem\+json/);
    const after = await t.admin.get(`/api/v1/sessions/${session.id}`).expect(200);
    expect(after.body.title).toEqual({ en: 'First' });
    expect(after.headers.etag).toBe('"2"');
  });

  it('lets only one of two simultaneous updates with the same If-Match succeed', async () => {
    const session = await t.ctx.newSession(jec.committee.id);
    const [a, b] = await Promise.all([
      t.admin.patch(`/api/v1/sessions/${session.id}`).set('If-Match', '"1"').send({ title: 'From Tehran' }),
      t.admin.patch(`/api/v1/sessions/${session.id}`).set('If-Match', '"1"').send({ title: 'From Moscow' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 412]);
    const winner = a.status === 200 ? a : b;
    const after = await t.admin.get(`/api/v1/sessions/${session.id}`).expect(200);
    expect(after.body.title).toEqual(winner.body.title);
    expect(after.body.version).toBe(2);
  });

  it('honours Idempotency-Key on POST', async () => {
    const body = {
      committeeId: jec.committee.id,
      title: 'Webinar',
      kind: 'webinar',
      format: 'online',
      timeZone: 'Europe/Moscow',
      start: '2026-12-10T11:00',
      durationMinutes: 90,
      onlineMeeting: { joinUrl: 'https://meet.example.org/jec', provider: 'Jitsi' },
    };
    const before = await t.count('sessions');
    const first = await t.admin
      .post('/api/v1/sessions')
      .set('Idempotency-Key', 'webinar-1')
      .send(body)
      .expect(201);
    const again = await t.admin
      .post('/api/v1/sessions')
      .set('Idempotency-Key', 'webinar-1')
      .send(body)
      .expect(201);
    expect(again.body.id).toBe(first.body.id);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await t.count('sessions')).toBe(before + 1);
    const other = await t.admin
      .post('/api/v1/sessions')
      .set('Idempotency-Key', 'webinar-1')
      .send({ ...body, title: 'Another webinar' });
    expect(other.status).toBe(422);
    expect(await t.count('sessions')).toBe(before + 1);
    const refused = await t.admin
      .post('/api/v1/sessions')
      .set('Idempotency-Key', 'bad-1')
      .send({ ...body, kind: 'party' });
    expect(refused.status).toBe(422);
    await t.admin.post('/api/v1/sessions').set('Idempotency-Key', 'bad-1').send(body).expect(201);
  });

  it('checks the working group and committee of a new session', async () => {
    const other = await t.ctx.newBilateralCommittee();
    const foreignGroup = await t.ctx.newWorkingGroup(other.committee.id);
    const before = await t.count('sessions');
    const response = await t.admin.post('/api/v1/sessions').send({
      committeeId: jec.committee.id,
      workingGroupId: foreignGroup.id,
      title: 'x',
      kind: 'working_group',
      format: 'online',
      timeZone: 'UTC',
      start: '2026-12-01T10:00',
      durationMinutes: 30,
    });
    expect(response.status).toBe(422);
    expect(response.body.errors[0].path).toBe('workingGroupId');
    expect(await t.count('sessions')).toBe(before);
  });
});

describe('Session lists, invitations, conflicts and access', () => {
  let t: TestApp;
  let jec: Bilateral;
  beforeAll(async () => {
    t = await startTestApp();
    jec = await t.ctx.newBilateralCommittee();
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists sessions that overlap a window, in start order, page by page', async () => {
    const c = (await t.ctx.newBilateralCommittee()).committee.id;
    const starts = [
      '2027-01-05T10:00',
      '2027-01-01T09:00',
      '2027-01-03T10:00',
      '2026-12-31T23:00',
      '2027-02-01T10:00',
    ];
    const ids: Record<string, string> = {};
    for (const start of starts) ids[start] = (await t.ctx.newSession(c, { start, durationMinutes: 120 })).id;
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const response = await t.admin
        .get(
          `/api/v1/sessions?committeeId=${c}&from=${encodeURIComponent('2027-01-01T00:00:00+03:00')}&to=2027-01-31T00:00:00Z&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        )
        .expect(200);
      seen.push(...response.body.items.map((item: { id: string }) => item.id));
      cursor = response.body.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([
      ids['2026-12-31T23:00'],
      ids['2027-01-01T09:00'],
      ids['2027-01-03T10:00'],
      ids['2027-01-05T10:00'],
    ]);
    for (const [query, field] of [
      ['from=yesterday', 'from'],
      ['from=2027-02-30', 'from'],
      ['to=2027-01-01T24:30:00Z', 'to'],
      ['to=2027-13-01', 'to'],
    ]) {
      const bad = await t.admin.get(`/api/v1/sessions?${query}`);
      expect({ query, status: bad.status, path: bad.body.errors?.[0].path }).toEqual({
        query,
        status: 422,
        path: field,
      });
    }
  });

  it('filters by working group, participant and status', async () => {
    const c = await t.ctx.newBilateralCommittee();
    const group = await t.ctx.newWorkingGroup(c.committee.id);
    const person = await t.ctx.newParticipant(c.committee.id, c.ir.id);
    const wgSession = await t.ctx.newSession(c.committee.id, {
      kind: 'working_group',
      workingGroupId: group.id,
    });
    const invitedSession = await t.ctx.newSession(c.committee.id, { start: '2026-12-05T10:00' });
    await t.ctx.invite(invitedSession.id, person.id);
    await t.ctx.publish(invitedSession.id);
    const ids = async (query: string) =>
      (
        await t.admin.get(`/api/v1/sessions?committeeId=${c.committee.id}&${query}`).expect(200)
      ).body.items.map((item: { id: string }) => item.id);
    expect(await ids(`workingGroupId=${group.id}`)).toEqual([wgSession.id]);
    expect(await ids(`participantId=${person.id}`)).toEqual([invitedSession.id]);
    expect(await ids('status=scheduled')).toEqual([invitedSession.id]);
    expect(await ids('status=draft')).toEqual([wgSession.id]);
  });

  it('invites committee participants up to capacity, and a delegate answers only its own RSVP', async () => {
    const session = await t.ctx.newSession(jec.committee.id, { capacity: 2, start: '2026-12-07T10:00' });
    const [a, b, c] = [
      await t.ctx.newParticipant(jec.committee.id, jec.ir.id),
      await t.ctx.newParticipant(jec.committee.id, jec.ru.id),
      await t.ctx.newParticipant(jec.committee.id, jec.ru.id),
    ];
    const invited = await t.admin
      .post(`/api/v1/sessions/${session.id}/participants`)
      .send({
        invitations: [
          { participantId: a.id, role: 'chair' },
          { participantId: b.id, attendance: 'optional' },
        ],
      })
      .expect(201);
    expect(invited.body.items).toHaveLength(2);
    expect(invited.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          participantId: a.id,
          role: 'chair',
          attendance: 'required',
          rsvp: 'needs_action',
        }),
        expect.objectContaining({
          participantId: b.id,
          role: 'attendee',
          attendance: 'optional',
          rsvp: 'needs_action',
        }),
      ]),
    );
    const full = await t.admin
      .post(`/api/v1/sessions/${session.id}/participants`)
      .send({ invitations: [{ participantId: c.id }] });
    expect(full.status).toBe(409);
    const twice = await t.admin
      .post(`/api/v1/sessions/${session.id}/participants`)
      .send({ invitations: [{ participantId: a.id }] });
    expect(twice.status).toBe(409);
    const other = await t.ctx.newBilateralCommittee();
    const outsider = await t.ctx.newParticipant(other.committee.id, other.ir.id);
    const foreign = await t.admin
      .post(`/api/v1/sessions/${session.id}/participants`)
      .send({ invitations: [{ participantId: outsider.id }] });
    expect(foreign.status).toBe(422);
    expect(foreign.body.errors[0].path).toBe('invitations[0].participantId');
    expect(await t.count(`session_participants WHERE session_id = '${session.id}'`)).toBe(2);

    await t.ctx.publish(session.id);
    const delegate = t.as(await t.ctx.delegateToken(a.id));
    const answered = await delegate
      .put(`/api/v1/sessions/${session.id}/participants/${a.id}/rsvp`)
      .send({ rsvp: 'accepted' })
      .expect(200);
    expect(answered.body.rsvp).toBe('accepted');
    await delegate
      .put(`/api/v1/sessions/${session.id}/participants/${b.id}/rsvp`)
      .send({ rsvp: 'declined' })
      .expect(403);
    await delegate
      .put(`/api/v1/sessions/${session.id}/participants/${a.id}/rsvp`)
      .send({ rsvp: 'maybe' })
      .expect(422);
    await delegate
      .patch(`/api/v1/sessions/${session.id}/participants/${a.id}`)
      .send({ role: 'chair' })
      .expect(403);

    await t.admin
      .patch(`/api/v1/sessions/${session.id}/participants/${b.id}`)
      .send({ role: 'speaker' })
      .expect(200);
    await t.admin.delete(`/api/v1/sessions/${session.id}/participants/${b.id}`).expect(204);
    const list = await t.admin.get(`/api/v1/sessions/${session.id}/participants`).expect(200);
    expect(
      list.body.items.map((item: { participantId: string; rsvp: string }) => [item.participantId, item.rsvp]),
    ).toEqual([[a.id, 'accepted']]);
  });

  it('refuses to double-book a required participant unless allowConflicts=true', async () => {
    const person = await t.ctx.newParticipant(jec.committee.id, jec.ir.id);
    const morning = await t.ctx.newSession(jec.committee.id, {
      title: 'Customs corridor',
      start: '2026-12-08T10:00',
      durationMinutes: 120,
    });
    await t.ctx.invite(morning.id, person.id);
    const overlapping = await t.ctx.newSession(jec.committee.id, {
      start: '2026-12-08T11:00',
      durationMinutes: 60,
    });
    const clash = await t.admin
      .post(`/api/v1/sessions/${overlapping.id}/participants`)
      .send({ invitations: [{ participantId: person.id }] });
    expect(clash.status).toBe(409);
    expect(clash.body.clashes).toEqual([
      {
        sessionId: morning.id,
        title: { en: 'Customs corridor' },
        startsAt: '2026-12-08T07:00:00Z',
        endsAt: '2026-12-08T09:00:00Z',
        participantIds: [person.id],
      },
    ]);
    expect(await t.count(`session_participants WHERE session_id = '${overlapping.id}'`)).toBe(0);

    const optional = await t.admin
      .post(`/api/v1/sessions/${overlapping.id}/participants`)
      .send({ invitations: [{ participantId: person.id, attendance: 'optional' }] })
      .expect(201);
    expect(optional.body.warnings).toBeUndefined();
    await t.admin.delete(`/api/v1/sessions/${overlapping.id}/participants/${person.id}`).expect(204);

    const allowed = await t.admin
      .post(`/api/v1/sessions/${overlapping.id}/participants?allowConflicts=true`)
      .send({ invitations: [{ participantId: person.id }] })
      .expect(201);
    expect(allowed.body.warnings.map((warning: { sessionId: string }) => warning.sessionId)).toEqual([
      morning.id,
    ]);
    // A clash accepted once does not block edits that move nothing, nor a change of role.
    const edited = await t.admin
      .patch(`/api/v1/sessions/${overlapping.id}`)
      .send({ start: '2026-12-08T11:00', description: 'Agenda attached' })
      .expect(200);
    expect(edited.body.warnings ?? []).toEqual([]);
    await t.admin
      .patch(`/api/v1/sessions/${overlapping.id}/participants/${person.id}`)
      .send({ role: 'observer' })
      .expect(200);

    const later = await t.ctx.newSession(jec.committee.id, {
      start: '2026-12-08T15:00',
      durationMinutes: 60,
    });
    await t.ctx.invite(later.id, person.id);
    const reschedule = await t.admin
      .patch(`/api/v1/sessions/${later.id}`)
      .send({ start: '2026-12-08T09:30' });
    expect(reschedule.status).toBe(409);
    const unchanged = await t.admin.get(`/api/v1/sessions/${later.id}`).expect(200);
    expect(unchanged.body.startsAt).toBe('2026-12-08T12:00:00Z');
    await t.admin.delete(`/api/v1/sessions/${morning.id}`).expect(204);
    await t.admin.delete(`/api/v1/sessions/${overlapping.id}`).expect(204);
    const freed = await t.admin
      .patch(`/api/v1/sessions/${later.id}`)
      .send({ start: '2026-12-08T09:30' })
      .expect(200);
    expect(freed.body.startsAt).toBe('2026-12-08T06:30:00Z');
  });

  it('shows a delegate only what it may see, and 404 for the rest, in lists too', async () => {
    const c = await t.ctx.newBilateralCommittee();
    const me = await t.ctx.newParticipant(c.committee.id, c.ir.id);
    const myGroup = await t.ctx.newWorkingGroup(c.committee.id);
    const otherGroup = await t.ctx.newWorkingGroup(c.committee.id);
    await t.admin
      .post(`/api/v1/working-groups/${myGroup.id}/members`)
      .send({ participantId: me.id })
      .expect(201);
    const plenary = await t.ctx.newSession(c.committee.id, { kind: 'plenary', start: '2026-12-10T10:00' });
    const draftPlenary = await t.ctx.newSession(c.committee.id, {
      kind: 'plenary',
      start: '2026-12-11T10:00',
    });
    const mine = await t.ctx.newSession(c.committee.id, {
      kind: 'working_group',
      workingGroupId: myGroup.id,
      start: '2026-12-12T10:00',
    });
    const theirs = await t.ctx.newSession(c.committee.id, {
      kind: 'working_group',
      workingGroupId: otherGroup.id,
      start: '2026-12-13T10:00',
    });
    const bilateral = await t.ctx.newSession(c.committee.id, {
      kind: 'bilateral',
      start: '2026-12-14T10:00',
    });
    const invitedTo = await t.ctx.newSession(c.committee.id, {
      kind: 'bilateral',
      start: '2026-12-15T10:00',
    });
    await t.ctx.invite(invitedTo.id, me.id);
    const elsewhere = await t.ctx.newSession(jec.committee.id, {
      kind: 'plenary',
      start: '2026-12-16T10:00',
    });
    for (const session of [plenary, mine, theirs, bilateral, invitedTo, elsewhere])
      await t.ctx.publish(session.id);

    const delegate = t.as(await t.ctx.delegateToken(me.id));
    const list = await delegate.get('/api/v1/sessions').expect(200);
    expect(list.body.items.map((item: { id: string }) => item.id)).toEqual([
      plenary.id,
      mine.id,
      invitedTo.id,
    ]);
    for (const hidden of [draftPlenary, theirs, bilateral, elsewhere]) {
      await delegate.get(`/api/v1/sessions/${hidden.id}`).expect(404);
      await delegate.get(`/api/v1/sessions/${hidden.id}/agenda`).expect(404);
      await delegate.patch(`/api/v1/sessions/${hidden.id}`).send({ title: 'x' }).expect(404);
    }
    await delegate.get(`/api/v1/sessions/${plenary.id}`).expect(200);
    await delegate.patch(`/api/v1/sessions/${plenary.id}`).send({ title: 'x' }).expect(403);
    await delegate.post(`/api/v1/sessions/${plenary.id}/cancel`).send({ reason: 'x' }).expect(403);
    await delegate
      .post('/api/v1/sessions')
      .send({
        committeeId: c.committee.id,
        title: 'x',
        kind: 'plenary',
        format: 'online',
        timeZone: 'UTC',
        start: '2026-12-01T10:00',
        durationMinutes: 30,
      })
      .expect(403);

    const organizer = t.as(await t.ctx.organizerToken(jec.committee.id));
    await organizer.get(`/api/v1/sessions/${plenary.id}`).expect(404);
    const organizerList = await organizer.get('/api/v1/sessions').expect(200);
    expect(organizerList.body.items.map((item: { committeeId: string }) => item.committeeId)).not.toContain(
      c.committee.id,
    );
  });
});
