import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../config/app-config.js';
import { openDatabase } from './database.js';

/**
 * `npm run migration:run | migration:revert | migration:generate -- <Name>`, on the database
 * the app itself would use (DATABASE_URL, else the embedded one in QUORUM_DATA_DIR).
 */
interface Query {
  query: string;
  parameters?: unknown[];
}

async function main(): Promise<void> {
  const [command, name] = process.argv.slice(2);
  const config = loadConfig();
  // A migration may run long: no statement timeout from the command line.
  const database = await openDatabase({ ...config, databaseStatementTimeoutMs: 0 }, command !== 'revert');
  try {
    if (command === 'run') {
      console.log('Migrations are up to date.');
    } else if (command === 'revert') {
      await database.dataSource.undoLastMigration({ transaction: 'each' });
      console.log('Reverted the last migration.');
    } else if (command === 'generate') {
      if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new Error('Give the migration a PascalCase name');
      const sql = await database.dataSource.driver.createSchemaBuilder().log();
      if (sql.upQueries.length === 0) {
        console.log('The entities match the schema: no migration needed.');
        return;
      }
      const timestamp = Date.now();
      const file = join('src', 'database', 'migrations', `${timestamp}-${name}.ts`);
      writeFileSync(file, migrationSource(`${name}${timestamp}`, sql.upQueries, sql.downQueries.reverse()));
      console.log(`Wrote ${file}; review it and add it to src/database/migrations/index.ts.`);
    } else {
      throw new Error('Usage: cli.js run | revert | generate <Name>');
    }
  } finally {
    await database.close();
  }
}

function migrationSource(className: string, up: Query[], down: Query[]): string {
  const lines = (queries: Query[]): string =>
    queries
      .map((query) => `    await queryRunner.query(${JSON.stringify(query.query)}${params(query)});`)
      .join('\n');
  return `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${lines(up)}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${lines(down)}
  }
}
`;
}

function params(query: Query): string {
  return query.parameters && query.parameters.length > 0 ? `, ${JSON.stringify(query.parameters)}` : '';
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
