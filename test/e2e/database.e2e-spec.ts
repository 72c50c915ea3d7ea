import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/bootstrap.js';
import type { AppConfig } from '../../src/config/app-config.js';
import { openDatabase } from '../../src/database/database.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../src/database/embedded-postgres.js';
import { runMigrationsUnderLock } from '../../src/database/migrate.js';
import { MIGRATIONS } from '../../src/database/migrations/index.js';
import { TcpProxy } from '../support/tcp-proxy.js';
import { ADMIN_TOKEN } from '../support/test-app.js';
import {
  createTestDatabase,
  databaseUrl,
  serverUrl,
  TEST_DATABASE_PREFIX,
  withAdminClient,
} from '../support/test-database.js';

const baseConfig: AppConfig = {
  port: 0,
  dataDir: 'memory',
  adminToken: ADMIN_TOKEN,
  publicBaseUrl: 'https://quorum.test',
  logLevel: 'silent',
  databasePoolSize: 2,
  queryCountHeader: false,
  mailFrom: 'Quorum <quorum@localhost>',
  noticeDelaySeconds: 0,
  noticeWorker: false,
};

describe('Database', () => {
  // Two start-ups of a file-backed embedded database: slow on a busy machine.
  it('keeps embedded data across a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'quorum-db-'));
    try {
      const config = { ...baseConfig, dataDir, databaseUrl: undefined };
      const first = await createApp(config);
      const created = await request(first.getHttpServer())
        .post('/api/v1/committees')
        .set('Authorization', `Bearer ${ADMIN_TOKEN}`)
        .send({ slug: 'survives-restart', name: 'Persistent', defaultTimeZone: 'Asia/Tehran' })
        .expect(201);
      await first.close();

      const second = await createApp(config);
      const read = await request(second.getHttpServer())
        .get(`/api/v1/committees/${created.body.id}`)
        .set('Authorization', `Bearer ${ADMIN_TOKEN}`)
        .expect(200);
      expect(read.body.slug).toBe('survives-restart');
      await second.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);

  it('applies each migration once when instances start together, and the schema matches the entities', async () => {
    const server = serverUrl();
    let embedded: EmbeddedPostgres | undefined;
    let url: string;
    let cleanup: () => Promise<void>;
    if (server) {
      const name = `${TEST_DATABASE_PREFIX}_fresh_${Date.now()}`;
      await withAdminClient((client) => client.query(`CREATE DATABASE ${name}`));
      url = databaseUrl(server, name);
      cleanup = () =>
        withAdminClient(async (client) => void (await client.query(`DROP DATABASE ${name} WITH (FORCE)`)));
    } else {
      embedded = await startEmbeddedPostgres('memory');
      url = embedded.url;
      cleanup = () => embedded!.stop();
    }
    try {
      // On PGlite the two runs share one connection, so one waits for the other's whole run.
      const settings = {
        databaseUrl: url,
        dataDir: 'memory',
        databasePoolSize: 2,
        databaseAcquireTimeoutMs: 120_000,
      };
      let databases;
      if (server) {
        databases = await Promise.all([openDatabase(settings), openDatabase(settings)]);
      } else {
        // PGlite serves one connection: two runs through one data source race for it instead.
        const only = await openDatabase({ ...settings, databasePoolSize: 1 }, false);
        await Promise.all([runMigrationsUnderLock(only.dataSource), runMigrationsUnderLock(only.dataSource)]);
        databases = [only];
      }
      const dataSource: DataSource = databases[0].dataSource;
      const applied: Array<{ name: string }> = await dataSource.query(
        'SELECT name FROM schema_migrations ORDER BY id',
      );
      expect(applied.map((row) => row.name)).toEqual(
        MIGRATIONS.map((migration) => new migration().name ?? migration.name),
      );
      const drift = await dataSource.driver.createSchemaBuilder().log();
      expect(drift.upQueries.map((query) => query.query)).toEqual([]);
      for (const database of databases) await database.close();
    } finally {
      await cleanup();
    }
  });

  it('answers /health/ready 503 while the database is unreachable, and 200 once it is back', async () => {
    const testDatabase = await createTestDatabase();
    const embedded = testDatabase.settings.databaseUrl ? undefined : await startEmbeddedPostgres('memory');
    const target = testDatabase.settings.databaseUrl ?? embedded!.url;
    const proxy = TcpProxy.forUrl(target);
    await proxy.start();
    const app = await createApp({ ...baseConfig, databaseUrl: proxy.url(target), databasePoolSize: 1 });
    try {
      const http = request(app.getHttpServer());
      await http.get('/health/ready').expect(200);
      proxy.cut();
      const down = await http.get('/health/ready');
      expect(down.status).toBe(503);
      expect(down.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(down.body.detail).toBe('The database does not answer');
      await http.get('/health').expect(200);
      proxy.restore();
      let status = 0;
      for (let attempt = 0; attempt < 20 && status !== 200; attempt++) {
        status = (await http.get('/health/ready')).status;
        if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(status).toBe(200);
    } finally {
      await app.close();
      await proxy.stop();
      await embedded?.stop();
      await testDatabase.drop();
    }
  });

  it('lets an in-flight request finish when the app shuts down', async () => {
    const testDatabase = await createTestDatabase();
    const embedded = testDatabase.settings.databaseUrl ? undefined : await startEmbeddedPostgres('memory');
    const target = testDatabase.settings.databaseUrl ?? embedded!.url;
    const proxy = TcpProxy.forUrl(target);
    await proxy.start();
    const app = await createApp({ ...baseConfig, databaseUrl: proxy.url(target), databasePoolSize: 1 });
    await app.listen(0, '127.0.0.1');
    const address = app.getHttpServer().address() as { port: number };
    try {
      proxy.latency = 400;
      // Shut down once the request has reached the app (and waits on the slow database).
      const arrived = new Promise((resolve) => app.getHttpServer().once('request', resolve));
      const inFlight = fetch(`http://127.0.0.1:${address.port}/health/ready`);
      await arrived;
      const closing = app.close();
      const response = await inFlight;
      expect(response.status).toBe(200);
      await closing;
      await expect(fetch(`http://127.0.0.1:${address.port}/health`)).rejects.toThrow();
    } finally {
      await proxy.stop();
      await embedded?.stop();
      await testDatabase.drop();
    }
  });
});
