import { DataSource, MigrationExecutor, type QueryRunner } from 'typeorm';

/** Any fixed number works; it only has to be the same for every instance of Quorum. */
const MIGRATION_LOCK_KEY = 7_420_101_733;

/**
 * Runs pending migrations while holding a session-level advisory lock, on the same
 * connection as the migrations themselves, so that instances starting together take
 * turns: the first migrates, the others find nothing left to do. The same connection
 * also keeps this working on the embedded database, whose pool has a single connection.
 */
export async function runMigrationsUnderLock(dataSource: DataSource): Promise<string[]> {
  const queryRunner = dataSource.createQueryRunner('master');
  await queryRunner.connect();
  const restoreTimeouts = await liftTimeouts(queryRunner);
  try {
    await queryRunner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      const executor = new MigrationExecutor(dataSource, queryRunner);
      executor.transaction = 'each';
      const applied = await executor.executePendingMigrations();
      return applied.map((migration) => migration.name);
    } finally {
      await queryRunner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await restoreTimeouts();
    await queryRunner.release();
  }
}

interface PgConnection {
  connectionParameters?: { query_timeout?: number };
}

/**
 * Migrations may wait for another instance's lock and run long, so their connection has no
 * statement timeout (server side) nor query timeout (client side) until they are done.
 */
async function liftTimeouts(queryRunner: QueryRunner): Promise<() => Promise<void>> {
  const parameters = (queryRunner as QueryRunner & { databaseConnection?: PgConnection }).databaseConnection
    ?.connectionParameters;
  const clientTimeout = parameters?.query_timeout;
  if (parameters) parameters.query_timeout = undefined;
  await queryRunner.query('SET statement_timeout = 0');
  return async () => {
    await queryRunner.query('RESET statement_timeout');
    if (parameters) parameters.query_timeout = clientTimeout;
  };
}
