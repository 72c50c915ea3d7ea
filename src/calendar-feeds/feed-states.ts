import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { EventEmitter } from 'node:events';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { onCommitteeTouched } from '../committees/committee-version.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { feedListenerQueries, type FeedStateRow } from './feeds.repository.js';

const MAX_FEEDS = 100_000;
const FIRST_RETRY_MS = 250;
const LAST_RETRY_MS = 10_000;
/** A connection that died without a word (a cut cable) is found by asking it something. */
const PING_MS = 30_000;
const PING_TIMEOUT_MS = 5_000;
/** A committee touched here is read from the database until its NOTIFY arrives, or this long (a rollback). */
const PENDING_MS = 10_000;
const CLOSE_WAIT_MS = 1_000;

/**
 * The feeds this instance has served, by token hash, with their committees' content versions,
 * kept current by PostgreSQL LISTEN/NOTIFY on a connection of their own: a poll of a known feed
 * needs no query. While that connection is down nothing is known, so every poll asks the
 * database as before; once it listens again, memory starts empty and is filled by those queries.
 * Against the embedded database (one connection at a time) or with FEED_LISTENER=false it never
 * listens, and every poll asks the database.
 */
@Injectable()
export class FeedStates implements OnApplicationBootstrap, OnModuleDestroy {
  /**
   * `listening` when subscribed (memory empty, then filled); `lost` when the connection dropped;
   * `notice` with each payload heard, after it was applied.
   */
  readonly events = new EventEmitter();
  private readonly logger = new Logger('CalendarFeeds');
  private readonly feeds = new Map<string, FeedStateRow>();
  private readonly committees = new Map<string, { version: number; changedAt: Date }>();
  /**
   * Committees this instance is changing: their feeds come from the database until the version
   * written is announced (`writing`: touches whose version is not known yet).
   */
  private readonly pending = new Map<string, { writing: number; awaited: number; until: number }>();
  private stopHearingTouches: (() => void) | undefined;
  /** Moves on every notice and every (dis)connection: a state read before it moved is not kept. */
  private generation = 0;
  private client: pg.Client | undefined;
  private live = false;
  private stopped = false;
  private retryMs = FIRST_RETRY_MS;
  private retryTimer: NodeJS.Timeout | undefined;
  private pingTimer: NodeJS.Timeout | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.databaseUrl === undefined || this.config.feedListener === false) return;
    this.stopHearingTouches = onCommitteeTouched(this.dataSource, {
      touching: (committeeId) => this.touching(committeeId),
      touched: (committeeId, version) => this.touched(committeeId, version),
    });
    this.connect();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    this.stopHearingTouches?.();
    clearTimeout(this.retryTimer);
    clearInterval(this.pingTimer);
    const client = this.client;
    this.forget();
    // A server that does not answer (frozen, cut off) must not hold up the shutdown.
    await Promise.race([
      client?.end().catch(() => undefined),
      new Promise((resolve) => setTimeout(resolve, CLOSE_WAIT_MS).unref()),
    ]);
  }

  /** Whether polls can be answered from memory now. */
  get listening(): boolean {
    return this.live;
  }

  /** The server process of the listening connection (for operators: pg_stat_activity). */
  get listenerPid(): number | undefined {
    return this.live ? (this.client as unknown as { processID?: number } | undefined)?.processID : undefined;
  }

  /** The feed as last announced, or undefined: then ask the database (and `remember` the answer). */
  lookUp(tokenHash: string): FeedStateRow | undefined {
    if (!this.live) return undefined;
    const feed = this.feeds.get(tokenHash);
    const committee = feed && !this.isPending(feed.committee_id) && this.committees.get(feed.committee_id);
    if (!feed || !committee) return undefined;
    return { ...feed, content_version: committee.version, content_changed_at: committee.changedAt };
  }

  /** Taken before asking the database for a state, handed back to `remember` with the answer. */
  ticket(): number {
    return this.live ? this.generation : -1;
  }

  /** Keeps a state read from the database, unless anything was announced since the ticket. */
  remember(tokenHash: string, feed: FeedStateRow, ticket: number): void {
    if (!this.live || ticket !== this.generation || this.isPending(feed.committee_id)) return;
    if (this.feeds.size >= MAX_FEEDS) this.feeds.delete(this.feeds.keys().next().value!);
    this.feeds.set(tokenHash, { ...feed });
    const known = this.committees.get(feed.committee_id);
    if (!known || known.version < feed.content_version) {
      this.committees.set(feed.committee_id, {
        version: feed.content_version,
        changedAt: feed.content_changed_at,
      });
    }
  }

  /**
   * A feed revoked through this instance: forgotten at once, so its next poll here asks the
   * database (and gets 404) even before the revocation's NOTIFY arrives.
   */
  forgetFeed(tokenHash: string): void {
    this.generation += 1;
    this.feeds.delete(tokenHash);
  }

  /** The fetch stamp written for a remembered feed, so that it is not written again for a while. */
  noteFetched(tokenHash: string, at: Date): void {
    const feed = this.feeds.get(tokenHash);
    if (feed) feed.last_fetched_at = at;
  }

  private connect(): void {
    const client = new pg.Client({
      connectionString: this.config.databaseUrl,
      application_name: 'quorum-feed-listener',
      keepAlive: true,
      query_timeout: PING_TIMEOUT_MS,
    });
    this.client = client;
    client.on('notification', (message) => this.heard(message.payload ?? ''));
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    client
      .connect()
      .then(() => feedListenerQueries.listen(client))
      .then(() => {
        if (this.client !== client || this.stopped) return;
        // Whatever changed while no one listened is unknown: start from nothing.
        this.forget();
        this.live = true;
        this.retryMs = FIRST_RETRY_MS;
        this.pingTimer = setInterval(() => this.ping(client), PING_MS).unref();
        this.events.emit('listening');
      })
      .catch((error: unknown) => this.lost(client, error));
  }

  private ping(client: pg.Client): void {
    feedListenerQueries.ping(client).catch((error: unknown) => this.lost(client, error));
  }

  /** A change of the committee is being written here: see PENDING_MS. */
  private touching(committeeId: string): void {
    this.generation += 1;
    if (this.pending.size > 1_000) {
      for (const [id, { until }] of this.pending) if (until <= Date.now()) this.pending.delete(id);
    }
    const pending = this.pending.get(committeeId) ?? { writing: 0, awaited: 0, until: 0 };
    this.pending.set(committeeId, {
      ...pending,
      writing: pending.writing + 1,
      until: Date.now() + PENDING_MS,
    });
  }

  private touched(committeeId: string, version: number | undefined): void {
    const pending = this.pending.get(committeeId);
    if (!pending) return;
    pending.writing -= 1;
    if (version !== undefined) pending.awaited = Math.max(pending.awaited, version);
    const known = this.committees.get(committeeId);
    if (pending.writing <= 0 && known && known.version >= pending.awaited) this.pending.delete(committeeId);
  }

  private isPending(committeeId: string): boolean {
    const pending = this.pending.get(committeeId);
    if (!pending) return false;
    if (pending.until > Date.now()) return true;
    this.pending.delete(committeeId);
    return false;
  }

  private heard(payload: string): void {
    this.generation += 1;
    const [kind, ...fields] = payload.split(':');
    if (kind === 'f') {
      this.feeds.delete(fields[0]);
    } else if (kind === 'c') {
      const [committeeId, version, changedAtMs] = fields;
      const pending = this.pending.get(committeeId);
      if (pending && pending.writing <= 0 && Number(version) >= pending.awaited)
        this.pending.delete(committeeId);
      const known = this.committees.get(committeeId);
      if (known && known.version < Number(version)) {
        this.committees.set(committeeId, {
          version: Number(version),
          changedAt: new Date(Number(changedAtMs)),
        });
      }
    }
    this.events.emit('notice', payload);
  }

  private lost(client: pg.Client, error?: unknown): void {
    if (this.client !== client) return;
    this.client = undefined;
    const wasLive = this.live;
    this.forget();
    clearInterval(this.pingTimer);
    client.end().catch(() => undefined);
    if (wasLive)
      this.logger.warn({ err: error }, 'Feed listener lost; polls ask the database until it is back');
    this.events.emit('lost');
    if (this.stopped) return;
    this.retryTimer = setTimeout(() => this.connect(), this.retryMs).unref();
    this.retryMs = Math.min(this.retryMs * 2, LAST_RETRY_MS);
  }

  private forget(): void {
    this.live = false;
    this.generation += 1;
    this.feeds.clear();
    this.committees.clear();
  }
}
