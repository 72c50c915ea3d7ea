import { ReadCache } from './read-cache.js';

describe('ReadCache', () => {
  const at = Date.parse('2026-12-01T10:00:00Z');
  /** A read that counts how often it is computed. */
  const counting = (body: unknown, changesAt?: number) => {
    const compute = () => {
      compute.calls += 1;
      return Promise.resolve({ body, changesAt });
    };
    compute.calls = 0;
    return compute;
  };

  it('answers a key it has seen from memory, and computes again for another version', async () => {
    const cache = new ReadCache();
    const compute = counting({ title: 'Plenary' });
    expect(await cache.json(['p', '/a', 'en', 1], compute, at)).toEqual(Buffer.from('{"title":"Plenary"}'));
    expect(await cache.json(['p', '/a', 'en', 1], compute, at + 1000)).toEqual(
      Buffer.from('{"title":"Plenary"}'),
    );
    expect(compute.calls).toBe(1);
    await cache.json(['p', '/a', 'en', 2], compute, at);
    await cache.json(['p', '/a', 'fa', 2], compute, at);
    await cache.json(['q', '/a', 'fa', 2], compute, at);
    expect(compute.calls).toBe(4);
  });

  it('computes again once the moment the answer changes on its own has come', async () => {
    const cache = new ReadCache();
    const startsAt = at + 60_000;
    const compute = counting({ timing: 'upcoming' }, startsAt);
    await cache.json(['p', '/a', null, 1], compute, at);
    await cache.json(['p', '/a', null, 1], compute, startsAt - 1);
    expect(compute.calls).toBe(1);
    await cache.json(['p', '/a', null, 1], compute, startsAt);
    expect(compute.calls).toBe(2);
  });

  it('keeps nothing without a key, and nothing when the read fails', async () => {
    const cache = new ReadCache();
    const compute = counting({ items: [] });
    await cache.json(undefined, compute, at);
    await cache.json(undefined, compute, at);
    expect(compute.calls).toBe(2);
    let failures = 0;
    const failing = () => {
      failures += 1;
      return Promise.reject(new Error('Session not found'));
    };
    await expect(cache.json(['p', '/b', null, 1], failing, at)).rejects.toThrow('Session not found');
    await expect(cache.json(['p', '/b', null, 1], failing, at)).rejects.toThrow('Session not found');
    expect(failures).toBe(2);
  });
});
