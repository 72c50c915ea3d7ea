import { startTestApp, type TestApp } from '../support/test-app.js';

describe('HTTP foundation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers liveness and readiness without a token', async () => {
    await t.http.get('/health').expect(200, { status: 'ok' });
    await t.http.get('/health/ready').expect(200, { status: 'ok' });
  });

  it('echoes a given X-Request-Id and makes one when absent', async () => {
    const given = await t.http.get('/health').set('X-Request-Id', 'trace-42');
    expect(given.headers['x-request-id']).toBe('trace-42');
    const made = await t.http.get('/health');
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sets helmet security headers', async () => {
    const response = await t.http.get('/health');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('answers an unknown route with problem+json 404', async () => {
    const response = await t.admin.get('/api/v1/no-such-thing').set('X-Request-Id', 'r-404');
    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 404, title: 'Not Found', requestId: 'r-404' });
    expect(response.body.detail).toContain('/api/v1/no-such-thing');
  });

  it('answers malformed JSON with a 400 problem naming the body', async () => {
    const response = await t.admin
      .post('/api/v1/api-tokens')
      .set('Content-Type', 'application/json')
      .send('{"name": "x", ');
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.errors).toEqual([{ path: 'body', message: 'is not valid JSON' }]);
  });

  it('answers a body over 1 MB with 413', async () => {
    const response = await t.admin
      .post('/api/v1/api-tokens')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ name: 'x'.repeat(1024 * 1024 + 10), role: 'admin' }));
    expect(response.status).toBe(413);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('names each invalid and unknown field in a 422', async () => {
    const response = await t.admin
      .post('/api/v1/api-tokens')
      .send({ name: '', role: 'emperor', colour: 'red' });
    expect(response.status).toBe(422);
    const paths = (response.body.errors as Array<{ path: string }>).map((error) => error.path).sort();
    expect(paths).toEqual(['colour', 'name', 'role']);
    expect(response.body.errors).toContainEqual({ path: 'colour', message: 'is not a known field' });
  });

  it('answers a non-UUID id with a 400 naming the parameter', async () => {
    const response = await t.admin.delete('/api/v1/api-tokens/not-a-uuid');
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ path: 'id', message: 'must be a UUID' }]);
  });

  it('serves the OpenAPI document and the docs page', async () => {
    const document = await t.http.get('/docs/openapi.json').expect(200);
    expect(document.body.openapi).toMatch(/^3\./);
    expect(Object.keys(document.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/api-tokens', '/health/ready']),
    );
    const withoutExample = Object.entries(
      document.body.components.schemas as Record<string, { properties?: object }>,
    ).flatMap(([name, schema]) =>
      Object.entries((schema.properties ?? {}) as Record<string, Record<string, unknown>>)
        .filter(
          ([, property]) =>
            property.example === undefined && !property.$ref && !property.allOf && !property.enum,
        )
        .filter(([, property]) => !(property.items as { $ref?: string } | undefined)?.$ref)
        .map(([property]) => `${name}.${property}`),
    );
    expect(withoutExample).toEqual([]);
    for (const path of [
      '/api/v1/committees',
      '/api/v1/sessions',
      '/api/v1/series',
      '/api/v1/feeds',
      '/calendar/{file}',
    ]) {
      expect(Object.keys(document.body.paths)).toContain(path);
    }
    const page = await t.http.get('/docs').expect(200);
    expect(page.text).toContain('swagger');
  });
});
