import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);

/**
 * Least recently used first out, within a count and a byte budget. Only a shortcut: every key
 * says which version of the database its value was made from, so a stale entry is never hit,
 * on this instance or another.
 */
export class ByteBudgetLru<V> {
  private readonly entries = new Map<string, { value: V; size: number }>();
  private bytes = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxBytes: number,
  ) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, value: V, size: number): void {
    if (size > this.maxBytes) return;
    this.delete(key);
    this.entries.set(key, { value, size });
    this.bytes += size;
    for (const [oldest] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.delete(oldest);
    }
  }

  /** Grows an entry's accounted size (a representation added to it later). */
  grow(key: string, extra: number): void {
    const entry = this.entries.get(key);
    if (entry === undefined) return;
    entry.size += extra;
    this.bytes += extra;
  }

  get totalBytes(): number {
    return this.bytes;
  }

  private delete(key: string): void {
    const entry = this.entries.get(key);
    if (entry === undefined) return;
    this.bytes -= entry.size;
    this.entries.delete(key);
  }
}

/** A rendered feed body; gzipped once, the first time a client asks for gzip (most do). */
export class RenderedFeed {
  private gzipping?: Promise<Buffer>;

  constructor(
    readonly body: Buffer,
    private readonly onGzipped: (bytes: number) => void = () => undefined,
  ) {}

  gzipped(): Promise<Buffer> {
    this.gzipping ??= gzipAsync(this.body).then((gzipped) => {
      this.onGzipped(gzipped.length);
      return gzipped;
    });
    return this.gzipping;
  }
}

/**
 * Each feed's body as last rendered, with the ETag it was rendered for. One per feed: a new
 * version replaces the old one at once, since no client asks for the old one again.
 */
export class RenderCache {
  private readonly lru: ByteBudgetLru<{ etag: string; rendered: RenderedFeed }>;

  constructor(maxEntries = 500, maxBytes = 64 * 1024 * 1024) {
    this.lru = new ByteBudgetLru(maxEntries, maxBytes);
  }

  get(feedId: string, etag: string): RenderedFeed | undefined {
    const entry = this.lru.get(feedId);
    return entry?.etag === etag ? entry.rendered : undefined;
  }

  /** Keeps the body; its gzipped form counts against the budget once it exists. */
  set(feedId: string, etag: string, body: Buffer): RenderedFeed {
    const rendered: RenderedFeed = new RenderedFeed(body, (bytes) => {
      if (this.lru.get(feedId)?.rendered === rendered) this.lru.grow(feedId, bytes);
    });
    this.lru.set(feedId, { etag, rendered }, body.length);
    return rendered;
  }
}
