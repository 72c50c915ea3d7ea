import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities.js';
import { MIGRATIONS } from './migrations/index.js';

export interface DatabaseConnection {
  url: string;
  poolSize: number;
  /** How long a request waits for a connection (or to open one) before it gives up. */
  acquireTimeoutMs?: number;
  /** Longest a statement may run; 0 for none (migrations). */
  statementTimeoutMs?: number;
  /**
   * false: PostgreSQL's JIT compiler is off for these connections. The app's statements are short;
   * compiling one costs more than it saves (a 5,000-session feed's fingerprints: +40 ms with it).
   */
  jit?: false;
  /** Log every SQL statement through this callback (used by the benchmark's query counter). */
  onQuery?: (sql: string) => void;
}

export const DEFAULT_ACQUIRE_TIMEOUT_MS = 3_000;
export const DEFAULT_STATEMENT_TIMEOUT_MS = 4_000;
/** The client's own limit, a little past the server's: a frozen server cannot enforce its own. */
const CLIENT_GRACE_MS = 1_000;

/** The one place the TypeORM options are built: used by the app, the migration CLI and the tests. */
export function buildDataSourceOptions(connection: DatabaseConnection): DataSourceOptions {
  const statementTimeout = connection.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS;
  return {
    type: 'postgres',
    url: connection.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    migrationsRun: false,
    installExtensions: false,
    uuidExtension: 'pgcrypto',
    poolSize: connection.poolSize,
    extra: {
      connectionTimeoutMillis: connection.acquireTimeoutMs ?? DEFAULT_ACQUIRE_TIMEOUT_MS,
      idleTimeoutMillis: 30_000,
      application_name: 'quorum',
      ...(connection.jit === false ? { options: '-c jit=off' } : {}),
      ...(statementTimeout > 0
        ? { statement_timeout: statementTimeout, query_timeout: statementTimeout + CLIENT_GRACE_MS }
        : {}),
    },
  };
}
