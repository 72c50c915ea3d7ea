import type { OpenAPIObject } from '@nestjs/swagger';

const EXAMPLE_UUID = '3f2a9c1e-7b4d-4e8a-9c5f-2d1b6a7e8f90';
const EXAMPLE_INSTANT = '2026-11-28T09:00:00.000Z';

interface PropertySchema {
  type?: string;
  format?: string;
  example?: unknown;
  enum?: unknown[];
  items?: PropertySchema;
  $ref?: string;
  allOf?: unknown[];
  oneOf?: unknown[];
}

/**
 * Every field in the OpenAPI document gets an example: ids, instants, cursors and flags
 * that the DTOs leave to their format get one chosen from it here, in one place.
 */
export function addMissingExamples(document: OpenAPIObject): OpenAPIObject {
  for (const schema of Object.values(document.components?.schemas ?? {})) {
    const properties = (schema as { properties?: Record<string, PropertySchema> }).properties ?? {};
    for (const [name, property] of Object.entries(properties)) {
      if (property.example !== undefined || property.$ref || property.allOf || property.enum) continue;
      const example = exampleFor(name, property);
      if (example !== undefined) property.example = example;
    }
  }
  return document;
}

function exampleFor(name: string, property: PropertySchema): unknown {
  if (property.type === 'array') {
    if (property.items?.$ref) return undefined;
    return property.items?.format === 'uuid' || /Ids$/.test(name) ? [EXAMPLE_UUID] : [];
  }
  if (property.format === 'uuid' || /(^id|Id|By)$/.test(name)) return EXAMPLE_UUID;
  if (/At$/.test(name)) return EXAMPLE_INSTANT;
  if (name === 'nextCursor')
    return 'WyIyMDI2LTEyLTAxIDA3OjAwOjAwKzAwIiwiM2YyYTljMWUtN2I0ZC00ZThhLTljNWYtMmQxYjZhN2U4ZjkwIl0';
  if (property.type === 'boolean') return false;
  if (property.type === 'number' || property.type === 'integer') return 40;
  return undefined;
}
