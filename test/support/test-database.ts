import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase } from '../../src/database/database.js';
import type { DatabaseSettings } from '../../src/database/database.js';
import { migratedSnapshot } from './embedded-snapshot.js';
import { testDatabasePrefix } from './test-database-prefix.js';

export const TEST_DATABASE_PREFIX = testDatabasePrefix();
export const TEMPLATE_DATABASE = `${TEST_DATABASE_PREFIX}_template`;

/** The server named by DATABASE_URL, or undefined when tests use the embedded database. */
export function serverUrl(): string | undefined {
  const url = process.env.DATABASE_URL?.trim();
  return url ? url : undefined;
}

export function databaseUrl(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withAdminClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl(serverUrl()!, 'postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  settings: DatabaseSettings;
  drop(): Promise<void>;
}

/**
 * One database per test file: on a server, a clone of the migrated template database
 * (fast); embedded, an in-memory PGlite loaded from one migrated snapshot (the app's own
 * migration run then finds nothing to do).
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const server = serverUrl();
  if (!server) return createEmbeddedTestDatabase();
  await ensureTemplate(server);
  const name = `${TEST_DATABASE_PREFIX}_${randomBytes(6).toString('hex')}`;
  await withAdminClient((client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`));
  return {
    settings: { databaseUrl: databaseUrl(server, name), dataDir: 'memory', databasePoolSize: 5 },
    drop: () =>
      withAdminClient(async (client) => {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      }),
  };
}

/** An in-memory embedded database, also when the suite runs against a server (for what only it does). */
export async function createEmbeddedTestDatabase(): Promise<TestDatabase> {
  const embeddedSnapshot = await migratedSnapshot();
  return { settings: { dataDir: 'memory', databasePoolSize: 1, embeddedSnapshot }, drop: async () => {} };
}

/** The first test file to get here migrates the template; the others wait on the lock. */
async function ensureTemplate(server: string): Promise<void> {
  await withAdminClient(async (client) => {
    await client.query('SELECT pg_advisory_lock(4242)');
    try {
      const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [TEMPLATE_DATABASE]);
      if (exists.rowCount) return;
      await client.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
      const database = await openDatabase({
        databaseUrl: databaseUrl(server, TEMPLATE_DATABASE),
        dataDir: 'memory',
        databasePoolSize: 1,
      });
      await database.close();
    } finally {
      await client.query('SELECT pg_advisory_unlock(4242)');
    }
  });
}
