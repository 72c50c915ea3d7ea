import type { EntityManager } from 'typeorm';

/**
 * Marks that something any calendar feed of the committee could show has changed.
 * Called inside the same transaction as the change, so feeds never serve a stale ETag.
 */
export async function touchCommittee(manager: EntityManager, committeeId: string): Promise<void> {
  await manager.query(
    'UPDATE committees SET content_version = content_version + 1, content_changed_at = now() WHERE id = $1',
    [committeeId],
  );
}
