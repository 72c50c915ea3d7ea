import { readdirSync } from 'node:fs';
import tseslint from 'typescript-eslint';

/**
 * Boundaries between layers, checked by `npm run lint` (test/lint/boundaries.spec.ts shows
 * each one failing on a violating import):
 * - pure cores (zoned time, recurrence, iCalendar text, planners, agenda arithmetic) use
 *   neither Nest nor TypeORM;
 * - `common/` serves every feature and imports none;
 * - sessions do not import series: series are built on sessions.
 */
const SHARED_FOLDERS = ['common', 'config', 'database'];
const FEATURES = readdirSync(new URL('./src', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && !SHARED_FOLDERS.includes(entry.name))
  .map((entry) => entry.name);
export const PURE_FILES = [
  'src/common/time/**/*.ts',
  'src/series/recurrence/**/*.ts',
  'src/calendar-feeds/ics/**/*.ts',
  'src/**/*-plan.ts',
  'src/agenda/agenda-timeline.ts',
];
const frameworkBan = {
  group: ['@nestjs/*', 'typeorm', 'typeorm/*'],
  message: 'A pure core uses neither Nest nor TypeORM: keep it plain TypeScript and let a service call it.',
};
const featureBan = {
  group: FEATURES.map((feature) => `**/${feature}/*`),
  message: 'common/ serves every feature and imports none: move the shared piece into common/.',
};
const seriesBan = {
  group: ['**/series/*'],
  message: 'Sessions do not import series (series are built on sessions): move the rule into series/.',
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.quorum/**', 'jest.config.js', 'jest.browser.config.js', 'eslint.config.mjs'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      '@typescript-eslint/no-extraneous-class': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    files: PURE_FILES,
    ignores: ['src/**/*.spec.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [frameworkBan] }] },
  },
  {
    files: ['src/common/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [featureBan] }] },
  },
  {
    files: ['src/sessions/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [seriesBan] }] },
  },
  {
    files: ['bench/**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { console: 'readonly', process: 'readonly', fetch: 'readonly', performance: 'readonly' },
    },
  },
  {
    files: ['test/**/*.ts', 'src/**/*.spec.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
);
