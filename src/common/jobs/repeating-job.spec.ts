import { jest } from '@jest/globals';
import { RepeatingJob } from './repeating-job.js';

describe('RepeatingJob', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs a round every period, never two at once, and stop() waits for the one under way', async () => {
    let finish: () => void = () => {};
    const round = jest.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const job = new RepeatingJob('Test', 1_000, round, 'Round failed');
    job.start();
    await jest.advanceTimersByTimeAsync(999);
    expect(round).toHaveBeenCalledTimes(0);
    await jest.advanceTimersByTimeAsync(3_000);
    expect(round).toHaveBeenCalledTimes(1);
    let stopped = false;
    const stopping = job.stop().then(() => (stopped = true));
    await jest.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    finish();
    await stopping;
    await jest.advanceTimersByTimeAsync(5_000);
    expect(round).toHaveBeenCalledTimes(1);
  });

  it('goes on after a failed round', async () => {
    const round = jest.fn(() => Promise.reject(new Error('down')));
    const job = new RepeatingJob('Test', 1_000, round, 'Round failed');
    const logged = jest.spyOn(job['logger'], 'error').mockImplementation(() => {});
    job.start();
    await jest.advanceTimersByTimeAsync(2_000);
    expect(round).toHaveBeenCalledTimes(2);
    expect(logged).toHaveBeenCalledWith({ err: expect.any(Error) }, 'Round failed');
    await job.stop();
  });
});
