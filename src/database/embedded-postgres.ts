import { mkdirSync, readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

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
  if (dataDir !== 'memory') mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create({
    dataDir: dataDir === 'memory' ? 'memory://' : dataDir,
    loadDataDir:
      snapshot !== undefined && dataDir === 'memory' ? new Blob([readFileSync(snapshot)]) : undefined,
  });
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0 });
  await server.start();
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
      await server.stop();
      await db.close();
    },
  };
}
