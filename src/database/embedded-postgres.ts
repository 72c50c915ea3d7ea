import { mkdirSync, readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { lockDataDir } from './data-dir-lock.js';

export interface EmbeddedPostgres {
  /** A `postgres://` URL the `pg` driver connects to. */
  url: string;
  /** The data directory as a tarball, for `startEmbeddedPostgres(…, snapshot)`. */
  dumpDataDir(): Promise<Uint8Array>;
  stop(): Promise<void>;
}

/**
 * PostgreSQL compiled to WebAssembly (PGlite), served on a loopback port so that the
 * ordinary `pg` driver and TypeORM talk to it exactly as they talk to a server.
 * `dataDir` is a directory, or `memory` for a database that disappears on stop. A `snapshot`
 * (the path of a `dumpDataDir` tarball) starts an in-memory database from that state instead
 * of an empty one: the tests start every file from one migrated snapshot.
 */
export async function startEmbeddedPostgres(dataDir: string, snapshot?: string): Promise<EmbeddedPostgres> {
  let unlock = (): void => undefined;
  if (dataDir !== 'memory') {
    mkdirSync(dataDir, { recursive: true });
    unlock = lockDataDir(dataDir);
  }
  let db: PGlite;
  let server: PGLiteSocketServer;
  try {
    db = await PGlite.create({
      dataDir: dataDir === 'memory' ? 'memory://' : dataDir,
      loadDataDir:
        snapshot !== undefined && dataDir === 'memory' ? new Blob([readFileSync(snapshot)]) : undefined,
    });
    server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0 });
    await server.start();
  } catch (error) {
    unlock();
    throw error;
  }
  // After start() the server reports the port the OS assigned.
  const hostAndPort = server.getServerConn();
  let stopped = false;
  return {
    url: `postgres://postgres@${hostAndPort}/postgres`,
    async dumpDataDir() {
      const tarball = await db.dumpDataDir('none');
      return new Uint8Array(await tarball.arrayBuffer());
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      try {
        await server.stop();
        await db.close();
      } finally {
        unlock();
      }
    },
  };
}
