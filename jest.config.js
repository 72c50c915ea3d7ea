/**
 * NestJS 12 ships as ES modules only, so Jest runs in its native ESM mode
 * (`--experimental-vm-modules`, set by `npm test`). Unit tests live beside the code
 * (`src/**\/*.spec.ts`); medium tests, services on a real database, in `test/medium`;
 * e2e tests, through HTTP, in `test/e2e`.
 */
export default {
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
