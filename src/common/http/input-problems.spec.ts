import { findInputProblem, MAX_BODY_DEPTH, textProblem } from './input-problems.js';

describe('findInputProblem', () => {
  function nested(depth: number, leaf: unknown = 1): unknown {
    let value = leaf;
    for (let level = 0; level < depth; level++) value = level % 2 ? { a: value } : [value];
    return value;
  }

  it.each([
    ['a plain object', { name: 'Plenary', links: [{ url: 'https://example.org' }] }],
    ['text in Persian, Cyrillic and emoji', { title: { fa: 'نشست', ru: 'Заседание', en: '📅' } }],
    ['nesting at the limit', nested(MAX_BODY_DEPTH - 1)],
    ['nothing', undefined],
  ])('accepts %s', (_case, value) => {
    expect(findInputProblem(value)).toBeUndefined();
  });

  it.each([
    ['NUL in a nested text', { title: { en: 'a\u0000b' } }, 'title.en', 'must not contain NUL characters'],
    [
      'a lone high surrogate',
      { email: 'a\ud800b' },
      'email',
      'must be well-formed Unicode (it has a lone surrogate)',
    ],
    [
      'a lone low surrogate in an array',
      { links: [{ url: '\udc00' }] },
      'links[0].url',
      'must be well-formed Unicode (it has a lone surrogate)',
    ],
    ['a __proto__ key', JSON.parse('{"a":{"__proto__":{}}}'), 'a.__proto__', 'is not a known field'],
    ['a constructor key', { constructor: 1 }, 'constructor', 'is not a known field'],
    [
      'deep nesting in a field',
      { name: nested(5000) },
      'name',
      `is nested deeper than ${MAX_BODY_DEPTH} levels`,
    ],
    [
      'deep nesting as the whole body',
      nested(MAX_BODY_DEPTH + 1),
      'body',
      `is nested deeper than ${MAX_BODY_DEPTH} levels`,
    ],
    ['NUL in a key', { 'a\u0000': 1 }, 'body', 'has a field name that must not contain NUL characters'],
  ])('refuses %s, naming the field', (_case, value, path, message) => {
    expect(findInputProblem(value)).toEqual({ path, message });
  });

  it('walks 100,000 levels without exhausting the stack', () => {
    expect(findInputProblem(nested(100_000))?.message).toMatch(/nested deeper/);
  });
});

describe('textProblem', () => {
  it('accepts a surrogate pair and refuses a reversed one', () => {
    expect(textProblem('\ud83d\udcc5')).toBeUndefined();
    expect(textProblem('\udcc5\ud83d')).toMatch(/lone surrogate/);
  });
});
