import { AsyncLocalStorage } from 'node:async_hooks';
import type { NextFunction, Request, Response } from 'express';

/**
 * Diagnostics for the benchmark (QUORUM_QUERY_COUNT_HEADER=true): every answer carries
 * `X-Query-Count`, the SQL statements run for it before its headers were sent.
 */
const requestQueries = new AsyncLocalStorage<{ count: number }>();

export function countQuery(): void {
  const store = requestQueries.getStore();
  if (store) store.count += 1;
}

export function queryCountHeader(_request: Request, response: Response, next: NextFunction): void {
  const store = { count: 0 };
  const writeHead = response.writeHead.bind(response) as (...args: unknown[]) => Response;
  response.writeHead = ((...args: unknown[]) => {
    if (!response.headersSent) response.setHeader('X-Query-Count', String(store.count));
    return writeHead(...args);
  }) as Response['writeHead'];
  requestQueries.run(store, next);
}
