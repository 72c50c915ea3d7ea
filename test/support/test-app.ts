import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/bootstrap.js';
import type { AppConfig } from '../../src/config/app-config.js';
import { createEmbeddedTestDatabase, createTestDatabase, type TestDatabase } from './test-database.js';
import { FixtureContext } from './fixtures.js';

export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';

export interface TestApp {
  app: NestExpressApplication;
  /** supertest against the app, with no credentials. */
  http: ReturnType<typeof request>;
  /** Helpers that send the admin token, or another token. */
  as(token: string): TokenClient;
  admin: TokenClient;
  ctx: FixtureContext;
  config: AppConfig;
  db: DataSource;
  /** Rows in a table: a rejected write must leave this unchanged. */
  count(table: string): Promise<number>;
  close(): Promise<void>;
}

export type TokenClient = Record<'get' | 'post' | 'put' | 'patch' | 'delete', (path: string) => request.Test>;

/** The real app on this test file's own database. */
export async function startTestApp(overrides: Partial<AppConfig> = {}): Promise<TestApp> {
  return startAppOn(await createTestDatabase(), overrides);
}

/** The app on its own embedded database, whatever database the suite runs against. */
export async function startEmbeddedTestApp(overrides: Partial<AppConfig> = {}): Promise<TestApp> {
  return startAppOn(await createEmbeddedTestDatabase(), { databaseUrl: undefined, ...overrides });
}

/** Another instance of the app on the same database as `first` (closing it leaves the database). */
export function startSecondInstance(first: TestApp, overrides: Partial<AppConfig> = {}): Promise<TestApp> {
  const { databaseUrl, dataDir, databasePoolSize, embeddedSnapshot } = first.config;
  return startAppOn(
    { settings: { databaseUrl, dataDir, databasePoolSize, embeddedSnapshot }, drop: async () => {} },
    overrides,
  );
}

async function startAppOn(database: TestDatabase, overrides: Partial<AppConfig>): Promise<TestApp> {
  const config: AppConfig = {
    port: 0,
    adminToken: ADMIN_TOKEN,
    publicBaseUrl: 'https://quorum.test',
    logLevel: 'silent',
    queryCountHeader: true,
    mailFrom: 'JEC Secretariat <secretariat@quorum.test>',
    noticeDelaySeconds: 0,
    // Tests run the notice worker by hand (NoticeWorker.runOnce), never on a timer.
    noticeWorker: false,
    // Feed polls ask the database, as each test's query counts expect; the cross-instance tests
    // of the LISTEN/NOTIFY memory (feed-states.e2e-spec.ts) turn it on.
    feedListener: false,
    ...database.settings,
    ...overrides,
  };
  const app = await createApp(config);
  const server = app.getHttpServer();
  const as = (token: string): TokenClient => ({
    get: (path) => request(server).get(path).set('Authorization', `Bearer ${token}`),
    post: (path) => request(server).post(path).set('Authorization', `Bearer ${token}`),
    put: (path) => request(server).put(path).set('Authorization', `Bearer ${token}`),
    patch: (path) => request(server).patch(path).set('Authorization', `Bearer ${token}`),
    delete: (path) => request(server).delete(path).set('Authorization', `Bearer ${token}`),
  });
  const admin = as(ADMIN_TOKEN);
  return {
    app,
    http: request(server),
    as,
    admin,
    ctx: new FixtureContext(admin),
    config,
    db: app.get(DataSource),
    async count(table: string) {
      const rows: Array<{ count: number }> = await app
        .get(DataSource)
        .query(`SELECT count(*)::int AS count FROM ${table}`);
      return rows[0].count;
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
