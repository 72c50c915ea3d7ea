import pg from 'pg';

/**
 * Runs once, outside Jest's module system: on a server, drops the databases an earlier run
 * left behind, including the template, so each run migrates a fresh one (test-database.ts).
 */
export default async function globalSetup(): Promise<void> {
  const server = process.env.DATABASE_URL?.trim();
  if (!server) return;
  const url = new URL(server);
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const prefix = process.env.QUORUM_TEST_DB_PREFIX?.trim() || 'quorum_test'; // as test-database-prefix.ts
    const pattern = `${prefix.replaceAll('_', '\\_')}\\_%`;
    const stale = await client.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE datname LIKE $1',
      [pattern],
    );
    for (const { datname } of stale.rows)
      await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
