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
