import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { buildDataSourceOptions } from './data-source-options.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres.js';
import { runMigrationsUnderLock } from './migrate.js';
import { joinRequestTransactions } from './request-transaction.js';
import { connectWithRetry } from './startup-retry.js';

const EMBEDDED_ACQUIRE_TIMEOUT_MS = 10_000;

export interface Database {
  dataSource: DataSource;
  embedded: boolean;
  close(): Promise<void>;
}

export type DatabaseSettings = Pick<
  AppConfig,
  | 'databaseUrl'
  | 'dataDir'
  | 'databasePoolSize'
  | 'databaseAcquireTimeoutMs'
  | 'databaseStatementTimeoutMs'
  | 'databaseStartupRetrySeconds'
  | 'embeddedSnapshot'
> & {
  onQuery?: (sql: string) => void;
};

/**
 * Connects to the configured PostgreSQL — the server in DATABASE_URL, or the embedded
 * one — and brings its schema up to date. A server that does not answer yet is retried
 * for `databaseStartupRetrySeconds`.
 */
export async function openDatabase(settings: DatabaseSettings, migrate = true): Promise<Database> {
  let embedded: EmbeddedPostgres | undefined;
  let url = settings.databaseUrl;
  if (url === undefined) {
    embedded = await startEmbeddedPostgres(settings.dataDir, settings.embeddedSnapshot);
    url = embedded.url;
  }
  // PGlite serves one connection at a time; a larger pool would only queue behind it.
  const poolSize = embedded ? 1 : settings.databasePoolSize;
  // The embedded database lives in this process: it cannot be away or frozen, only busy, so
  // the timeouts that turn an absent server into a quick 503 apply to a server only.
  const connection = embedded
    ? { url, poolSize, acquireTimeoutMs: EMBEDDED_ACQUIRE_TIMEOUT_MS, statementTimeoutMs: 0 }
    : {
        url,
        poolSize,
        acquireTimeoutMs: settings.databaseAcquireTimeoutMs,
        statementTimeoutMs: settings.databaseStatementTimeoutMs,
        jit: false as const,
      };
  const retrySeconds = embedded ? 0 : (settings.databaseStartupRetrySeconds ?? 30);
  const dataSource = new DataSource(buildDataSourceOptions(connection));
  try {
    await connectWithRetry(dataSource, url, retrySeconds);
    if (migrate) await runMigrationsUnderLock(dataSource);
    joinRequestTransactions(dataSource);
    if (settings.onQuery) instrumentQueries(dataSource, settings.onQuery);
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy();
    await embedded?.stop();
    throw error;
  }
  let closed = false;
  return {
    dataSource,
    embedded: embedded !== undefined,
    async close() {
      if (closed) return;
      closed = true;
      if (dataSource.isInitialized) await dataSource.destroy();
      await embedded?.stop();
    },
  };
}

/** Counts statements for the benchmark; TypeORM hands every statement to its logger. */
function instrumentQueries(dataSource: DataSource, onQuery: (sql: string) => void): void {
  const logger = dataSource.logger;
  const logQuery = logger.logQuery.bind(logger);
  logger.logQuery = (query, parameters, queryRunner) => {
    onQuery(query);
    logQuery(query, parameters, queryRunner);
  };
}
