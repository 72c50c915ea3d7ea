import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/bootstrap.js';
import { ADMIN_TOKEN } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

/**
 * An idempotency key's answer is written in the transaction of the change it guards. A crash
 * between the change and the answer (injected here) must leave neither, so a retry creates
 * the resource once.
 */
describe('Idempotency keys and a crash between the write and the answer', () => {
  let database: TestDatabase;
  let app: NestExpressApplication;
  let crashNext = false;
  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createApp(
      {
        port: 0,
        adminToken: ADMIN_TOKEN,
        publicBaseUrl: 'https://quorum.test',
        logLevel: 'silent',
        queryCountHeader: false,
        mailFrom: 'Quorum <quorum@localhost>',
        noticeDelaySeconds: 0,
        noticeWorker: false,
        ...database.settings,
      },
      {
        idempotencyCrashPoint: () => {
          if (!crashNext) return;
          crashNext = false;
          throw new Error('the process died here');
        },
      },
    );
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  const createCommittee = (slug: string) =>
    request(app.getHttpServer())
      .post('/api/v1/committees')
      .set('Authorization', `Bearer ${ADMIN_TOKEN}`)
      .set('Idempotency-Key', `create-${slug}`)
      .send({ slug, name: 'Joint Economic Committee', defaultTimeZone: 'Europe/Moscow' });

  async function committeesWithSlug(slug: string): Promise<number> {
    const [{ count }] = await app
      .get(DataSource)
      .query('SELECT count(*)::int AS count FROM committees WHERE slug = $1', [slug]);
    return count;
  }

  it('leaves neither the committee nor the key behind, and the retry creates it once', async () => {
    crashNext = true;
    const crashed = await createCommittee('jec-crash');
    expect(crashed.status).toBe(500);
    expect(await committeesWithSlug('jec-crash')).toBe(0);
    const [{ keys }] = await app
      .get(DataSource)
      .query("SELECT count(*)::int AS keys FROM idempotency_keys WHERE key = 'create-jec-crash'");
    expect(keys).toBe(0);

    const retried = await createCommittee('jec-crash');
    expect(retried.status).toBe(201);
    const again = await createCommittee('jec-crash');
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.id).toBe(retried.body.id);
    expect(await committeesWithSlug('jec-crash')).toBe(1);
  });

  it('frees the key of a refused request for a corrected retry', async () => {
    const refused = await request(app.getHttpServer())
      .post('/api/v1/committees')
      .set('Authorization', `Bearer ${ADMIN_TOKEN}`)
      .set('Idempotency-Key', 'create-corrected')
      .send({ slug: 'jec-corrected', name: 'JEC', defaultTimeZone: 'Asia/Teheran' });
    expect(refused.status).toBe(422);
    const corrected = await request(app.getHttpServer())
      .post('/api/v1/committees')
      .set('Authorization', `Bearer ${ADMIN_TOKEN}`)
      .set('Idempotency-Key', 'create-corrected')
      .send({ slug: 'jec-corrected', name: 'JEC', defaultTimeZone: 'Asia/Tehran' });
    expect(corrected.status).toBe(201);
    expect(await committeesWithSlug('jec-corrected')).toBe(1);
  });
});
