import { startTestApp, type TestApp } from '../support/test-app.js';

describe('An unexpected error', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers a generic 500 problem with the request id and no internals', async () => {
    // Something no request can cause: the table under the route is gone.
    await t.db.query('DROP TABLE working_group_members CASCADE');
    const { committee } = await t.ctx.newBilateralCommittee();
    const group = await t.ctx.newWorkingGroup(committee.id);
    const response = await t.admin
      .get(`/api/v1/working-groups/${group.id}/members`)
      .set('X-Request-Id', 'trace-500');
    expect(response.status).toBe(500);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toEqual({
      type: 'https://quorum.dev/problems/internal-error',
      title: 'Internal Server Error',
      status: 500,
      detail: 'An unexpected error occurred',
      requestId: 'trace-500',
    });
    expect(response.text).not.toMatch(/working_group_members|QueryFailedError|at .*\.js/);
  });

  it('answers a NOT NULL violation that got past validation as a 422 naming the field', async () => {
    // A column made stricter than the API's validation: the database still has the last word.
    const committee = await t.ctx.newCommittee({ description: 'Standing body' });
    await t.db.query(`UPDATE committees SET description = '{"en":"x"}' WHERE description IS NULL`);
    await t.db.query('ALTER TABLE committees ALTER COLUMN description SET NOT NULL');
    const response = await t.admin.patch(`/api/v1/committees/${committee.id}`).send({ description: null });
    expect(response.status).toBe(422);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.errors).toEqual([{ path: 'description', message: 'description must not be null' }]);
    const after = await t.admin.get(`/api/v1/committees/${committee.id}`).expect(200);
    expect(after.body.description).toEqual({ en: 'Standing body' });
  });
});
