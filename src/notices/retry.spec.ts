import { MAX_ATTEMPTS, retryDelaySeconds } from './retry.js';

describe('retryDelaySeconds', () => {
  it.each([
    [1, 30],
    [2, 60],
    [3, 120],
    [7, 1920],
    [20, 21_600],
  ])('waits after failure %i for %i seconds', (attempts, seconds) => {
    expect(retryDelaySeconds(attempts)).toBe(seconds);
  });

  it('gives up within a day', () => {
    const total = Array.from({ length: MAX_ATTEMPTS - 1 }, (_, index) => retryDelaySeconds(index + 1)).reduce(
      (sum, seconds) => sum + seconds,
      0,
    );
    expect(total).toBeLessThan(86_400);
  });
});
