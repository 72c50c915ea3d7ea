import type { DataSource, EntityManager } from 'typeorm';
import { bumpContentVersion } from './committees.repository.js';

/** Told before a touch is written, then after it with the version it wrote (undefined if it failed). */
export interface TouchListener {
  touching(committeeId: string): void;
  touched(committeeId: string, version: number | undefined): void;
}
/** Per database connection (one per app instance): who wants to hear of touches before they commit. */
const touchListeners = new WeakMap<DataSource, Set<TouchListener>>();

/**
 * Marks that something any calendar feed of the committee could show has changed.
 * Called inside the same transaction as the change, so feeds never serve a stale ETag.
 */
export async function touchCommittee(manager: EntityManager, committeeId: string): Promise<void> {
  // Told before the write: this instance stops answering the committee's feeds from memory at
  // once, so whoever made the change sees it on its next poll here, before its NOTIFY arrives.
  const listeners = touchListeners.get(manager.connection);
  listeners?.forEach((listener) => listener.touching(committeeId));
  let version: number | undefined;
  try {
    version = await bumpContentVersion(manager, committeeId);
  } finally {
    listeners?.forEach((listener) => listener.touched(committeeId, version));
  }
}

/** Hears every `touchCommittee` made through `dataSource`; returns how to stop. */
export function onCommitteeTouched(dataSource: DataSource, listener: TouchListener): () => void {
  let listeners = touchListeners.get(dataSource);
  if (!listeners) {
    listeners = new Set();
    touchListeners.set(dataSource, listeners);
  }
  listeners.add(listener);
  return () => listeners.delete(listener);
}
