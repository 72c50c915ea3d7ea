import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../../src/database/data-source-options.js';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres.js';
import { runMigrationsUnderLock } from '../../src/database/migrate.js';

const MIGRATIONS_DIR = join(import.meta.dirname, '../../src/database/migrations');
const PGLITE_PACKAGE = join(import.meta.dirname, '../../node_modules/@electric-sql/pglite/package.json');

/**
 * The path of a tarball of an embedded database with every migration applied. Each test file
 * on the embedded database loads it instead of migrating an empty one. The file is named by a
 * hash of the migrations and of PGlite's version, so a changed migration makes a new one, and
 * runs that change nothing reuse it.
 */
export async function migratedSnapshot(): Promise<string> {
  const path = join(tmpdir(), 'quorum-test-snapshots', `${snapshotKey()}.tar`);
  if (existsSync(path)) return path;
  const embedded = await startEmbeddedPostgres('memory');
  try {
    const dataSource = new DataSource(buildDataSourceOptions({ url: embedded.url, poolSize: 1 }));
    await dataSource.initialize();
    try {
      await runMigrationsUnderLock(dataSource);
    } finally {
      await dataSource.destroy();
    }
    const tarball = await embedded.dumpDataDir();
    mkdirSync(join(tmpdir(), 'quorum-test-snapshots'), { recursive: true });
    // Written aside and renamed, so a reader never loads half a file.
    const partial = `${path}.${process.pid}.partial`;
    writeFileSync(partial, tarball);
    renameSync(partial, path);
  } finally {
    await embedded.stop();
  }
  return path;
}

function snapshotKey(): string {
  const hash = createHash('sha256');
  hash.update(readFileSync(PGLITE_PACKAGE));
  for (const name of readdirSync(MIGRATIONS_DIR).sort()) {
    hash.update(name);
    hash.update(readFileSync(join(MIGRATIONS_DIR, name)));
  }
  return hash.digest('hex').slice(0, 16);
}
