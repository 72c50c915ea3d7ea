import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';

const current = new AsyncLocalStorage<QueryRunner>();

/**
 * Makes every query of the data source join the request transaction while one is open
 * (see `inRequestTransaction`): reads and writes go through its connection, and a service's
 * own `dataSource.transaction(...)` becomes a savepoint inside it. Outside one, nothing changes.
 */
export function joinRequestTransactions(dataSource: DataSource): void {
  const createQueryRunner = dataSource.createQueryRunner.bind(dataSource);
  dataSource.createQueryRunner = (mode) => {
    const runner = current.getStore();
    return runner ? sharedRunner(runner) : createQueryRunner(mode);
  };
}

/** The open transaction's runner, which whoever borrows it may not release. */
function sharedRunner(runner: QueryRunner): QueryRunner {
  return new Proxy(runner, {
    get(target, property, receiver) {
      if (property === 'release') return () => Promise.resolve();
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * Runs `work` (and everything it calls, through async context) in one transaction, so that
 * what it writes and what is written beside it (an idempotency key's answer) commit together
 * or not at all.
 */
export async function inRequestTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction();
    try {
      const result = await current.run(runner, () => work(runner.manager));
      await runner.commitTransaction();
      return result;
    } catch (error) {
      await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    }
  } finally {
    await runner.release();
  }
}
