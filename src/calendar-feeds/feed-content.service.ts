import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { hashToken } from '../common/auth/token-hash.js';
import type { LocalizedText } from '../common/i18n/localized-text.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { participantSessionsCondition } from '../sessions/session-visibility.js';
import { Session } from '../sessions/session.entity.js';
import type { FeedScope } from './calendar-feed.entity.js';
import { renderCalendar } from './ics/ics-writer.js';
import { RenderCache, type RenderedFeed } from './render-cache.js';
import { seriesToEvents } from './series-events.js';
import { sessionToEvent, type EventContext, type FeedAgendaItem } from './session-event.js';
import { readerZonesFirst } from './zone-labels.js';
import type { IcsEvent } from './ics/ics-writer.js';
import type { Series } from '../series/series.entity.js';
import { DAY_MS } from '../common/time/durations.js';

const gzipAsync = promisify(gzip);
const FEED_STATE_SQL = `SELECT f.id, f.scope, f.committee_id, f.participant_id, f.working_group_id, f.owner_participant_id,
       f.label, f.locale, f.last_fetched_at, c.content_version, c.content_changed_at
  FROM calendar_feeds f JOIN committees c ON c.id = f.committee_id
 WHERE f.token_hash = $1 AND f.revoked_at IS NULL`;
const PAST_DAYS = 90;
const FUTURE_DAYS = 2 * 365;
const CANCELLED_KEPT_DAYS = 30;
/** lastFetchedAt is a hint for people, so it is written at most this often per feed. */
const FETCH_STAMP_MS = 5 * 60_000;

interface FeedRow {
  id: string;
  scope: FeedScope;
  committee_id: string;
  participant_id: string | null;
  working_group_id: string | null;
  owner_participant_id: string | null;
  label: string;
  locale: string;
  last_fetched_at: Date | null;
  content_version: number;
  content_changed_at: Date;
}

interface FeedSettings {
  default_time_zone: string;
  participant_time_zone: string | null;
  party_zones: Array<{ timeZone: string; locale: string; partyId: string }> | null;
  /** The party of the participant the feed is read as, if any: its zone is shown first. */
  reader_party_id: string | null;
}

export interface FeedState {
  feed: FeedRow;
  etag: string;
  lastModified: Date;
  /** Start (00:00 UTC) of the day the feed's window is counted from; part of the ETag. */
  windowDay: Date;
}

@Injectable()
export class FeedContentService {
  private readonly logger = new Logger('CalendarFeeds');
  private readonly cache = new RenderCache();

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * One small indexed query: the feed, and the version of everything it could show.
   * Enough to answer 304 without rendering. Unknown and revoked tokens look the same.
   */
  async state(token: string, now = new Date()): Promise<FeedState | undefined> {
    const feed = await this.lookUp(hashToken(token));
    if (!feed) return undefined;
    this.stampFetch(feed, now);
    // The window slides by day, so the day is part of the version too, and the render counts
    // its window from that same day: one ETag, one body, whatever the hour of the render.
    const day = Math.floor(now.getTime() / DAY_MS);
    const etag = `"${createHash('sha256').update(`${feed.id}|${feed.content_version}|${day}`).digest('base64url').slice(0, 27)}"`;
    return { feed, etag, lastModified: feed.content_changed_at, windowDay: new Date(day * DAY_MS) };
  }

  /**
   * The hottest query of all (every calendar app polls), so it goes to the pool as a named
   * prepared statement: parsed and planned once per connection instead of on every poll.
   */
  private async lookUp(tokenHash: string): Promise<FeedRow | undefined> {
    this.dataSource.logger.logQuery(FEED_STATE_SQL, [tokenHash]);
    const pool = (this.dataSource.driver as unknown as { master: Pool }).master;
    const result = await pool.query<FeedRow>({
      name: 'quorum_feed_state',
      text: FEED_STATE_SQL,
      values: [tokenHash],
    });
    return result.rows[0];
  }

  /** The calendar text; rendered once per version of the feed and then served from memory. */
  async body(state: FeedState): Promise<RenderedFeed> {
    const cached = this.cache.get(state.etag);
    if (cached !== undefined) return cached;
    const body = Buffer.from(await this.render(state.feed, state.windowDay), 'utf8');
    const rendered = { body, gzipped: await gzipAsync(body) };
    this.cache.set(state.etag, rendered);
    return rendered;
  }

  /** The feed's window: from 90 days before `day` to the end of the day 2 years after it. */
  private async render(feed: FeedRow, day: Date): Promise<string> {
    const from = new Date(day.getTime() - PAST_DAYS * DAY_MS);
    const to = new Date(day.getTime() + (FUTURE_DAYS + 1) * DAY_MS);
    const builder = this.dataSource
      .getRepository(Session)
      .createQueryBuilder('s')
      .leftJoin('working_groups', 'wg', 'wg.id = s.working_group_id')
      .addSelect('wg.name', 'group_name')
      .addSelect(
        `(SELECT json_agg(json_build_object('id', a.id, 'parentId', a.parent_id, 'position', a.position,
                 'durationMinutes', a.duration_minutes, 'title', a.title)) FROM agenda_items a WHERE a.session_id = s.id)`,
        'agenda',
      )
      .addSelect(`(SELECT row_to_json(se) FROM series se WHERE se.id = s.series_id)`, 'series')
      .where('s.committee_id = :committeeId', { committeeId: feed.committee_id })
      .andWhere(`s.status <> 'draft'`)
      // A series is written whole (one RRULE), so all its occurrences come once any is in the window.
      .andWhere(
        `((s.starts_at < :to AND s.ends_at > :from AND (s.status <> 'cancelled' OR s.ends_at > :cancelledFrom))
          OR s.series_id IN (SELECT w.series_id FROM sessions w WHERE w.committee_id = :committeeId
                              AND w.series_id IS NOT NULL AND w.starts_at < :to AND w.ends_at > :from))`,
        { from, to, cancelledFrom: new Date(day.getTime() - CANCELLED_KEPT_DAYS * DAY_MS) },
      )
      // The feed's display settings ride along on every row: one query for the whole render.
      .addSelect('c.default_time_zone', 'default_time_zone')
      .addSelect(
        '(SELECT p.time_zone FROM participants p WHERE p.id = :participantId)',
        'participant_time_zone',
      )
      .addSelect('(SELECT p.party_id FROM participants p WHERE p.id = :viewerId)', 'reader_party_id')
      .addSelect(
        `(SELECT json_agg(json_build_object('timeZone', pa.time_zone, 'locale', pa.locale, 'partyId', pa.id)
                 ORDER BY pa.created_at, pa.id) FROM parties pa WHERE pa.committee_id = s.committee_id)`,
        'party_zones',
      )
      .innerJoin('committees', 'c', 'c.id = s.committee_id')
      .setParameter('participantId', feed.participant_id)
      .setParameter(
        'viewerId',
        feed.scope === 'participant' ? feed.participant_id : feed.owner_participant_id,
      )
      .orderBy('s.starts_at', 'ASC')
      .addOrderBy('s.id', 'ASC');
    if (feed.scope === 'working_group') {
      builder.andWhere('s.working_group_id = :workingGroupId', { workingGroupId: feed.working_group_id });
    }
    const viewer = feed.scope === 'participant' ? feed.participant_id : feed.owner_participant_id;
    if (viewer) {
      const visible = participantSessionsCondition('s', feed.committee_id, viewer);
      builder.andWhere(visible.condition, visible.parameters);
    }
    const { entities, raw } = await builder.getRawAndEntities<
      {
        group_name: LocalizedText | null;
        agenda: FeedAgendaItem[] | null;
        series: SeriesRow | null;
      } & FeedSettings
    >();
    const settings = raw[0] ?? (await this.settings(feed));
    const context = {
      locale: feed.locale,
      zones: readerZonesFirst(settings.party_zones ?? [], feed.locale, settings.reader_party_id),
      publicBaseUrl: this.config.publicBaseUrl,
      workingGroupNames: new Map(
        entities.flatMap((session, index) =>
          session.workingGroupId && raw[index].group_name
            ? [[session.workingGroupId, raw[index].group_name] as const]
            : [],
        ),
      ),
    };
    return renderCalendar({
      prodId: '-//Quorum//Joint committee scheduler//EN',
      name: feed.label,
      timeZone: settings.participant_time_zone ?? settings.default_time_zone,
      span: { from, to },
      events: feedEvents(
        entities.map((session, index) => ({
          session,
          agenda: raw[index].agenda ?? [],
          series: raw[index].series,
        })),
        context,
      ),
    });
  }

  /** For a feed with no sessions at all: its settings on their own. */
  private async settings(feed: FeedRow): Promise<FeedSettings> {
    const [settings] = await this.dataSource.query<FeedSettings[]>(
      `SELECT c.default_time_zone,
              (SELECT p.time_zone FROM participants p WHERE p.id = $2) AS participant_time_zone,
              NULL AS party_zones, NULL AS reader_party_id
         FROM committees c WHERE c.id = $1`,
      [feed.committee_id, feed.participant_id],
    );
    return settings;
  }

  private stampFetch(feed: FeedRow, now: Date): void {
    if (feed.last_fetched_at && now.getTime() - feed.last_fetched_at.getTime() < FETCH_STAMP_MS) return;
    // Not awaited: the calendar app should not wait for a bookkeeping write.
    this.dataSource
      .query('UPDATE calendar_feeds SET last_fetched_at = $2 WHERE id = $1', [feed.id, now])
      .catch((error: unknown) =>
        this.logger.warn({ err: error, feedId: feed.id }, 'Could not record a feed fetch'),
      );
  }
}

/** row_to_json of a series row: snake_case columns, instants as text. */
type SeriesRow = Record<string, unknown>;

/** Single sessions as they are; occurrences grouped into one set of events per series. */
function feedEvents(
  rows: Array<{ session: Session; agenda: FeedAgendaItem[]; series: SeriesRow | null }>,
  context: EventContext,
): IcsEvent[] {
  const events: IcsEvent[] = [];
  const seriesOccurrences = new Map<
    string,
    { series: Series; occurrences: Array<{ session: Session; agenda: FeedAgendaItem[] }> }
  >();
  for (const row of rows) {
    if (!row.series) {
      events.push(sessionToEvent(row.session, row.agenda, context));
      continue;
    }
    const series = toSeries(row.series);
    const group = seriesOccurrences.get(series.id) ?? { series, occurrences: [] };
    group.occurrences.push({ session: row.session, agenda: row.agenda });
    seriesOccurrences.set(series.id, group);
  }
  for (const { series, occurrences } of seriesOccurrences.values()) {
    events.push(...seriesToEvents(series, occurrences, context));
  }
  return events;
}

function toSeries(row: SeriesRow): Series {
  return {
    id: row.id as string,
    committeeId: row.committee_id as string,
    workingGroupId: (row.working_group_id as string | null) ?? null,
    title: row.title as LocalizedText,
    description: (row.description as LocalizedText | null) ?? null,
    kind: row.kind as Series['kind'],
    format: row.format as Series['format'],
    timeZone: row.time_zone as string,
    startDate: row.start_date as string,
    startTime: row.start_time as string,
    durationMinutes: row.duration_minutes as number,
    rule: row.rule as string,
    skipNonWorkingDays: row.skip_non_working_days as boolean,
    replaceSkipped: (row.replace_skipped as Series['replaceSkipped'] | undefined) ?? 'none',
    location: (row.location as LocalizedText | null) ?? null,
    onlineMeeting: (row.online_meeting as Series['onlineMeeting']) ?? null,
    capacity: (row.capacity as number | null) ?? null,
    sequence: row.sequence as number,
    createdAt: new Date(row.created_at as string),
    updatedAt: new Date(row.updated_at as string),
  };
}
