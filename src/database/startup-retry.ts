import type { DataSource } from 'typeorm';
import { isDatabaseUnavailable } from '../common/errors/database-unavailable.js';

const FIRST_DELAY_MS = 250;
const LONGEST_DELAY_MS = 5_000;

/**
 * Initializes the data source, retrying with doubling delays while the server cannot be
 * reached, for up to `retrySeconds` (a database that starts after the app is normal in
 * containers). Any other error, or the time running out, ends it with one clear message.
 */
export async function connectWithRetry(
  dataSource: DataSource,
  url: string,
  retrySeconds: number,
): Promise<void> {
  const deadline = Date.now() + retrySeconds * 1000;
  const where = describe(url);
  for (let attempt = 1, delay = FIRST_DELAY_MS; ; attempt++, delay = Math.min(delay * 2, LONGEST_DELAY_MS)) {
    try {
      await dataSource.initialize();
      if (attempt > 1) console.warn(`Connected to the database at ${where} (attempt ${attempt})`);
      return;
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      const reason = errorCode(error);
      if (Date.now() + delay > deadline) {
        throw new Error(
          `the database at ${where} did not answer (${reason})${retrySeconds > 0 ? ` within ${retrySeconds} s` : ''}`,
        );
      }
      console.warn(`The database at ${where} does not answer (${reason}); retrying in ${delay} ms`);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

function describe(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || '5432'}`;
}

function errorCode(error: unknown): string {
  const { code, message } = error as { code?: unknown; message?: unknown };
  return typeof code === 'string' ? code : String(message);
}
