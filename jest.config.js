import { availableParallelism } from 'node:os';

/**
 * NestJS 12 ships as ES modules only, so Jest runs in its native ESM mode
 * (`--experimental-vm-modules`, set by `npm test`). Unit tests live beside the code
 * (`src/**\/*.spec.ts`); medium tests, services on a real database, in `test/medium`;
 * e2e tests, through HTTP, in `test/e2e`.
 *
 * Test files run side by side, each with its own database: at least two workers, also on a
 * two-core machine (one often waits on the database while the other runs), and at most four,
 * so that a PostgreSQL server's default 100 connections hold (a test file opens up to about a
 * dozen). A worker that holds more than 400 MB after a file is replaced: each file loads the
 * whole app into a fresh module registry, and a worker that kept them all spent its time
 * collecting garbage (embedded database, two cores: 370 s in one process, 186 s in two workers,
 * 143 s in two recycled; 99 s on a PostgreSQL server).
 */
export default {
  maxWorkers: Math.min(4, Math.max(2, availableParallelism() - 1)),
  workerIdleMemoryLimit: '400MB',
  testEnvironment: 'node',
  rootDir: '.',
  testMatch: [
    '<rootDir>/src/**/*.spec.ts',
    '<rootDir>/test/**/*.medium-spec.ts',
    '<rootDir>/test/lint/*.spec.ts',
    '<rootDir>/test/**/*.e2e-spec.ts',
  ],
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.tsx?$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }] },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  testTimeout: 60000,
};
