import type { PoolClient, QueryResult } from 'pg';
import { QueryFailedError, type DataSource } from 'typeorm';

/**
 * The first row of a named prepared statement, on a connection of the data source's pool,
 * logged (and so counted) and failing as every other query does. PostgreSQL parses and plans a
 * named statement once per connection instead of on every run: for the busiest reads, whose
 * planning can take longer than running them.
 */
export async function preparedRow<T>(
  dataSource: DataSource,
  name: string,
  text: string,
  values: unknown[],
): Promise<T | undefined> {
  const runner = dataSource.createQueryRunner();
  try {
    const client = (await runner.connect()) as PoolClient;
    dataSource.logger.logQuery(text, values, runner);
    let result: QueryResult;
    try {
      result = await client.query({ name, text, values });
    } catch (error) {
      dataSource.logger.logQueryError(error as Error, text, values, runner);
      throw new QueryFailedError(text, values, error as Error);
    }
    return result.rows[0] as T | undefined;
  } finally {
    await runner.release();
  }
}
