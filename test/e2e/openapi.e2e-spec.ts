import SwaggerParser from '@apidevtools/swagger-parser';
import { startTestApp, type TestApp } from '../support/test-app.js';

interface Operation {
  summary?: string;
  security?: unknown[];
  parameters?: Array<{ name: string; in: string }>;
  requestBody?: unknown;
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
}
type Document = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, { properties?: Record<string, Record<string, unknown>> }> } & {
    securitySchemes: Record<string, { bearerFormat?: string }>;
  };
};

let t: TestApp;
let document: Document;
let operations: Array<{ name: string; operation: Operation }>;

beforeAll(async () => {
  t = await startTestApp();
  document = (await t.http.get('/docs/openapi.json').expect(200)).body as Document;
  operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      name: `${method.toUpperCase()} ${path}`,
      operation,
    })),
  );
});
afterAll(() => t.close());

/** The operations for which `wrong` holds, by name: a test expects none. */
function where(wrong: (operation: Operation) => boolean): string[] {
  return operations.filter(({ operation }) => wrong(operation)).map(({ name }) => name);
}
const documents = (operation: Operation, status: number): boolean => String(status) in operation.responses;

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3 document', async () => {
    expect(operations.length).toBeGreaterThan(50);
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeDefined();
  });

  it('gives every operation a one-line summary', () => {
    expect(where((operation) => !operation.summary?.trim() || operation.summary.includes('\n'))).toEqual([]);
  });

  it('documents error answers on every operation, as problem+json with the shared schema', () => {
    // Liveness answers 200 whenever the process answers at all: it has no error to document.
    expect(where((operation) => !Object.keys(operation.responses).some((status) => status >= '400'))).toEqual(
      ['GET /health'],
    );
    const notProblems = operations.flatMap(({ name, operation }) =>
      Object.entries(operation.responses)
        .filter(([status]) => status >= '400')
        .filter(
          ([, answer]) =>
            answer.content?.['application/problem+json']?.schema?.$ref !== '#/components/schemas/ProblemDto',
        )
        .map(([status]) => `${name} ${status}`),
    );
    expect(notProblems).toEqual([]);
    expect(Object.keys(document.components.schemas.ProblemDto.properties ?? {})).toEqual(
      expect.arrayContaining(['type', 'title', 'status', 'detail', 'errors', 'requestId']),
    );
  });

  it('documents the answers each kind of operation can give', () => {
    expect(where((operation) => (operation.security ?? []).length > 0 && !documents(operation, 401))).toEqual(
      [],
    );
    expect(
      where(
        (operation) =>
          (operation.parameters ?? []).some((p) => p.in === 'path') && !documents(operation, 404),
      ),
    ).toEqual([]);
    expect(where((operation) => operation.requestBody !== undefined && !documents(operation, 422))).toEqual(
      [],
    );
    expect(where((operation) => operation.requestBody !== undefined && !documents(operation, 415))).toEqual(
      [],
    );
    expect(where((operation) => hasHeader(operation, 'If-Match') && !documents(operation, 412))).toEqual([]);
  });

  it('lists each parameter once per operation', () => {
    expect(
      where((operation) => {
        const keys = (operation.parameters ?? []).map((p) => `${p.in}:${p.name.toLowerCase()}`);
        return new Set(keys).size !== keys.length;
      }),
    ).toEqual([]);
  });

  it('types fields as they are', () => {
    const schemas = document.components.schemas;
    const property = (schema: string, name: string): Record<string, unknown> => {
      const found = schemas[schema]?.properties?.[name];
      if (!found) throw new Error(`${schema}.${name} is not documented`);
      return found;
    };
    expect(property('CreatePartyDto', 'workWeek').items).toEqual(
      expect.objectContaining({ type: 'integer', minimum: 1, maximum: 7 }),
    );
    expect(property('PartyDto', 'workWeek').items).toEqual(expect.objectContaining({ type: 'integer' }));
    expect(property('PartyDto', 'holidayCountry').type).toBe('string');
    expect(property('SessionDto', 'workingGroupId').type).toBe('string');
    expect(property('SessionDto', 'capacity').type).toBe('integer');
    const objects = Object.entries(schemas).flatMap(([schema, { properties }]) =>
      Object.entries(properties ?? {})
        .filter(
          ([name, value]) =>
            ['holidayCountry', 'workingGroupId', 'capacity'].includes(name) && value.type === 'object',
        )
        .map(([name]) => `${schema}.${name}`),
    );
    expect(objects).toEqual([]);
    expect(Object.values(document.components.securitySchemes).map((scheme) => scheme.bearerFormat)).toEqual([
      'opaque (qrm_…)',
    ]);
  });
});

function hasHeader(operation: Operation, name: string): boolean {
  return (operation.parameters ?? []).some(
    (p) => p.in === 'header' && p.name.toLowerCase() === name.toLowerCase(),
  );
}
