export interface RenderedFeed {
  body: Buffer;
  /** The same body gzipped once: calendar apps ask for gzip, and it is a tenth of the size. */
  gzipped: Buffer;
}

/**
 * Rendered feeds by ETag, least recently used first out. Only a shortcut: the key says
 * which version of the database a body was rendered from, so a stale entry is never hit.
 */
export class RenderCache {
  private readonly entries = new Map<string, RenderedFeed>();
  private bytes = 0;

  constructor(
    private readonly maxEntries = 500,
    private readonly maxBytes = 64 * 1024 * 1024,
  ) {}

  get(key: string): RenderedFeed | undefined {
    const body = this.entries.get(key);
    if (body !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, body);
    }
    return body;
  }

  set(key: string, body: RenderedFeed): void {
    const size = body.body.length + body.gzipped.length;
    if (size > this.maxBytes) return;
    this.delete(key);
    this.entries.set(key, body);
    this.bytes += size;
    for (const [oldest] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.delete(oldest);
    }
  }

  private delete(key: string): void {
    const body = this.entries.get(key);
    if (body === undefined) return;
    this.bytes -= body.body.length + body.gzipped.length;
    this.entries.delete(key);
  }
}
