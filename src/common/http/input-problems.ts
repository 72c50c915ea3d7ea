import type { FieldProblem } from '../errors/problem.js';

/** JSON bodies nest no deeper than this; deeper ones are refused before validation walks them. */
export const MAX_BODY_DEPTH = 32;

/** Keys that would reach an object's prototype: refused like any other unknown field. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const NUL = '\u0000';
/** With the `u` flag a surrogate pair is one code point, so this matches lone surrogates only. */
const LONE_SURROGATE = /\p{Cs}/u;

/** Why one text is unacceptable anywhere in the API, or undefined. */
export function textProblem(text: string): string | undefined {
  if (text.includes(NUL)) return 'must not contain NUL characters';
  if (LONE_SURROGATE.test(text)) return 'must be well-formed Unicode (it has a lone surrogate)';
  return undefined;
}

/**
 * The first problem in a parsed JSON value (or a query object): nesting deeper than
 * MAX_BODY_DEPTH, a prototype key, or text with NUL or a lone surrogate — each with the
 * path of the field, in the `workingHours.start` / `links[0].url` form validation uses.
 * Walks iteratively, so no body can exhaust the stack.
 */
export function findInputProblem(value: unknown, rootPath = ''): FieldProblem | undefined {
  const pending: Array<{ value: unknown; path: string; depth: number }> = [
    { value, path: rootPath, depth: 0 },
  ];
  while (pending.length > 0) {
    const { value: current, path, depth } = pending.pop()!;
    if (typeof current === 'string') {
      const problem = textProblem(current);
      if (problem) return { path: path || 'body', message: problem };
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= MAX_BODY_DEPTH) {
      // The field a person wrote, not a path 32 levels long.
      const field = /^[^.[]*/.exec(path)![0];
      return { path: field || 'body', message: `is nested deeper than ${MAX_BODY_DEPTH} levels` };
    }
    if (Array.isArray(current)) {
      current.forEach((item, index) =>
        pending.push({ value: item, path: `${path || 'body'}[${index}]`, depth: depth + 1 }),
      );
      continue;
    }
    for (const key of Object.keys(current)) {
      const keyPath = path === '' ? key : `${path}.${key}`;
      if (PROTOTYPE_KEYS.has(key)) return { path: keyPath, message: 'is not a known field' };
      const keyProblem = textProblem(key);
      if (keyProblem) return { path: path || 'body', message: `has a field name that ${keyProblem}` };
      pending.push({ value: (current as Record<string, unknown>)[key], path: keyPath, depth: depth + 1 });
    }
  }
  return undefined;
}
