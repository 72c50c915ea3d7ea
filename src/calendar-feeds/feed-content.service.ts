import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { hashToken } from '../common/auth/token-hash.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { assembleFeed, QUORUM_PRODID, sessionDownload, type CachedEvents } from './feed-assembly.js';
import { FeedStates } from './feed-states.js';
import { FeedsRepository, type FeedStateRow } from './feeds.repository.js';
import { ByteBudgetLru } from '../common/cache/byte-budget-lru.js';
import { RenderCache, type RenderedFeed } from './render-cache.js';
import { readerZonesFirst } from './zone-labels.js';
import { DAY_MS, MINUTE_MS } from '../common/time/durations.js';

const PAST_DAYS = 90;
const FUTURE_DAYS = 2 * 365;
const CANCELLED_KEPT_DAYS = 30;
/** lastFetchedAt is a hint for people, so it is written at most this often per feed. */
const FETCH_STAMP_MS = 5 * MINUTE_MS;
/** Rendered events, shared by every feed of the instance: a 5,000-session feed holds about 7 MB. */
const EVENT_CACHE_ENTRIES = 200_000;
const EVENT_CACHE_BYTES = 64 * 1024 * 1024;

export interface FeedState {
  feed: FeedStateRow;
  etag: string;
  lastModified: Date;
  /** Start (00:00 UTC) of the day the feed's window is counted from; part of the ETag. */
  windowDay: Date;
}

@Injectable()
export class FeedContentService {
  private readonly logger = new Logger('CalendarFeeds');
  private readonly bodies = new RenderCache();
  private readonly events = new ByteBudgetLru<CachedEvents>(EVENT_CACHE_ENTRIES, EVENT_CACHE_BYTES);

  constructor(
    private readonly feeds: FeedsRepository,
    private readonly states: FeedStates,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The feed, and the version of everything it could show: enough to answer 304 without
   * rendering. From memory when this instance listens for changes, else one small indexed
   * query. Unknown and revoked tokens look the same.
   */
  async state(token: string, now = new Date()): Promise<FeedState | undefined> {
    const tokenHash = hashToken(token);
    let feed = this.states.lookUp(tokenHash);
    if (!feed) {
      const ticket = this.states.ticket();
      feed = await this.feeds.stateByTokenHash(tokenHash);
      if (!feed) return undefined;
      this.states.remember(tokenHash, feed, ticket);
    }
    return this.stateOf(tokenHash, feed, now);
  }

  /** The state when this instance knows it without asking the database, else undefined. */
  stateInMemory(token: string, now = new Date()): FeedState | undefined {
    const tokenHash = hashToken(token);
    const feed = this.states.lookUp(tokenHash);
    return feed && this.stateOf(tokenHash, feed, now);
  }

  private stateOf(tokenHash: string, feed: FeedStateRow, now: Date): FeedState {
    this.stampFetch(tokenHash, feed, now);
    // The window slides by day, so the day is part of the version too, and the render counts
    // its window from that same day: one ETag, one body, whatever the hour of the render.
    const day = Math.floor(now.getTime() / DAY_MS);
    const etag = `"${createHash('sha256').update(`${feed.id}|${feed.content_version}|${day}`).digest('base64url').slice(0, 27)}"`;
    return { feed, etag, lastModified: feed.content_changed_at, windowDay: new Date(day * DAY_MS) };
  }

  /** The calendar text; rendered once per version of the feed and then served from memory. */
  async body(state: FeedState): Promise<RenderedFeed> {
    const { feed, etag } = state;
    return this.bodies.get(feed.id, etag) ?? this.bodies.set(feed.id, etag, await this.render(state));
  }

  /** The body (gzipped or not) when it is already made for this version, else undefined. */
  bodyInMemory({ feed, etag }: FeedState, gzip: boolean): Buffer | undefined {
    const rendered = this.bodies.get(feed.id, etag);
    return gzip ? rendered?.gzippedBody : rendered?.body;
  }

  /** The feed's window: from 90 days before the day to the end of the day 2 years after it. */
  private async render({ feed, windowDay }: FeedState): Promise<Buffer> {
    const day = windowDay.getTime();
    const span = { from: new Date(day - PAST_DAYS * DAY_MS), to: new Date(day + (FUTURE_DAYS + 1) * DAY_MS) };
    const { settings, rows } = await this.feeds.feedRows(feed, {
      ...span,
      cancelledFrom: new Date(day - CANCELLED_KEPT_DAYS * DAY_MS),
    });
    return assembleFeed({
      head: {
        prodId: QUORUM_PRODID,
        name: feed.label,
        timeZone: settings.participant_time_zone ?? settings.default_time_zone,
        span,
      },
      rows,
      context: {
        locale: feed.locale,
        zones: readerZonesFirst(settings.party_zones ?? [], feed.locale, settings.reader_party_id),
        publicBaseUrl: this.config.publicBaseUrl,
      },
      cache: this.events,
      load: (ids) => this.feeds.feedSessions(ids),
    });
  }

  /**
   * One session as an `.ics` file, for a reader who may see it: in the reader's language when it
   * asks for one (or is a delegate with its own), else the committee's; its party's zone first.
   */
  async download(
    sessionId: string,
    readerId: string | null,
    locale: string | undefined,
  ): Promise<string | undefined> {
    const [session] = await this.feeds.feedSessions([sessionId]);
    if (!session) return undefined;
    const settings = await this.feeds.downloadSettings(session.committeeId, readerId);
    const language = locale ?? settings.defaultLocale;
    const reader = settings.parties.find((party) => party.readsIt)?.partyId ?? null;
    return sessionDownload(session, {
      locale: language,
      zones: readerZonesFirst(settings.parties, language, reader),
      publicBaseUrl: this.config.publicBaseUrl,
    });
  }

  private stampFetch(tokenHash: string, feed: FeedStateRow, now: Date): void {
    if (feed.last_fetched_at && now.getTime() - feed.last_fetched_at.getTime() < FETCH_STAMP_MS) return;
    this.states.noteFetched(tokenHash, now);
    // Not awaited: the calendar app should not wait for a bookkeeping write.
    this.feeds
      .stampFetch(feed.id, now)
      .catch((error: unknown) =>
        this.logger.warn({ err: error, feedId: feed.id }, 'Could not record a feed fetch'),
      );
  }
}
