/**
 * `npm run test:browser`: the portal in a real Chromium (playwright-core drives the system's
 * Debian chromium; CHROMIUM_PATH overrides). Same ESM setup as jest.config.js.
 */
import base from './jest.config.js';

export default {
  ...base,
  testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
  testTimeout: 120000,
};
