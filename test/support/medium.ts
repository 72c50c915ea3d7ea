import type { Type } from '@nestjs/common';
import type { Principal } from '../../src/common/auth/principal.js';
import { startTestApp, type TestApp } from './test-app.js';

/** The environment's admin, as the auth guard hands it to services. */
export const ADMIN: Principal = {
  tokenId: null,
  role: 'admin',
  committeeIds: [],
  participantId: null,
  participantCommitteeId: null,
};

export interface ServiceTestApp extends TestApp {
  /** A service of the running app, called directly, without HTTP in between. */
  service<T>(type: Type<T>): T;
}

/**
 * Medium tests: services called as controllers call them, on the test file's own real
 * PostgreSQL, with data built through the API (`ctx`). Faster to write for one rule than an
 * HTTP round trip, and closer to the database than a unit test.
 */
export async function startServices(): Promise<ServiceTestApp> {
  const app = await startTestApp();
  return { ...app, service: (type) => app.app.get(type) };
}
