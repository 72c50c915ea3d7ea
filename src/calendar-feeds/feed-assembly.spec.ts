import type { Series } from '../series/series.entity.js';
import { assembleFeed, type CachedEvents } from './feed-assembly.js';
import type { FeedRowKey, FeedSession } from './feeds.repository.js';
import { renderCalendar, type IcsCalendarHead } from './ics/ics-writer.js';
import { ByteBudgetLru } from '../common/cache/byte-budget-lru.js';
import { seriesToEvents } from './series-events.js';
import { sessionToEvent } from './session-event.js';

const HEAD: IcsCalendarHead = {
  prodId: '-//Quorum//Joint committee scheduler//EN',
  name: 'JEC',
  timeZone: 'Europe/Moscow',
  span: { from: new Date('2026-09-01T00:00:00Z'), to: new Date('2028-09-01T00:00:00Z') },
};
const CONTEXT = { locale: 'fa', zones: ['Asia/Tehran', 'Europe/Moscow'], publicBaseUrl: 'https://q.test' };
const CREATED = new Date('2026-08-01T09:00:00Z');

const WEEKLY: Series = {
  id: '5e1e5000-0000-4000-8000-000000000001',
  committeeId: 'c0000000-0000-4000-8000-000000000001',
  workingGroupId: null,
  title: { en: 'Weekly coordination', fa: 'هماهنگی هفتگی' },
  description: null,
  kind: 'plenary',
  format: 'online',
  timeZone: 'Asia/Tehran',
  startDate: '2026-10-06',
  startTime: '10:00',
  durationMinutes: 60,
  rule: 'FREQ=WEEKLY;COUNT=3',
  skipNonWorkingDays: false,
  replaceSkipped: 'none',
  location: null,
  onlineMeeting: { joinUrl: 'https://meet.example/weekly' },
  capacity: null,
  sequence: 0,
  createdAt: CREATED,
  updatedAt: CREATED,
};

function session(id: string, startsAt: string, overrides: Partial<FeedSession> = {}): FeedSession {
  const start = new Date(startsAt);
  return {
    id,
    committeeId: WEEKLY.committeeId,
    workingGroupId: null,
    seriesId: null,
    recurrenceId: null,
    detached: false,
    title: { en: `Session ${id.slice(0, 4)}`, fa: `نشست ${id.slice(0, 4)}` },
    description: null,
    kind: 'bilateral',
    format: 'in_person',
    status: 'scheduled',
    timeZone: 'Europe/Moscow',
    startsAt: start,
    endsAt: new Date(start.getTime() + 90 * 60_000),
    location: { en: 'Moscow' },
    onlineMeeting: null,
    capacity: null,
    sequence: 0,
    version: 1,
    cancellationReason: null,
    createdAt: CREATED,
    updatedAt: CREATED,
    feedAgenda: [],
    feedSeries: null,
    ...overrides,
  };
}

function occurrence(id: string, date: string): FeedSession {
  return session(id, `${date}T06:30:00Z`, {
    seriesId: WEEKLY.id,
    recurrenceId: `${date}T10:00`,
    title: WEEKLY.title,
    kind: WEEKLY.kind,
    format: WEEKLY.format,
    timeZone: WEEKLY.timeZone,
    location: null,
    onlineMeeting: WEEKLY.onlineMeeting,
    endsAt: new Date(`${date}T07:30:00Z`),
    feedSeries: WEEKLY,
  });
}

/** A small database: the feed's rows, fingerprinted by version, and a loader that counts. */
function feedOf(sessions: FeedSession[]) {
  const loaded: string[] = [];
  const rows = (): FeedRowKey[] =>
    sessions.map((row) => ({
      id: row.id,
      seriesId: row.seriesId,
      fingerprint: `${row.version}`,
      seriesFingerprint: row.seriesId ? 'series-1' : null,
    }));
  const load = (ids: string[]) => {
    loaded.push(...ids);
    return Promise.resolve(sessions.filter((row) => ids.includes(row.id)));
  };
  return { rows, load, loaded };
}

/** What the feed was before pieces existed: every event rendered in one calendar. */
function renderedWhole(sessions: FeedSession[]): string {
  const singles = sessions.filter((row) => !row.seriesId);
  const occurrences = sessions.filter((row) => row.seriesId);
  return renderCalendar({
    ...HEAD,
    events: [
      ...singles.map((row) => sessionToEvent(row, row.feedAgenda, CONTEXT)),
      ...seriesToEvents(
        WEEKLY,
        occurrences.map((row) => ({ session: row, agenda: row.feedAgenda })),
        CONTEXT,
      ),
    ],
  });
}

describe('assembleFeed', () => {
  const sessions = [
    session('a0000000-0000-4000-8000-000000000001', '2026-10-01T07:00:00Z'),
    occurrence('b0000000-0000-4000-8000-000000000001', '2026-10-06'),
    session('a0000000-0000-4000-8000-000000000002', '2026-10-08T07:00:00Z', {
      feedAgenda: [
        {
          id: 'ac000000-0000-4000-8000-000000000001',
          parentId: null,
          position: 1,
          durationMinutes: 30,
          title: { en: 'Opening', fa: 'افتتاحیه' },
        } as unknown as FeedSession['feedAgenda'][number],
      ],
    }),
    occurrence('b0000000-0000-4000-8000-000000000002', '2026-10-13'),
    occurrence('b0000000-0000-4000-8000-000000000003', '2026-10-20'),
  ];

  it('writes the same bytes as rendering every event in one calendar', async () => {
    const feed = feedOf(sessions);
    const cache = new ByteBudgetLru<CachedEvents>(100, 1024 * 1024);
    const body = await assembleFeed({
      head: HEAD,
      rows: feed.rows(),
      context: CONTEXT,
      cache,
      load: feed.load,
    });
    expect(body.toString('utf8')).toBe(renderedWhole(sessions));
    expect(body.toString('utf8')).toContain('RRULE:FREQ=WEEKLY;COUNT=3');
    expect(body.toString('utf8')).toContain('BEGIN:VTIMEZONE\r\nTZID:Asia/Tehran');
  });

  it('after one session changed, loads and renders that one again and copies the rest', async () => {
    const current = sessions.map((row) => ({ ...row }));
    const feed = feedOf(current);
    const cache = new ByteBudgetLru<CachedEvents>(100, 1024 * 1024);
    const assemble = () =>
      assembleFeed({ head: HEAD, rows: feed.rows(), context: CONTEXT, cache, load: feed.load });
    await assemble();
    expect(feed.loaded).toHaveLength(5);

    feed.loaded.length = 0;
    current[2] = { ...current[2], title: { en: 'Moved', fa: 'جابه‌جا شد' }, version: 2 };
    const afterSingle = await assemble();
    expect(feed.loaded).toEqual([current[2].id]);
    expect(afterSingle.toString('utf8')).toBe(renderedWhole(current));

    // An occurrence changed: its series is one piece (master, EXDATEs, overrides), loaded whole.
    feed.loaded.length = 0;
    current[3] = { ...current[3], status: 'cancelled', version: 2 };
    const afterOccurrence = await assemble();
    expect(feed.loaded.sort()).toEqual([current[1].id, current[3].id, current[4].id].sort());
    expect(afterOccurrence.toString('utf8')).toBe(renderedWhole(current));

    feed.loaded.length = 0;
    await assemble();
    expect(feed.loaded).toEqual([]);
  });

  it('renders in another language as other pieces, not the cached ones', async () => {
    const feed = feedOf(sessions);
    const cache = new ByteBudgetLru<CachedEvents>(100, 1024 * 1024);
    await assembleFeed({ head: HEAD, rows: feed.rows(), context: CONTEXT, cache, load: feed.load });
    const russian = await assembleFeed({
      head: HEAD,
      rows: feed.rows(),
      context: { ...CONTEXT, locale: 'ru' },
      cache,
      load: feed.load,
    });
    expect(feed.loaded).toHaveLength(10);
    expect(russian.toString('utf8')).not.toContain('نشست');
  });

  it('renders a first feed of a thousand sessions and more in batches, with the same bytes', async () => {
    const many = Array.from({ length: 1_200 }, (_, index) =>
      session(
        `a0000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
        new Date(Date.UTC(2026, 9, 1, 7) + index * 3_600_000).toISOString(),
      ),
    );
    const feed = feedOf([...many, ...sessions.filter((row) => row.seriesId)]);
    const batches: number[] = [];
    const body = await assembleFeed({
      head: HEAD,
      rows: feed.rows(),
      context: CONTEXT,
      cache: new ByteBudgetLru<CachedEvents>(10_000, 64 * 1024 * 1024),
      load: (ids) => {
        batches.push(ids.length);
        return feed.load(ids);
      },
    });
    expect(body.toString('utf8')).toBe(renderedWhole([...many, ...sessions.filter((row) => row.seriesId)]));
    expect(batches.length).toBeGreaterThan(1);
    expect(Math.max(...batches)).toBeLessThanOrEqual(500);
    expect(feed.loaded).toHaveLength(1_203);
  });
});

describe('ByteBudgetLru', () => {
  it('drops the least recently used entries to stay within its byte budget', () => {
    const lru = new ByteBudgetLru<string>(10, 100);
    lru.set('a', 'A', 40);
    lru.set('b', 'B', 40);
    expect(lru.get('a')).toBe('A');
    lru.set('c', 'C', 40);
    expect(lru.get('b')).toBeUndefined();
    expect(lru.get('a')).toBe('A');
    expect(lru.get('c')).toBe('C');
    expect(lru.totalBytes).toBe(80);
    lru.set('huge', 'H', 101);
    expect(lru.get('huge')).toBeUndefined();
    expect(lru.totalBytes).toBe(80);
  });
});
