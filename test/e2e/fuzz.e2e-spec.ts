import fc from 'fast-check';
import type request from 'supertest';
import { serverUrl } from '../support/test-database.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Every operation of /docs/openapi.json, fed the kinds of input attackers and careless clients
 * send: no 5xx, every error is problem+json whose `errors` name a field, and a refused request
 * leaves the database as it was. Fewer runs on the embedded database, which is slower.
 */
const RUNS_PER_OPERATION = serverUrl() ? 12 : 5;

interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  query: string[];
  bodyFields: string[] | undefined;
}

const TABLES = [
  'committees',
  'parties',
  'participants',
  'working_groups',
  'working_group_members',
  'sessions',
  'session_participants',
  'agenda_items',
  'series',
  'series_participants',
  'api_tokens',
  'idempotency_keys',
];

/** Percent-encodes any text; a lone surrogate becomes the (invalid) UTF-8 bytes a careless client sends. */
function encodeAnything(text: string): string {
  return text
    .split(/\p{Cs}/u)
    .map(encodeURIComponent)
    .join('%ED%A0%80');
}

function nested(depth: number): string {
  return '['.repeat(depth) + '1' + ']'.repeat(depth);
}

/** Values that are wrong in some way for almost any field. */
const badValue = fc.oneof(
  fc.constantFrom<unknown>(
    'a\u0000b',
    { en: 'a\u0000b' },
    'a\ud800b',
    { ru: '\udc00' },
    [],
    [[]],
    {},
    { __proto__: null, constructor: 1 },
    null,
    true,
    -1,
    1e308,
    '90',
    '',
    'x'.repeat(5000),
    '9999-12-31',
    '1969-12-31T23:59',
    'Asia/Teheran',
    'GMT+3',
    '00000000-0000-0000-0000-000000000000',
    'https://example.org',
  ),
  fc.anything({ maxDepth: 2, maxKeys: 3 }),
);

const badText = fc.constantFrom(
  '\u0000',
  '\ud800',
  '__proto__',
  'x'.repeat(3000),
  '-1',
  '9999-99-99',
  'Asia/Teheran',
  'true',
  "' OR 1=1 --",
  '%',
);

describe('Fuzz of every documented operation', () => {
  let t: TestApp;
  let operations: Operation[];
  let ids: string[];

  beforeAll(async () => {
    t = await startTestApp();
    const { committee, ir } = await t.ctx.newBilateralCommittee();
    const participant = await t.ctx.newParticipant(committee.id, ir.id);
    const group = await t.ctx.newWorkingGroup(committee.id);
    const session = await t.ctx.newSession(committee.id);
    await t.ctx.invite(session.id, participant.id);
    const item = await t.admin
      .post(`/api/v1/sessions/${session.id}/agenda-items`)
      .send({ title: 'Opening', kind: 'opening', durationMinutes: 10 })
      .expect(201);
    const feed = await t.admin
      .post('/api/v1/feeds')
      .send({ scope: 'committee', targetId: committee.id, label: 'All' })
      .expect(201);
    ids = [committee.id, ir.id, participant.id, group.id, session.id, item.body.id, feed.body.id];
    ids.push(`${String(feed.body.token)}.ics`);
    const document = (await t.http.get('/docs/openapi.json').expect(200)).body;
    operations = documentedOperations(document);
  });
  afterAll(async () => {
    await t.close();
  });

  async function digest(): Promise<string> {
    const parts = TABLES.map(
      (table) => `(SELECT md5(coalesce(string_agg(x::text, ',' ORDER BY x::text), '')) FROM ${table} x)`,
    );
    const feeds = `(SELECT md5(coalesce(string_agg(concat_ws('|', id, label, revoked_at), ',' ORDER BY id), '')) FROM calendar_feeds)`;
    const [row] = await t.db.query(`SELECT concat_ws(':', ${[...parts, feeds].join(', ')}) AS digest`);
    return row.digest as string;
  }

  it('answers no 5xx, names fields in problem+json, and changes nothing when it refuses', async () => {
    expect(operations.length).toBeGreaterThan(30);
    let before = await digest();
    for (const operation of operations) {
      const input = fc.record({
        pathValues: fc.array(fc.oneof(fc.constantFrom(...ids), badText, fc.uuid()), {
          minLength: 4,
          maxLength: 4,
        }),
        query: fc.dictionary(fc.constantFrom(...operation.query, 'limit', 'cursor', 'tz', 'lang'), badText, {
          maxKeys: 3,
        }),
        header: fc.option(
          fc.record({
            name: fc.constantFrom('Idempotency-Key', 'If-Match', 'Accept-Language'),
            value: badText,
          }),
        ),
        body: bodyFor(operation),
      });
      await fc.assert(
        fc.asyncProperty(input, async ({ pathValues, query, header, body }) => {
          let index = 0;
          const path = operation.path.replace(/\{[^}]+\}/g, () => encodeAnything(pathValues[index++ % 4]));
          const search = Object.entries(query)
            .map(([name, value]) => `${name}=${encodeAnything(value)}`)
            .join('&');
          let call: request.Test = t.admin[operation.method](search ? `${path}?${search}` : path);
          if (header)
            call = call.set(header.name, header.value.replace(/[\u0000-\u001f\ud800-\udfff]/g, '?'));
          if (body && operation.method !== 'get' && operation.method !== 'delete') {
            call = call.set('Content-Type', body.type).send(body.text);
          }
          const response = await call;
          const where = `${operation.method.toUpperCase()} ${path} ${body?.text.slice(0, 200) ?? ''}`;
          expect({ where, status: response.status < 500 ? 'not 5xx' : response.status }).toEqual({
            where,
            status: 'not 5xx',
          });
          if (response.status >= 400) {
            expect({ where, type: response.headers['content-type'] }).toEqual({
              where,
              type: expect.stringMatching(/^application\/problem\+json/),
            });
            expect(response.body.status).toBe(response.status);
            for (const error of response.body.errors ?? []) {
              expect(error).toEqual({
                path: expect.stringMatching(/\S/),
                message: expect.stringMatching(/\S/),
              });
            }
            expect({ where, unchanged: await digest() }).toEqual({ where, unchanged: before });
          } else if (operation.method !== 'get') {
            before = await digest();
          }
        }),
        { numRuns: RUNS_PER_OPERATION },
      );
    }
  }, 240_000);
});

function documentedOperations(document: {
  paths: Record<
    string,
    Record<string, { parameters?: Array<{ in: string; name: string }>; requestBody?: unknown }>
  >;
  components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
}): Operation[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
      .map(([method, operation]) => {
        const reference = JSON.stringify(operation.requestBody ?? '').match(
          /#\/components\/schemas\/(\w+)/,
        )?.[1];
        return {
          method: method as Operation['method'],
          path,
          query: (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
          bodyFields: reference
            ? Object.keys(document.components.schemas[reference]?.properties ?? {})
            : undefined,
        };
      }),
  );
}

/** A body as sent on the wire: bad field values, deep nesting, prototype keys, arrays, non-JSON. */
function bodyFor(operation: Operation): fc.Arbitrary<{ type: string; text: string } | undefined> {
  const fields = operation.bodyFields?.length ? operation.bodyFields : ['name'];
  const json = (text: string) => ({ type: 'application/json', text });
  return fc.oneof(
    fc.constant(undefined),
    fc
      .dictionary(fc.constantFrom(...fields, 'unknownField'), badValue, { minKeys: 1, maxKeys: 4 })
      .map((body) => json(JSON.stringify(body))),
    fc.constantFrom(...fields).map((field) => json(`{"${field}":${nested(2000)}}`)),
    fc.constant(json(nested(5000))),
    fc.constantFrom('__proto__', 'constructor', 'prototype').map((key) => json(`{"${key}":{"admin":true}}`)),
    fc.constant(json('[{"a":1}]')),
    fc.constant(json('{"a":')),
    fc.constantFrom(...fields).map((field) => json(`{"${field}":"a\\ud800b"}`)),
    fc.constantFrom(...fields).map((field) => json(`{"${field}":"a\\u0000b"}`)),
    fc
      .constantFrom('text/plain', 'application/x-www-form-urlencoded')
      .map((type) => ({ type, text: 'name=x' })),
  );
}
