/**
 * Test databases on a server are named `<prefix>_…`. `QUORUM_TEST_DB_PREFIX` (default
 * `quorum_test`) lets several checkouts share one server without dropping each other's databases.
 */
export function testDatabasePrefix(): string {
  const prefix = process.env.QUORUM_TEST_DB_PREFIX?.trim() || 'quorum_test';
  if (!/^[a-z][a-z0-9_]{0,30}$/.test(prefix))
    throw new Error(`QUORUM_TEST_DB_PREFIX must be a lower-case SQL name, got "${prefix}"`);
  return prefix;
}
