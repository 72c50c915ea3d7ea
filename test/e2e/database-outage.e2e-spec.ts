import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { createApp } from '../../src/bootstrap.js';
import type { AppConfig } from '../../src/config/app-config.js';
import { ADMIN_TOKEN } from '../support/test-app.js';
import { postgresBinaries, ThrowawayPostgres } from '../support/throwaway-postgres.js';

/**
 * With the database stopped or frozen, requests answer 503 problem+json with Retry-After
 * (within the configured timeouts), and 200 again once it is back, without a restart. Runs on
 * a PostgreSQL cluster of its own, since it stops the server.
 */
const bin = postgresBinaries();
if (!bin) console.log('database-outage: skipped — no PostgreSQL binaries (initdb, pg_ctl) are installed');
const describeWithPostgres = bin ? describe : describe.skip;

describeWithPostgres('When the database is away', () => {
  let postgres: ThrowawayPostgres;
  let app: NestExpressApplication;
  let config: AppConfig;
  beforeAll(async () => {
    postgres = new ThrowawayPostgres(bin!);
    await postgres.init();
    config = {
      port: 0,
      dataDir: 'memory',
      databaseUrl: postgres.url,
      adminToken: ADMIN_TOKEN,
      publicBaseUrl: 'https://quorum.test',
      logLevel: 'silent',
      databasePoolSize: 2,
      queryCountHeader: false,
      databaseAcquireTimeoutMs: 1000,
      databaseStatementTimeoutMs: 1000,
      databaseStartupRetrySeconds: 30,
      mailFrom: 'Quorum <quorum@localhost>',
      noticeDelaySeconds: 0,
      noticeWorker: false,
    };
    app = await createApp(config);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    postgres?.destroy();
  });

  const api = () => ({
    list: request(app.getHttpServer())
      .get('/api/v1/committees')
      .set('Authorization', `Bearer ${ADMIN_TOKEN}`),
    create: request(app.getHttpServer())
      .post('/api/v1/committees')
      .set('Authorization', `Bearer ${ADMIN_TOKEN}`)
      .send({ slug: 'while-down', name: 'JEC', defaultTimeZone: 'Asia/Tehran' }),
    feed: request(app.getHttpServer()).get(`/calendar/cal_${'a'.repeat(43)}.ics`),
  });

  function expectUnavailable(response: request.Response): void {
    expect({ status: response.status, type: response.body.type }).toEqual({
      status: 503,
      type: 'https://quorum.dev/problems/database-unavailable',
    });
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.headers['retry-after']).toBe('5');
  }

  async function expectBack(): Promise<void> {
    let status = 0;
    for (let attempt = 0; attempt < 100 && status !== 200; attempt++) {
      status = (await api().list).status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(status).toBe(200);
  }

  it('answers 503 with Retry-After while the server is stopped, and 200 once it is back', async () => {
    await api().list.expect(200);
    postgres.stop();
    try {
      const { list, create, feed } = api();
      for (const response of [await list, await create, await feed]) expectUnavailable(response);
    } finally {
      postgres.start();
    }
    await expectBack();
    await api().create.expect(201);
  });

  it('answers 503 within the timeouts while the server is frozen, and 200 once it thaws', async () => {
    await api().list.expect(200);
    postgres.freeze(true);
    try {
      const { list, create } = api();
      for (const response of [await list, await create]) expectUnavailable(response);
    } finally {
      postgres.freeze(false);
    }
    await expectBack();
  });

  it('waits for a database that comes up after the app starts', async () => {
    postgres.stop();
    let started: NestExpressApplication | undefined;
    try {
      const starting = createApp(config);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      postgres.start();
      started = await starting;
      await request(started.getHttpServer())
        .get('/api/v1/committees')
        .set('Authorization', `Bearer ${ADMIN_TOKEN}`)
        .expect(200);
    } finally {
      await started?.close();
    }
  });

  it('gives up with one clear message when the database stays away', async () => {
    postgres.stop();
    try {
      await expect(createApp({ ...config, databaseStartupRetrySeconds: 1 })).rejects.toThrow(
        /^the database at 127\.0\.0\.1:\d+ did not answer \(ECONNREFUSED\) within 1 s$/,
      );
    } finally {
      postgres.start();
    }
  });
});
