import type { EntityManager } from 'typeorm';

/** How long a key holds its answer; after that the same key starts afresh. */
const KEY_LIFETIME = '24 hours';

export interface StoredAnswer {
  request_hash: string;
  status_code: number | null;
  response_body: unknown;
}

/**
 * Claims `key` for this request inside its transaction: true when it is new (or its earlier use
 * has expired), false when a live earlier request holds it, whose answer is then replayed.
 */
export async function claimKey(
  manager: EntityManager,
  principal: string,
  key: string,
  requestHash: string,
): Promise<boolean> {
  const claimed = await manager.query<unknown[]>(
    `INSERT INTO idempotency_keys (principal, key, request_hash) VALUES ($1, $2, $3)
     ON CONFLICT (principal, key) DO UPDATE
        SET request_hash = EXCLUDED.request_hash, status_code = NULL, response_body = NULL, created_at = now()
      WHERE idempotency_keys.created_at < now() - interval '${KEY_LIFETIME}'
     RETURNING key`,
    [principal, key, requestHash],
  );
  return claimed.length > 0;
}

/** Keeps the answer beside the key, in the same transaction as the change it answers. */
export async function storeAnswer(
  manager: EntityManager,
  principal: string,
  key: string,
  status: number,
  body: unknown,
): Promise<void> {
  await manager.query(
    'UPDATE idempotency_keys SET status_code = $3, response_body = $4 WHERE principal = $1 AND key = $2',
    [principal, key, status, JSON.stringify(body ?? null)],
  );
}

export async function storedAnswer(
  manager: EntityManager,
  principal: string,
  key: string,
): Promise<StoredAnswer | undefined> {
  const [stored] = await manager.query<StoredAnswer[]>(
    'SELECT request_hash, status_code, response_body FROM idempotency_keys WHERE principal = $1 AND key = $2',
    [principal, key],
  );
  return stored;
}

export async function deleteExpiredKeys(manager: EntityManager): Promise<void> {
  await manager.query(`DELETE FROM idempotency_keys WHERE created_at < now() - interval '${KEY_LIFETIME}'`);
}
