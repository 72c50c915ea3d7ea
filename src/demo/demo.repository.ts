import type { DataSource } from 'typeorm';

/** What the demo seed reads and writes beyond the services it goes through. */

export async function committeeIdBySlug(dataSource: DataSource, slug: string): Promise<string | undefined> {
  const existing = await dataSource.query<Array<{ id: string }>>(
    'SELECT id FROM committees WHERE slug = $1',
    [slug],
  );
  return existing[0]?.id;
}

export function participantAddresses(
  dataSource: DataSource,
  committeeId: string,
): Promise<Array<{ id: string; email: string }>> {
  return dataSource.query<Array<{ id: string; email: string }>>(
    'SELECT id, email FROM participants WHERE committee_id = $1',
    [committeeId],
  );
}

/** The demo organizer's token, stored (by its hash) once. */
export async function keepOrganizerToken(
  dataSource: DataSource,
  committeeId: string,
  tokenHash: string,
): Promise<void> {
  await dataSource.query(
    `INSERT INTO api_tokens (name, token_hash, role, committee_ids) VALUES ('Demo organizer', $1, 'organizer', ARRAY[$2]::uuid[])
     ON CONFLICT (token_hash) DO NOTHING`,
    [tokenHash, committeeId],
  );
}

/** The demo delegate's calendar feed, stored (by its token's hash) once. */
export async function keepDelegateFeed(
  dataSource: DataSource,
  committeeId: string,
  participantId: string,
  tokenHash: string,
): Promise<void> {
  await dataSource.query(
    `INSERT INTO calendar_feeds (scope, committee_id, participant_id, label, locale, token_hash)
     VALUES ('participant', $1, $2, 'جلسات کمیسیون مشترک', 'fa', $3) ON CONFLICT (token_hash) DO NOTHING`,
    [committeeId, participantId, tokenHash],
  );
}

/** The database cluster's own identifier (needs the right to read pg_control_system()). */
export async function clusterIdentifier(dataSource: DataSource): Promise<string> {
  const [row] = await dataSource.query<Array<{ id: string }>>(
    'SELECT system_identifier::text AS id FROM pg_control_system()',
  );
  return row.id;
}
