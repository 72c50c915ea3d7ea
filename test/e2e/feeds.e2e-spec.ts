import { DateTime } from 'luxon';
import { jsIso, parseCalendar } from '../support/ical.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

type Bilateral = Awaited<ReturnType<TestApp['ctx']['newBilateralCommittee']>>;

/** Local wall time `days` from today in the zone, so sessions fall inside the feed's window. */
function localIn(days: number, time = '10:00'): string {
  return `${DateTime.utc().plus({ days }).toISODate()}T${time}`;
}

describe('Calendar feeds', () => {
  let t: TestApp;
  let jec: Bilateral;
  let delegate: { id: string };
  let organizer: ReturnType<TestApp['as']>;
  beforeAll(async () => {
    t = await startTestApp();
    jec = await t.ctx.newBilateralCommittee();
    delegate = await t.ctx.newParticipant(jec.committee.id, jec.ir.id, {
      fullName: { en: 'Kazem Jalali', fa: 'کاظم جلالی' },
      locale: 'ru',
    });
    organizer = t.as(await t.ctx.organizerToken(jec.committee.id));
  });
  afterAll(async () => {
    await t.close();
  });

  const newFeed = async (client: ReturnType<TestApp['as']>, body: Record<string, unknown>) => {
    const response = await client.post('/api/v1/feeds').send({ label: 'My sessions', ...body });
    expect(response.status).toBe(201);
    return response.body as {
      id: string;
      token: string;
      httpsUrl: string;
      webcalUrl: string;
      locale: string;
    };
  };
  const fetchFeed = (token: string) => t.http.get(`/calendar/${token}.ics`);

  it('answers the token once with https and webcal URLs, and serves the feed with its headers', async () => {
    const session = await t.ctx.newSession(jec.committee.id, {
      start: localIn(10),
      title: { ru: 'Пленарное заседание', en: 'Plenary' },
    });
    await t.ctx.publish(session.id);
    const feed = await newFeed(organizer, { scope: 'participant', targetId: delegate.id });
    expect(feed.token).toMatch(/^cal_[A-Za-z0-9_-]{43}$/);
    expect(feed.httpsUrl).toBe(`https://quorum.test/calendar/${feed.token}.ics`);
    expect(feed.webcalUrl).toBe(`webcal://quorum.test/calendar/${feed.token}.ics`);
    expect(feed.locale).toBe('ru');
    const stored = await t.db.query('SELECT token_hash FROM calendar_feeds WHERE id = $1', [feed.id]);
    expect(stored[0].token_hash).not.toContain(feed.token);
    const listed = await organizer.get('/api/v1/feeds').expect(200);
    expect(JSON.stringify(listed.body)).not.toContain(feed.token);

    const response = await fetchFeed(feed.token).expect(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(response.headers['cache-control']).toBe('private, max-age=300');
    expect(response.headers.etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(response.headers['last-modified']).toMatch(/GMT$/);
    const text: string = response.text;
    const head = text.split('BEGIN:VTIMEZONE')[0];
    for (const line of [
      'VERSION:2.0',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'NAME:My sessions',
      'X-WR-CALNAME:My sessions',
      'X-WR-TIMEZONE:Asia/Tehran',
      'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
      'X-PUBLISHED-TTL:PT1H',
    ]) {
      expect(head).toContain(`${line}\r\n`);
    }
    const { events } = parseCalendar(text);
    expect(events).toEqual([
      expect.objectContaining({
        uid: session.id,
        summary: 'Пленарное заседание',
        status: 'CONFIRMED',
        sequence: 1,
        start: jsIso(session.startsAt as string),
        end: jsIso(session.endsAt as string),
        startTzid: 'Europe/Moscow',
      }),
    ]);
    expect(text).not.toMatch(/ATTENDEE|MAILTO|@example\.org/i);
  });

  it('never stores or repeats a token for an Idempotency-Key retry', async () => {
    const body = { scope: 'committee', targetId: jec.committee.id, label: 'Retry' };
    const first = await t.admin.post('/api/v1/feeds').set('Idempotency-Key', 'feed-1').send(body).expect(201);
    const retry = await t.admin.post('/api/v1/feeds').set('Idempotency-Key', 'feed-1').send(body);
    expect({ status: retry.status, resourceId: retry.body.resourceId, token: retry.body.token }).toEqual({
      status: 409,
      resourceId: first.body.id,
      token: undefined,
    });
    const tokenRetry = { name: 'ci', role: 'admin' };
    const created = await t.admin
      .post('/api/v1/api-tokens')
      .set('Idempotency-Key', 'token-1')
      .send(tokenRetry)
      .expect(201);
    const again = await t.admin.post('/api/v1/api-tokens').set('Idempotency-Key', 'token-1').send(tokenRetry);
    expect({ status: again.status, resourceId: again.body.resourceId }).toEqual({
      status: 409,
      resourceId: created.body.id,
    });
    const stored = await t.db.query<Array<{ body: string }>>(
      `SELECT response_body::text AS body FROM idempotency_keys WHERE key IN ('feed-1', 'token-1')`,
    );
    expect(stored).toHaveLength(2);
    for (const row of stored) {
      expect(row.body).not.toContain(first.body.token);
      expect(row.body).not.toContain(created.body.token);
      expect(row.body).not.toContain('calendar/');
    }
  });

  it('gives the API’s UTC instants for Tehran 2021 and 2026 and Moscow 2013 sessions', async () => {
    const cases = [
      { timeZone: 'Asia/Tehran', start: '2021-07-01T10:00', utc: '2021-07-01T05:30:00.000Z' },
      { timeZone: 'Asia/Tehran', start: '2026-07-01T10:00', utc: '2026-07-01T06:30:00.000Z' },
      { timeZone: 'Europe/Moscow', start: '2013-07-01T10:00', utc: '2013-07-01T06:00:00.000Z' },
      { timeZone: 'Europe/Moscow', start: '2015-01-15T10:00', utc: '2015-01-15T07:00:00.000Z' },
      { timeZone: 'Asia/Tehran', start: localIn(20), utc: null },
    ];
    for (const { timeZone, start, utc } of cases) {
      const session = await t.ctx.newSession(jec.committee.id, { timeZone, start });
      const response = await t.admin.get(`/api/v1/sessions/${session.id}/ics`).expect(200);
      const [event] = parseCalendar(response.text).events;
      expect({ start, ics: event.start }).toEqual({ start, ics: jsIso(session.startsAt as string) });
      if (utc) expect(event.start).toBe(utc);
      expect(event.uid).toBe(session.id);
    }
  });

  it('moves a rescheduled session with a higher SEQUENCE and LAST-MODIFIED, and marks a cancelled one', async () => {
    const c = await t.ctx.newBilateralCommittee();
    const session = await t.ctx.newSession(c.committee.id, {
      start: localIn(5),
      title: { en: 'Customs', ru: 'Таможня', fa: 'گمرک' },
    });
    await t.ctx.publish(session.id);
    const feed = await newFeed(t.admin, { scope: 'committee', targetId: c.committee.id, locale: 'fa' });
    const before = parseCalendar((await fetchFeed(feed.token).expect(200)).text).events[0];
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const moved = await t.admin
      .patch(`/api/v1/sessions/${session.id}`)
      .send({ start: localIn(6, '15:00') })
      .expect(200);
    const after = parseCalendar((await fetchFeed(feed.token).expect(200)).text).events[0];
    expect(after.uid).toBe(before.uid);
    expect(after.sequence).toBe(before.sequence + 1);
    expect(after.lastModified > before.lastModified).toBe(true);
    expect(after.start).toBe(jsIso(moved.body.startsAt));

    await t.admin
      .post(`/api/v1/sessions/${session.id}/cancel`)
      .send({ reason: { en: 'Visa delays', fa: 'تأخیر در صدور روادید' } })
      .expect(200);
    const cancelled = parseCalendar((await fetchFeed(feed.token).expect(200)).text).events[0];
    expect(cancelled).toMatchObject({
      uid: session.id,
      status: 'CANCELLED',
      summary: 'لغو شد: گمرک',
      sequence: after.sequence + 1,
    });
    // The reason in the feed's language, not the organizer's.
    expect(cancelled.description).toContain('لغو شد. دلیل: تأخیر در صدور روادید');
    expect(cancelled.description).not.toContain('Visa delays');
  });

  it('answers 304 to If-None-Match, and an unchanged feed is byte-identical', async () => {
    const c = await t.ctx.newBilateralCommittee();
    const session = await t.ctx.newSession(c.committee.id, { start: localIn(3) });
    await t.ctx.publish(session.id);
    const feed = await newFeed(t.admin, { scope: 'committee', targetId: c.committee.id });
    const first = await fetchFeed(feed.token).expect(200);
    const second = await fetchFeed(feed.token).expect(200);
    expect(second.text).toBe(first.text);
    expect(second.headers.etag).toBe(first.headers.etag);
    const notModified = await t.http
      .get(`/calendar/${feed.token}.ics`)
      .set('If-None-Match', first.headers.etag);
    expect(notModified.status).toBe(304);
    expect(notModified.text).toBe('');
    await t.admin.patch(`/api/v1/sessions/${session.id}`).send({ title: 'Renamed' }).expect(200);
    const changed = await t.http.get(`/calendar/${feed.token}.ics`).set('If-None-Match', first.headers.etag);
    expect(changed.status).toBe(200);
    expect(changed.headers.etag).not.toBe(first.headers.etag);
  });

  it('folds long Persian and Russian titles at 75 octets and gives them back exactly', async () => {
    const c = await t.ctx.newBilateralCommittee();
    const persian = 'همکاری‌های صنعتی، خودروسازی؛ کشتی‌سازی\\ و گمرک سبز\n'.repeat(6).slice(0, 300);
    const russian = 'Промышленность, автопром; судостроение\\ и «зелёный» таможенный коридор\n'
      .repeat(5)
      .slice(0, 300);
    const session = await t.ctx.newSession(c.committee.id, {
      start: localIn(4),
      title: { fa: persian, ru: russian },
    });
    await t.ctx.publish(session.id);
    for (const [locale, title] of [
      ['fa', persian],
      ['ru', russian],
    ]) {
      const feed = await newFeed(t.admin, {
        scope: 'committee',
        targetId: c.committee.id,
        locale,
        label: `Label, with; odd\\ chars ${locale}`,
      });
      const text: string = (await fetchFeed(feed.token).expect(200)).text;
      expect(text.endsWith('\r\n')).toBe(true);
      const lines = text.slice(0, -2).split('\r\n');
      for (const line of lines) {
        expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
        expect(Buffer.from(line, 'utf8').toString('utf8')).not.toContain('\uFFFD');
      }
      expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
      expect(text).toContain(`X-WR-CALNAME:Label\\, with\\; odd\\\\ chars ${locale}`);
      expect(text).toContain(`NAME:Label\\, with\\; odd\\\\ chars ${locale}`);
      const { events } = parseCalendar(text);
      expect(events[0].summary).toBe(title);
    }
  });

  it('shows each agenda change on the next poll: an item added, renamed, moved and removed', async () => {
    const c = await t.ctx.newBilateralCommittee();
    const session = await t.ctx.newSession(c.committee.id, { start: localIn(9), durationMinutes: 60 });
    await t.ctx.publish(session.id);
    const feed = await newFeed(t.admin, { scope: 'committee', targetId: c.committee.id, locale: 'en' });
    const agendaShown = async () => {
      const [event] = parseCalendar((await fetchFeed(feed.token).expect(200)).text).events;
      return /Agenda:\n([\s\S]*?)(\n\n|$)/.exec(event.description ?? '')?.[1] ?? '';
    };
    expect(await agendaShown()).toBe('');
    const items = `/api/v1/sessions/${session.id}/agenda-items`;
    const opening = (
      await t.admin
        .post(items)
        .send({ title: { en: 'Opening' }, kind: 'opening', durationMinutes: 15 })
        .expect(201)
    ).body as { id: string };
    const trade = (
      await t.admin
        .post(items)
        .send({ title: { en: 'Trade' }, kind: 'discussion', durationMinutes: 45 })
        .expect(201)
    ).body as { id: string };
    expect(await agendaShown()).toMatch(/^1\. Opening .*\n2\. Trade /);
    await t.admin
      .patch(`${items}/${trade.id}`)
      .send({ title: { en: 'Customs' } })
      .expect(200);
    expect(await agendaShown()).toMatch(/^1\. Opening .*\n2\. Customs /);
    await t.admin
      .put(`${items}/order`)
      .send({ items: [{ id: trade.id }, { id: opening.id }] })
      .expect(200);
    expect(await agendaShown()).toMatch(/^1\. Customs .*\n2\. Opening /);
    await t.admin.delete(`${items}/${opening.id}`).expect(204);
    expect(await agendaShown()).toMatch(/^1\. Customs [^\n]*$/);
  });

  it('puts the agenda with both parties’ times and the join link in DESCRIPTION', async () => {
    const c = await t.ctx.newBilateralCommittee();
    const session = await t.ctx.newSession(c.committee.id, {
      start: localIn(7),
      format: 'online',
      kind: 'webinar',
      onlineMeeting: {
        joinUrl: 'https://meet.example.org/jec-webinar',
        provider: 'Jitsi',
        accessCode: '4471',
      },
    });
    await t.admin
      .post(`/api/v1/sessions/${session.id}/agenda-items`)
      .send({ title: { en: 'Opening', ru: 'Открытие' }, kind: 'opening', durationMinutes: 15 })
      .expect(201);
    await t.admin
      .post(`/api/v1/sessions/${session.id}/agenda-items`)
      .send({ title: { en: 'Trade', ru: 'Торговля' }, kind: 'discussion', durationMinutes: 45 })
      .expect(201);
    await t.ctx.publish(session.id);
    const feed = await newFeed(t.admin, { scope: 'committee', targetId: c.committee.id, locale: 'ru' });
    const text: string = (await fetchFeed(feed.token).expect(200)).text;
    const [event] = parseCalendar(text).events;
    // The reader's own side first, cities and CATEGORIES in the feed's language, no link to the API.
    expect(event.description).toContain(
      'Повестка дня:\n1. Открытие (10:00–10:15 Москва / 10:30–10:45 Тегеран)\n2. Торговля (10:15–11:00 Москва / 10:45–11:30 Тегеран)',
    );
    expect(text).toContain('CATEGORIES:Вебинар,Онлайн\r\n');
    // The event links the session's page on the delegate portal (before the portal: no URL at all).
    expect(text).toMatch(/^URL;VALUE=URI:https:\/\/quorum\.test\/sessions\//m);
    const persianFeed = await newFeed(t.admin, {
      scope: 'committee',
      targetId: c.committee.id,
      locale: 'fa',
    });
    const persian = parseCalendar((await fetchFeed(persianFeed.token).expect(200)).text);
    expect(persian.events[0].description).toContain('۱. Opening (۱۰:۳۰–۱۰:۴۵ تهران / ۱۰:۰۰–۱۰:۱۵ مسکو)');
    expect(
      persian.calendar.getFirstSubcomponent('vevent')?.getFirstProperty('categories')?.getValues(),
    ).toEqual(['وبینار', 'برخط']);
    expect(event.description).toContain(
      'Подключиться онлайн: https://meet.example.org/jec-webinar\nКод доступа: 4471',
    );
    expect(text.replace(/\r\n /g, '')).toContain(
      'CONFERENCE;VALUE=URI;FEATURE=VIDEO;LABEL=Jitsi:https://meet.example.org/jec-webinar',
    );
  });

  it('stops a revoked token, answering 404 like an unknown one', async () => {
    const feed = await newFeed(t.admin, { scope: 'committee', targetId: jec.committee.id });
    await fetchFeed(feed.token).expect(200);
    const revoked = await t.admin.delete(`/api/v1/feeds/${feed.id}`).expect(204);
    expect(revoked.text).toBe('');
    const listed = await t.admin.get('/api/v1/feeds').expect(200);
    expect(listed.body.items.find((item: { id: string }) => item.id === feed.id).revokedAt).not.toBeNull();
    const gone = await fetchFeed(feed.token);
    const unknown = await fetchFeed(`cal_${'x'.repeat(43)}`);
    expect(gone.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(gone.body.detail).toBe(unknown.body.detail);
    await t.http.get('/calendar/not-a-token.ics').expect(404);
  });

  it('records lastFetchedAt', async () => {
    const feed = await newFeed(t.admin, { scope: 'committee', targetId: jec.committee.id });
    await fetchFeed(feed.token).expect(200);
    let lastFetchedAt: string | null = null;
    for (let attempt = 0; attempt < 20 && !lastFetchedAt; attempt++) {
      const list = await t.admin.get(`/api/v1/feeds?committeeId=${jec.committee.id}&limit=200`).expect(200);
      lastFetchedAt = list.body.items.find((item: { id: string }) => item.id === feed.id).lastFetchedAt;
      if (!lastFetchedAt) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(lastFetchedAt).not.toBeNull();
  });

  it('gives a delegate’s feed exactly what the delegate may see', async () => {
    const c = await t.ctx.newBilateralCommittee();
    const me = await t.ctx.newParticipant(c.committee.id, c.ir.id, { locale: 'fa' });
    const myGroup = await t.ctx.newWorkingGroup(c.committee.id);
    const otherGroup = await t.ctx.newWorkingGroup(c.committee.id);
    await t.admin
      .post(`/api/v1/working-groups/${myGroup.id}/members`)
      .send({ participantId: me.id })
      .expect(201);
    const make = async (days: number, fields: Record<string, unknown>, publish = true) => {
      const session = await t.ctx.newSession(c.committee.id, { start: localIn(days), ...fields });
      if (publish) await t.ctx.publish(session.id);
      return session.id;
    };
    const plenary = await make(1, { kind: 'plenary' });
    await make(2, { kind: 'plenary' }, false);
    const mine = await make(3, { kind: 'working_group', workingGroupId: myGroup.id });
    await make(4, { kind: 'working_group', workingGroupId: otherGroup.id });
    await make(5, { kind: 'bilateral' });
    const invited = await make(6, { kind: 'bilateral' });
    await t.ctx.invite(invited, me.id);
    await make(800, { kind: 'plenary' });
    const past = await make(-80, { kind: 'plenary' });
    await make(-100, { kind: 'plenary' });

    const own = t.as(await t.ctx.delegateToken(me.id));
    const feed = await newFeed(own, { scope: 'participant', targetId: me.id });
    const uids = parseCalendar((await fetchFeed(feed.token).expect(200)).text).events.map(
      (event) => event.uid,
    );
    expect(uids).toEqual([past, plenary, mine, invited]);

    const committeeFeed = await newFeed(own, { scope: 'committee', targetId: c.committee.id });
    expect(committeeFeed.locale).toBe('fa');
    const committeeUids = parseCalendar((await fetchFeed(committeeFeed.token).expect(200)).text).events.map(
      (event) => event.uid,
    );
    expect(committeeUids).toEqual([past, plenary, mine, invited]);

    const groupFeed = await newFeed(own, { scope: 'working_group', targetId: myGroup.id });
    expect(
      parseCalendar((await fetchFeed(groupFeed.token).expect(200)).text).events.map((event) => event.uid),
    ).toEqual([mine]);
    await own
      .post('/api/v1/feeds')
      .send({ label: 'x', scope: 'working_group', targetId: otherGroup.id })
      .expect(403);
    const someoneElse = await t.ctx.newParticipant(c.committee.id, c.ru.id);
    await own
      .post('/api/v1/feeds')
      .send({ label: 'x', scope: 'participant', targetId: someoneElse.id })
      .expect(403);
    // Another committee's target answers exactly as an id that exists nowhere: nothing to probe.
    const elsewhere = await own
      .post('/api/v1/feeds')
      .send({ label: 'x', scope: 'committee', targetId: jec.committee.id });
    const nowhere = await own
      .post('/api/v1/feeds')
      .send({ label: 'x', scope: 'committee', targetId: '00000000-0000-4000-8000-000000000000' });
    expect(elsewhere.status).toBe(422);
    expect(elsewhere.body.errors).toEqual([{ path: 'targetId', message: 'is not a known committee' }]);
    expect({ ...elsewhere.body, requestId: undefined }).toEqual({ ...nowhere.body, requestId: undefined });
    const mineListed = await own.get('/api/v1/feeds').expect(200);
    expect(mineListed.body.items.map((item: { id: string }) => item.id).sort()).toEqual(
      [feed.id, committeeFeed.id, groupFeed.id].sort(),
    );
    const othersFeed = await newFeed(t.admin, { scope: 'committee', targetId: c.committee.id });
    await own.delete(`/api/v1/feeds/${othersFeed.id}`).expect(404);
  });

  it('answers 304 with one query and renders with the same few queries whatever the feed holds', async () => {
    const c = await t.ctx.newBilateralCommittee();
    const feed = await newFeed(t.admin, { scope: 'committee', targetId: c.committee.id });
    const first = await fetchFeed(feed.token).expect(200);
    const notModified = await t.http
      .get(`/calendar/${feed.token}.ics`)
      .set('If-None-Match', first.headers.etag);
    expect(notModified.status).toBe(304);
    expect(notModified.headers['x-query-count']).toBe('1');
    const cached = await fetchFeed(feed.token).expect(200);
    expect(cached.headers['x-query-count']).toBe('1');

    const counts: string[] = [];
    for (const sessions of [1, 6]) {
      while ((await t.count(`sessions WHERE committee_id = '${c.committee.id}'`)) < sessions) {
        const session = await t.ctx.newSession(c.committee.id, { start: localIn(2 + sessions, '09:00') });
        await t.admin
          .post(`/api/v1/sessions/${session.id}/agenda-items`)
          .send({ title: 'Item', kind: 'other', durationMinutes: 5 })
          .expect(201);
        await t.ctx.publish(session.id);
      }
      const rendered = await fetchFeed(feed.token).expect(200);
      counts.push(rendered.headers['x-query-count']);
    }
    expect(Number(counts[0])).toBeLessThanOrEqual(3);
    expect(counts[1]).toBe(counts[0]);
  });

  it('lists a page of sessions with the same number of queries whatever the page holds', async () => {
    const c = await t.ctx.newBilateralCommittee();
    const page = async () =>
      (await t.admin.get(`/api/v1/sessions?committeeId=${c.committee.id}&limit=50`).expect(200)).headers[
        'x-query-count'
      ];
    await t.ctx.newSession(c.committee.id, { start: localIn(1) });
    const one = await page();
    for (let index = 0; index < 6; index++)
      await t.ctx.newSession(c.committee.id, { start: localIn(2 + index) });
    expect(await page()).toBe(one);
    expect(Number(one)).toBeLessThanOrEqual(2);
  });

  it('sends the same calendar gzipped to clients that ask for it, with its own strong ETag', async () => {
    const feed = await newFeed(t.admin, { scope: 'committee', targetId: jec.committee.id });
    const plain = await t.http
      .get(`/calendar/${feed.token}.ics`)
      .set('Accept-Encoding', 'identity')
      .expect(200);
    const gzipped = await t.http
      .get(`/calendar/${feed.token}.ics`)
      .set('Accept-Encoding', 'gzip')
      .expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.headers.vary).toBe('Accept-Encoding');
    expect(gzipped.text).toBe(plain.text);
    expect(gzipped.headers.etag).not.toBe(plain.headers.etag);
    for (const etag of [plain.headers.etag, gzipped.headers.etag]) {
      await t.http.get(`/calendar/${feed.token}.ics`).set('If-None-Match', etag).expect(304);
    }
  });
});
