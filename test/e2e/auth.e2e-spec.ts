import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('API tokens and authentication', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses a request with no token, a malformed header or an unknown token', async () => {
    const none = await t.http.get('/api/v1/api-tokens');
    expect(none.status).toBe(401);
    expect(none.headers['content-type']).toMatch(/^application\/problem\+json/);
    await t.http.get('/api/v1/api-tokens').set('Authorization', 'Basic abc').expect(401);
    await t.as('qrm_not-a-real-token').get('/api/v1/api-tokens').expect(401);
  });

  it('creates a token shown once, stored only as a hash, listed without the secret', async () => {
    const created = await t.admin
      .post('/api/v1/api-tokens')
      .send({ name: 'Second admin', role: 'admin' })
      .expect(201);
    expect(created.body.token).toMatch(/^qrm_[A-Za-z0-9_-]{43}$/);
    const stored: Array<{ token_hash: string }> = await t.app
      .get(DataSource)
      .query('SELECT token_hash FROM api_tokens WHERE id = $1', [created.body.id]);
    expect(stored[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored[0].token_hash).not.toContain(created.body.token);

    const list = await t.as(created.body.token).get('/api/v1/api-tokens').expect(200);
    const listed = list.body.items.find((item: { id: string }) => item.id === created.body.id);
    expect(listed).toMatchObject({ name: 'Second admin', role: 'admin', revokedAt: null });
    expect(JSON.stringify(list.body)).not.toContain(created.body.token);
  });

  it('stops a revoked token at once', async () => {
    const created = await t.admin
      .post('/api/v1/api-tokens')
      .send({ name: 'Temp', role: 'admin' })
      .expect(201);
    await t.as(created.body.token).get('/api/v1/api-tokens').expect(200);
    await t.admin.delete(`/api/v1/api-tokens/${created.body.id}`).expect(204);
    const after = await t.as(created.body.token).get('/api/v1/api-tokens');
    expect(after.status).toBe(401);
  });

  it('requires committees for an organizer and a participant for a delegate', async () => {
    const organizer = await t.admin.post('/api/v1/api-tokens').send({ name: 'o', role: 'organizer' });
    expect(organizer.status).toBe(422);
    expect(organizer.body.errors[0].path).toBe('committeeIds');
    const delegate = await t.admin.post('/api/v1/api-tokens').send({ name: 'd', role: 'delegate' });
    expect(delegate.status).toBe(422);
    expect(delegate.body.errors[0].path).toBe('participantId');
    const unknown = await t.admin
      .post('/api/v1/api-tokens')
      .send({ name: 'o', role: 'organizer', committeeIds: ['00000000-0000-4000-8000-000000000000'] });
    expect(unknown.status).toBe(422);
  });

  it('refuses an admin route to an organizer', async () => {
    const committee = await t.admin
      .post('/api/v1/committees')
      .send({ slug: 'auth-test', name: 'Auth test', defaultTimeZone: 'Europe/Moscow', defaultLocale: 'ru' })
      .expect(201);
    const token = await t.ctx.organizerToken(committee.body.id);
    const response = await t.as(token).post('/api/v1/api-tokens').send({ name: 'x', role: 'admin' });
    expect(response.status).toBe(403);
    expect(response.body.status).toBe(403);
  });

  it('refuses an admin route to a delegate', async () => {
    const { committee, ir } = await t.ctx.newBilateralCommittee();
    const participant = await t.ctx.newParticipant(committee.id, ir.id);
    const token = await t.ctx.delegateToken(participant.id);
    const response = await t.as(token).post('/api/v1/api-tokens').send({ name: 'x', role: 'admin' });
    expect(response.status).toBe(403);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('revoking an unknown token is 404', async () => {
    await t.admin.delete('/api/v1/api-tokens/00000000-0000-4000-8000-000000000000').expect(404);
  });
});
