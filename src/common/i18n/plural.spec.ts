import { counted, isOrAre } from './plural.js';

describe('counted', () => {
  it.each([
    [0, 'participant', undefined, '0 participants'],
    [1, 'participant', undefined, '1 participant'],
    [2, 'session', undefined, '2 sessions'],
    [1, 'series', 'series', '1 series'],
    [3, 'series', 'series', '3 series'],
  ])('%d %s → %s', (count, singular, plural, expected) => {
    expect(counted(count, singular, plural)).toBe(expected);
  });

  it('agrees the verb with the count', () => {
    expect([isOrAre(1), isOrAre(2), isOrAre(0)]).toEqual(['is', 'are', 'are']);
  });
});
