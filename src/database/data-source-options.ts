import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities.js';
import { MIGRATIONS } from './migrations/index.js';

export interface DatabaseConnection {
  url: string;
  poolSize: number;
  /** Log every SQL statement through this callback (used by the benchmark's query counter). */
  onQuery?: (sql: string) => void;
}

/** The one place the TypeORM options are built: used by the app, the migration CLI and the tests. */
export function buildDataSourceOptions(connection: DatabaseConnection): DataSourceOptions {
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
      connectionTimeoutMillis: 10_000,
      idleTimeoutMillis: 30_000,
      application_name: 'quorum',
    },
  };
}
