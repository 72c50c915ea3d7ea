import { DateTime } from 'luxon';
import { seedDemo } from '../../src/demo/seed-demo.js';
import { expandCalendar } from '../support/ical.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const TABLES = [
  'committees',
  'parties',
  'participants',
  'working_groups',
  'working_group_members',
  'sessions',
  'session_participants',
  'agenda_items',
  'series',
  'series_participants',
  'api_tokens',
  'calendar_feeds',
];

describe('npm run seed:demo', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('fills a believable committee once, and a second run changes nothing', async () => {
    const today = DateTime.fromISO('2026-11-28T00:00:00Z', { zone: 'UTC' });
    const first = await seedDemo(t.app, t.config, today);
    expect(first.created).toBe(true);
    const counts = async () =>
      Object.fromEntries(await Promise.all(TABLES.map(async (table) => [table, await t.count(table)])));
    const afterFirst = await counts();
    expect(afterFirst).toMatchObject({ committees: 1, parties: 2, working_groups: 3, series: 1 });
    expect(afterFirst.participants).toBeGreaterThanOrEqual(6);
    const snapshot = await t.db.query('SELECT id, version, updated_at FROM sessions ORDER BY id');

    const second = await seedDemo(t.app, t.config, today.plus({ days: 3 }));
    expect(second).toEqual({ ...first, created: false });
    expect(await counts()).toEqual(afterFirst);
    expect(await t.db.query('SELECT id, version, updated_at FROM sessions ORDER BY id')).toEqual(snapshot);

    const organizer = t.as(first.organizerToken);
    const sessions = await organizer
      .get(`/api/v1/sessions?committeeId=${first.committeeId}&limit=200`)
      .expect(200);
    const names = sessions.body.items.map((item: { title: { en: string } }) => item.title.en);
    expect(names).toEqual(
      expect.arrayContaining([
        'Iran–Russia industrial and trade webinar',
        'Meeting of the industry working group within the framework of the Joint Economic Committee',
        'Plenary session of the Joint Economic Committee',
        'Trade and customs working group call',
      ]),
    );
    for (const session of sessions.body.items.slice(0, 4)) {
      const agenda = await organizer.get(`/api/v1/sessions/${session.id}/agenda`).expect(200);
      expect(
        agenda.body.items.filter((item: { depth: number }) => item.depth === 0).length,
      ).toBeGreaterThanOrEqual(5);
    }
    const participants = await organizer
      .get(`/api/v1/committees/${first.committeeId}/participants?q=${encodeURIComponent('زادبوم')}`)
      .expect(200);
    expect(participants.body.items[0].fullName).toMatchObject({ en: 'Hamid Zadboum', ru: 'Хамид Задбум' });

    const feedPath = new URL(first.delegateFeedUrl).pathname;
    const feed = await t.http.get(feedPath).expect(200);
    const instances = expandCalendar(feed.text);
    expect(instances.length).toBeGreaterThan(3);
    expect(feed.text).toContain('X-WR-CALNAME:جلسات کمیسیون مشترک');
  });
});
