import 'reflect-metadata';
import { createApp } from './bootstrap.js';
import { ApiTokensService } from './api-tokens/api-tokens.service.js';
import { startBanner } from './start-banner.js';
import { ConfigError, loadConfig, type AppConfig } from './config/app-config.js';

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      for (const problem of error.problems) console.error(`Configuration error: ${problem}`);
      process.exit(1);
    }
    throw error;
  }
  const app = await createApp(config);
  // On SIGTERM/SIGINT: stop accepting, let in-flight requests finish, close the database, exit 0.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      app.close().then(
        () => process.exit(0),
        (error: unknown) => {
          console.error('Quorum did not shut down cleanly:', error);
          process.exit(1);
        },
      );
    });
  }
  await app.listen(config.port);
  const url = (await app.getUrl()).replace('[::1]', 'localhost').replace('127.0.0.1', 'localhost');
  const database = config.databaseUrl
    ? 'PostgreSQL server (DATABASE_URL)'
    : `embedded PostgreSQL in ${config.dataDir}`;
  const newAdminToken = await app.get(ApiTokensService).createFirstAdminTokenIfNone(config);
  console.log(
    startBanner({ url, database, newAdminToken, adminTokenFromEnvironment: Boolean(config.adminToken) }),
  );
}

main().catch((error: unknown) => {
  console.error('Quorum could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
