import { startTestApp, type TestApp } from '../support/test-app.js';

/** Bad input of every kind gets a 4xx problem naming the field, and changes nothing. */
describe('Bad input', () => {
  let t: TestApp;
  let committeeId: string;
  let sessionId: string;
  let partyId: string;
  beforeAll(async () => {
    t = await startTestApp();
    const { committee, ir } = await t.ctx.newBilateralCommittee();
    committeeId = committee.id;
    partyId = ir.id;
    sessionId = (await t.ctx.newSession(committeeId)).id;
  });
  afterAll(async () => {
    await t.close();
  });

  const TABLES = ['committees', 'parties', 'participants', 'sessions', 'agenda_items', 'idempotency_keys'];
  async function counts(): Promise<number[]> {
    return Promise.all(TABLES.map((table) => t.count(table)));
  }

  function expectProblem(
    response: { status: number; headers: Record<string, string>; body: { errors?: unknown[] } },
    status: number,
    path?: string,
  ): void {
    expect({ status: response.status, body: response.body }).toMatchObject({ status });
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    if (path) expect(response.body.errors).toContainEqual(expect.objectContaining({ path }));
  }

  function nested(depth: number): unknown {
    let value: unknown = 'deep';
    for (let level = 0; level < depth; level++) value = [value];
    return value;
  }

  it('refuses bodies nested 2,000 levels deep, in a field or as the whole body', async () => {
    const before = await counts();
    const inField = await t.admin
      .post('/api/v1/committees')
      .set('Content-Type', 'application/json')
      .send(`{"slug":"deep","name":${JSON.stringify(nested(2000))},"defaultTimeZone":"UTC"}`);
    expectProblem(inField, 422, 'name');
    const whole = await t.admin
      .patch(`/api/v1/sessions/${sessionId}`)
      .set('Content-Type', 'application/json')
      .send(JSON.stringify(nested(2000)));
    expectProblem(whole, 422, 'body');
    expect(whole.body.errors[0].message).toBe('is nested deeper than 32 levels');
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['a plain text', 'a\u0000b', 'name'],
    ['a localized text', { en: 'a\u0000b' }, 'name.en'],
  ])('refuses NUL in %s with a 422 naming the field', async (_kind, name, path) => {
    const before = await counts();
    const response = await t.admin
      .post('/api/v1/committees')
      .send({ slug: 'nul-name', name, defaultTimeZone: 'Asia/Tehran' });
    expectProblem(response, 422, path);
    expect(response.body.errors).toEqual([{ path, message: 'must not contain NUL characters' }]);
    expect(await counts()).toEqual(before);
  });

  it('refuses NUL in a query value, naming the parameter', async () => {
    const response = await t.admin.get(`/api/v1/committees/${committeeId}/participants?q=%00`);
    expectProblem(response, 422, 'q');
  });

  it('refuses a lone surrogate in an e-mail address and in a text, naming the field', async () => {
    const before = await counts();
    const email = await t.admin
      .post(`/api/v1/committees/${committeeId}/participants`)
      .set('Content-Type', 'application/json')
      .send(`{"fullName":"Delegate","email":"a\\ud800b@example.org","partyId":"${partyId}"}`);
    expectProblem(email, 422, 'email');
    expect(email.body.errors[0].message).toMatch(/well-formed Unicode/);
    const title = await t.admin
      .patch(`/api/v1/sessions/${sessionId}`)
      .set('Content-Type', 'application/json')
      .send('{"title":{"ru":"x\\udc00"}}');
    expectProblem(title, 422, 'title.ru');
    expect(await counts()).toEqual(before);
  });

  it('accepts well-formed text outside the Basic Multilingual Plane', async () => {
    const response = await t.admin.patch(`/api/v1/sessions/${sessionId}`).send({ title: 'Plenary 📅' });
    expect(response.status).toBe(200);
    expect(response.body.title).toEqual({ en: 'Plenary 📅' });
  });

  it.each(['__proto__', 'constructor', 'prototype'])(
    'refuses a %s key like any unknown field',
    async (key) => {
      const before = await counts();
      const response = await t.admin
        .post('/api/v1/committees')
        .set('Content-Type', 'application/json')
        .send(`{"slug":"proto-key","name":"P","defaultTimeZone":"UTC","${key}":{"admin":true}}`);
      expectProblem(response, 422, key);
      expect(response.body.errors).toEqual([{ path: key, message: 'is not a known field' }]);
      expect(await counts()).toEqual(before);
    },
  );

  it('refuses an array where an object is expected, naming the field', async () => {
    const before = await counts();
    const party = await t.admin
      .post(`/api/v1/committees/${committeeId}/parties`)
      .send({ code: 'KZ', name: 'Kazakhstan', timeZone: 'Asia/Almaty', workingHours: [] });
    expectProblem(party, 422, 'workingHours');
    expect(party.body.errors).toEqual([{ path: 'workingHours', message: 'must be an object' }]);
    const session = await t.admin.patch(`/api/v1/sessions/${sessionId}`).send({ onlineMeeting: [] });
    expectProblem(session, 422, 'onlineMeeting');
    const agenda = await t.admin
      .post(`/api/v1/sessions/${sessionId}/agenda-items`)
      .send({ title: 'Opening', kind: 'opening', durationMinutes: 10, links: [[]] });
    expectProblem(agenda, 422, 'links');
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['text/plain', 'name=x'],
    ['application/x-www-form-urlencoded', 'name=x'],
    [
      'multipart/form-data; boundary=b',
      '--b\r\nContent-Disposition: form-data; name="name"\r\n\r\nx\r\n--b--',
    ],
  ])('answers a %s body with 415, on PATCH and on POST', async (type, body) => {
    const before = await counts();
    const patch = await t.admin
      .patch(`/api/v1/committees/${committeeId}`)
      .set('Content-Type', type)
      .send(body);
    expectProblem(patch, 415, 'Content-Type');
    expect(patch.body.detail).toMatch(/application\/json/);
    const post = await t.admin.post('/api/v1/committees').set('Content-Type', type).send(body);
    expectProblem(post, 415);
    expect(await counts()).toEqual(before);
  });

  it('says "is required" for a missing field, and one message per field', async () => {
    const session = await t.admin
      .post('/api/v1/sessions')
      .send({ committeeId, title: 'T', kind: 'plenary', format: 'online', timeZone: 'UTC' });
    expectProblem(session, 422);
    expect(session.body.errors).toEqual([{ path: 'start', message: 'is required' }]);
    const cancel = await t.admin.post(`/api/v1/sessions/${sessionId}/cancel`);
    expect(cancel.body.errors).toEqual([{ path: 'reason', message: 'is required' }]);
  });

  it('names the wrong type before any range', async () => {
    const response = await t.admin.patch(`/api/v1/sessions/${sessionId}`).send({ durationMinutes: '90' });
    expectProblem(response, 422);
    expect(response.body.errors).toEqual([
      { path: 'durationMinutes', message: 'must be a whole number of minutes' },
    ]);
    const capacity = await t.admin.patch(`/api/v1/sessions/${sessionId}`).send({ capacity: 'many' });
    expect(capacity.body.errors).toEqual([{ path: 'capacity', message: 'must be a whole number' }]);
  });

  it.each([
    ['Asia/Teheran', 'Asia/Teheran is a deprecated alias; use Asia/Tehran'],
    ['Europe/Kiev', 'Europe/Kiev is a deprecated alias; use Europe/Kyiv'],
  ])('answers a deprecated zone %s in a body precisely', async (zone, message) => {
    const committee = await t.admin
      .post('/api/v1/committees')
      .send({ slug: 'zones', name: 'Z', defaultTimeZone: zone });
    expect(committee.body.errors).toEqual([{ path: 'defaultTimeZone', message }]);
    const party = await t.admin
      .post(`/api/v1/committees/${committeeId}/parties`)
      .send({ code: 'UA', name: 'U', timeZone: zone });
    expect(party.body.errors).toEqual([{ path: 'timeZone', message }]);
    const session = await t.admin.patch(`/api/v1/sessions/${sessionId}`).send({ timeZone: zone });
    expect(session.body.errors).toEqual([{ path: 'timeZone', message }]);
  });

  it('answers a fixed offset zone in a body with the reason', async () => {
    const response = await t.admin.patch(`/api/v1/sessions/${sessionId}`).send({ timeZone: 'GMT+3' });
    expect(response.body.errors[0].path).toBe('timeZone');
    expect(response.body.errors[0].message).toMatch(/fixed offset/);
  });

  it.each(['parties', 'participants', 'working-groups'])(
    'answers a list of %s under an unknown committee with 404',
    async (list) => {
      const response = await t.admin.get(`/api/v1/committees/00000000-0000-4000-8000-000000000000/${list}`);
      expectProblem(response, 404);
      expect(response.body.detail).toBe('Committee was not found');
      await t.admin.get(`/api/v1/committees/${committeeId}/${list}`).expect(200);
    },
  );

  it('names startDate, not rrule, for a series starting in 9999', async () => {
    const response = await t.admin.post('/api/v1/series').send({
      committeeId,
      title: 'Monthly',
      kind: 'plenary',
      format: 'online',
      timeZone: 'Europe/Moscow',
      startDate: '9999-12-31',
      startTime: '10:00',
      durationMinutes: 60,
      rrule: 'FREQ=MONTHLY;COUNT=3',
    });
    expectProblem(response, 422, 'startDate');
    expect(response.body.errors.map((error: { path: string }) => error.path)).toEqual(['startDate']);
  });

  it('refuses a session list whose from is later than its to', async () => {
    const response = await t.admin.get('/api/v1/sessions?from=2027-01-02&to=2027-01-01');
    expectProblem(response, 422, 'from');
  });

  it.each(['/', '//api/v1//sessions', '/api/v1/no-such-thing', '/no/such/page'])(
    'answers the unknown route %s with problem+json 404',
    async (path) => {
      const response = await t.admin.get(path);
      expectProblem(response, 404);
    },
  );

  it('answers a known path with a wrong method with 405 and Allow', async () => {
    const response = await t.admin.delete('/api/v1/sessions');
    expectProblem(response, 405);
    expect(response.headers.allow).toBe('GET, HEAD, POST');
    const item = await t.admin.put(`/api/v1/sessions/${sessionId}`).send({});
    expectProblem(item, 405);
    expect(item.headers.allow).toBe('DELETE, GET, HEAD, PATCH');
  });
});
