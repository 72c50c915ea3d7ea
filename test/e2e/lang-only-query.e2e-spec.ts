import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('Reads whose query holds only ?lang=', () => {
  it('resolve text in the language asked for, and refuse any other query field with 422', async () => {
    const committee = await t.ctx.newCommittee();
    const fa = await t.admin.get(`/api/v1/committees/${committee.id}?lang=fa`).expect(200);
    expect(fa.body.resolved).toMatchObject({ lang: 'fa', name: 'کمیسیون مشترک اقتصادی ایران و روسیه' });

    const unknown = await t.admin.get(`/api/v1/committees/${committee.id}?colour=red`);
    expect({
      status: unknown.status,
      type: unknown.headers['content-type'],
      errors: unknown.body.errors,
    }).toEqual({
      status: 422,
      type: expect.stringMatching(/^application\/problem\+json/),
      errors: [{ path: 'colour', message: 'is not a known field' }],
    });
    const badTag = await t.admin.get(`/api/v1/committees/${committee.id}?lang=not a tag`);
    expect({ status: badTag.status, path: badTag.body.errors?.[0].path }).toEqual({
      status: 422,
      path: 'lang',
    });
  });

  it('document `lang` in the OpenAPI description', async () => {
    const document = (await t.http.get('/docs/openapi.json').expect(200)).body;
    const parameters = document.paths['/api/v1/committees/{id}'].get.parameters as Array<{
      name: string;
      in: string;
    }>;
    expect(
      parameters.filter((parameter) => parameter.in === 'query').map((parameter) => parameter.name),
    ).toEqual(['lang']);
  });
});
