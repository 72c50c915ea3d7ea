import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

// The project's own eslint.config.mjs, without type information: these files exist only here.
const eslint = new ESLint({
  cwd: new URL('../..', import.meta.url).pathname,
  overrideConfig: tseslint.configs.disableTypeChecked,
});

/** The boundary rules that `npm run lint` reports for `code` saved at `filePath`. */
async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport {};\n`, { filePath });
  return result.messages
    .filter((message) => message.ruleId?.endsWith('no-restricted-imports'))
    .map((message) => message.message.split(':')[0]);
}

const NO_NEST =
  "'@nestjs/common' import is restricted from being used by a pattern. A pure core uses neither Nest nor TypeORM";

describe('layer boundaries enforced by lint', () => {
  it.each([
    ['src/common/time/new-clock.ts', "import { Injectable } from '@nestjs/common';"],
    ['src/series/recurrence/new-rule.ts', "import { Injectable } from '@nestjs/common';"],
    ['src/calendar-feeds/ics/new-lines.ts', "import { Injectable } from '@nestjs/common';"],
    ['src/series/series-edit-plan.ts', "import { Injectable } from '@nestjs/common';"],
    ['src/agenda/agenda-timeline.ts', "import { Injectable } from '@nestjs/common';"],
  ])('refuses Nest in the pure core %s', async (filePath, code) => {
    expect(await boundaryErrors(filePath, code)).toEqual([NO_NEST]);
  });

  it('refuses TypeORM in a pure core, type imports included', async () => {
    const errors = await boundaryErrors(
      'src/series/recurrence/new-rule.ts',
      "import type { EntityManager } from 'typeorm';",
    );
    expect(errors).toEqual([
      "'typeorm' import is restricted from being used by a pattern. A pure core uses neither Nest nor TypeORM",
    ]);
  });

  it('refuses a feature import in common/', async () => {
    const errors = await boundaryErrors(
      'src/common/auth/new-guard.ts',
      "import type { ApiToken } from '../../api-tokens/api-token.entity.js';",
    );
    expect(errors).toEqual([
      "'../../api-tokens/api-token.entity.js' import is restricted from being used by a pattern. common/ serves every feature and imports none",
    ]);
  });

  it('refuses a series import in sessions', async () => {
    const errors = await boundaryErrors(
      'src/sessions/new-rule.ts',
      "import { Series } from '../series/series.entity.js';",
    );
    expect(errors).toEqual([
      "'../series/series.entity.js' import is restricted from being used by a pattern. Sessions do not import series (series are built on sessions)",
    ]);
  });

  it('lets services use the framework, series use sessions, and features use common/', async () => {
    expect(
      await boundaryErrors('src/series/series.service.ts', "import { Injectable } from '@nestjs/common';"),
    ).toEqual([]);
    expect(
      await boundaryErrors(
        'src/series/new-rule.ts',
        "import { Session } from '../sessions/session.entity.js';",
      ),
    ).toEqual([]);
    expect(
      await boundaryErrors(
        'src/sessions/new-rule.ts',
        "import { invalid } from '../common/errors/problem.js';",
      ),
    ).toEqual([]);
  });
});
