import { randomUUID } from 'node:crypto';
import { once, type EventEmitter } from 'node:events';
import { DateTime } from 'luxon';
import { jest } from '@jest/globals';
import { FeedContentService } from '../../src/calendar-feeds/feed-content.service.js';
import { FeedStates } from '../../src/calendar-feeds/feed-states.js';
import { parseCalendar } from '../support/ical.js';
import { serverUrl, withAdminClient } from '../support/test-database.js';
import {
  startEmbeddedTestApp,
  startSecondInstance,
  startTestApp,
  type TestApp,
} from '../support/test-app.js';

/**
 * Two instances on one PostgreSQL server, each answering the polls of the feeds it has served
 * from memory that LISTEN/NOTIFY keeps current. The embedded database serves one connection, so
 * it has no listener: there every poll asks the database (the second describe).
 */
const onServer = serverUrl() !== undefined;
if (!onServer) {
  console.log('feed-states: the cross-instance tests need a PostgreSQL server; set DATABASE_URL to run them');
}
const describeOnServer = onServer ? describe : describe.skip;

function localIn(days: number): string {
  return `${DateTime.utc().plus({ days }).toISODate()}T10:00`;
}

function statesOf(instance: TestApp): FeedStates {
  return instance.app.get(FeedStates);
}

async function listening(instance: TestApp): Promise<void> {
  const states = statesOf(instance);
  if (!states.listening) await once(states.events, 'listening');
}

/**
 * Returns once `instance` has heard every notice committed so far: PostgreSQL delivers notices
 * in commit order, so hearing a marker sent now means the earlier ones were heard and applied.
 */
async function caughtUp(instance: TestApp): Promise<void> {
  const states = statesOf(instance);
  const marker = `sync:${randomUUID()}`;
  const heard = new Promise<void>((resolve) => {
    const onNotice = (payload: string) => {
      if (payload !== marker) return;
      states.events.off('notice', onNotice);
      resolve();
    };
    states.events.on('notice', onNotice);
  });
  await instance.db.query(`SELECT pg_notify('quorum_feeds', $1)`, [marker]);
  await heard;
}

/**
 * Runs `work` while `instance` hears no notice (they are kept and handed over afterwards), to show
 * what it answers between a change and the change's notice, a gap that is short but real.
 */
async function withNoticesHeld(instance: TestApp, work: () => Promise<void>): Promise<void> {
  const client = (statesOf(instance) as unknown as { client: EventEmitter }).client;
  const handlers = client.listeners('notification') as Array<(message: unknown) => void>;
  const held: unknown[] = [];
  client.removeAllListeners('notification');
  client.on('notification', (message) => held.push(message));
  try {
    await work();
  } finally {
    client.removeAllListeners('notification');
    for (const handler of handlers) client.on('notification', handler);
    for (const message of held) for (const handler of handlers) handler(message);
  }
}

describeOnServer('Feed polls answered from memory, across instances', () => {
  let a: TestApp;
  let b: TestApp;
  let committeeId: string;
  beforeAll(async () => {
    a = await startTestApp({ feedListener: true });
    b = await startSecondInstance(a, { feedListener: true });
    await Promise.all([listening(a), listening(b)]);
    committeeId = (await a.ctx.newBilateralCommittee()).committee.id;
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  const newFeed = async () => {
    const response = await a.admin
      .post('/api/v1/feeds')
      .send({ label: 'Committee', scope: 'committee', targetId: committeeId })
      .expect(201);
    return response.body as { id: string; token: string };
  };
  const poll = (instance: TestApp, token: string, etag?: string) => {
    const request = instance.http.get(`/calendar/${token}.ics`);
    return etag ? request.set('If-None-Match', etag) : request;
  };
  const publishedSession = async () => {
    const session = await a.ctx.newSession(committeeId, { start: localIn(3) });
    await a.ctx.publish(session.id);
    return session.id;
  };

  it('answers a feed it has served with 304 and with its body without a query', async () => {
    const feed = await newFeed();
    await caughtUp(b);
    const first = await poll(b, feed.token).expect(200);
    expect(Number(first.headers['x-query-count'])).toBeGreaterThan(0);
    const notModified = await poll(b, feed.token, first.headers.etag);
    expect(notModified.status).toBe(304);
    expect(notModified.headers['x-query-count']).toBe('0');
    const again = await poll(b, feed.token).expect(200);
    expect(again.headers['x-query-count']).toBe('0');
    expect(again.text).toBe(first.text);
  });

  it('answers a known feed with the same headers and bytes as its first render, gzipped or not', async () => {
    const route = jest.spyOn(b.app.get(FeedContentService), 'state');
    const shown = (response: { headers: Record<string, string> }) =>
      [
        'etag',
        'last-modified',
        'cache-control',
        'vary',
        'content-type',
        'content-encoding',
        'content-length',
        'x-content-type-options',
        'content-security-policy',
      ].map((name) => [name, response.headers[name]]);
    try {
      for (const encoding of ['gzip', 'identity']) {
        const feed = await newFeed();
        await caughtUp(b);
        route.mockClear();
        const first = await poll(b, feed.token).set('Accept-Encoding', encoding).expect(200);
        const again = await poll(b, feed.token).set('Accept-Encoding', encoding).expect(200);
        const notModified = await poll(b, feed.token, first.headers.etag).set('Accept-Encoding', encoding);
        // The first poll renders through the feed's route; the next two come from memory.
        expect(route).toHaveBeenCalledTimes(1);
        expect(first.headers['content-encoding']).toBe(encoding === 'gzip' ? 'gzip' : undefined);
        expect(shown(again)).toEqual(shown(first));
        expect(again.text).toBe(first.text);
        expect(notModified.status).toBe(304);
        expect(notModified.headers.etag).toBe(first.headers.etag);
      }
    } finally {
      route.mockRestore();
    }
  });

  it('serves a change made on the other instance', async () => {
    const feed = await newFeed();
    const before = await poll(b, feed.token).expect(200);
    await poll(b, feed.token, before.headers.etag).expect(304);
    const added = await publishedSession();
    await caughtUp(b);
    const after = await poll(b, feed.token, before.headers.etag);
    expect(after.status).toBe(200);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(parseCalendar(after.text).events.map((event) => event.uid)).toContain(added);
  });

  it('stops a feed revoked on the other instance, answering 404 as for an unknown one', async () => {
    const feed = await newFeed();
    const served = await poll(b, feed.token).expect(200);
    expect((await poll(b, feed.token, served.headers.etag)).headers['x-query-count']).toBe('0');
    await a.admin.delete(`/api/v1/feeds/${feed.id}`).expect(204);
    await caughtUp(b);
    const gone = await poll(b, feed.token, served.headers.etag);
    const unknown = await poll(b, `cal_${'x'.repeat(43)}`);
    expect(gone.status).toBe(404);
    expect(gone.body.detail).toBe(unknown.body.detail);
  });

  it('shows a change made through itself on the next poll, before its notice arrives', async () => {
    const feed = await newFeed();
    await caughtUp(a);
    const before = await poll(a, feed.token).expect(200);
    expect((await poll(a, feed.token, before.headers.etag)).headers['x-query-count']).toBe('0');
    await withNoticesHeld(a, async () => {
      const added = await publishedSession();
      const after = await poll(a, feed.token, before.headers.etag);
      expect(after.status).toBe(200);
      expect(parseCalendar(after.text).events.map((event) => event.uid)).toContain(added);
    });
  });

  it('stops a feed revoked through itself on the next poll', async () => {
    const feed = await newFeed();
    await caughtUp(a);
    const served = await poll(a, feed.token).expect(200);
    expect((await poll(a, feed.token, served.headers.etag)).headers['x-query-count']).toBe('0');
    await withNoticesHeld(a, async () => {
      await a.admin.delete(`/api/v1/feeds/${feed.id}`).expect(204);
      await poll(a, feed.token, served.headers.etag).expect(404);
    });
  });

  it('misses no change while its listening connection is down, and listens again', async () => {
    const feed = await newFeed();
    const before = await poll(b, feed.token).expect(200);
    await poll(b, feed.token, before.headers.etag).expect(304);
    const states = statesOf(b);
    const pid = states.listenerPid;
    expect(pid).toBeDefined();
    const lost = once(states.events, 'lost');
    await withAdminClient((client) => client.query('SELECT pg_terminate_backend($1)', [pid]));
    await lost;
    const added = await publishedSession();
    const after = await poll(b, feed.token, before.headers.etag);
    expect(after.status).toBe(200);
    expect(parseCalendar(after.text).events.map((event) => event.uid)).toContain(added);

    await listening(b);
    expect(states.listenerPid).not.toBe(pid);
    await caughtUp(b);
    await poll(b, feed.token, after.headers.etag).expect(304);
    const fromMemory = await poll(b, feed.token, after.headers.etag);
    expect(fromMemory.status).toBe(304);
    expect(fromMemory.headers['x-query-count']).toBe('0');
  });
});

describe('Feed polls on the embedded database', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startEmbeddedTestApp({ feedListener: true });
  });
  afterAll(async () => {
    await t.close();
  });

  it('ask the database every time: one query for a 304', async () => {
    const { committee } = await t.ctx.newBilateralCommittee();
    const feed = await t.admin
      .post('/api/v1/feeds')
      .send({ label: 'Committee', scope: 'committee', targetId: committee.id })
      .expect(201);
    const first = await t.http.get(`/calendar/${feed.body.token}.ics`).expect(200);
    const notModified = await t.http
      .get(`/calendar/${feed.body.token}.ics`)
      .set('If-None-Match', first.headers.etag);
    expect(notModified.status).toBe(304);
    expect(notModified.headers['x-query-count']).toBe('1');
    expect(statesOf(t).listening).toBe(false);
  });
});
