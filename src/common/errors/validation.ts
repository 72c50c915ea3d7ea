import { UnprocessableEntityException, ValidationPipe, type ValidationError } from '@nestjs/common';
import type { FieldProblem } from './problem.js';

/** Flattens class-validator's tree into `{ path: 'workingHours.start', message }` entries. */
export function flattenValidationErrors(errors: ValidationError[], parentPath = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const path = joinPath(parentPath, error.property);
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      path,
      message: message.replace(new RegExp(`^${escapeRegExp(error.property)}\\s`), ''),
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], path)];
  });
}

function joinPath(parent: string, property: string): string {
  if (parent === '') return property;
  return /^\d+$/.test(property) ? `${parent}[${property}]` : `${parent}.${property}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const problems = flattenValidationErrors(errors).map((entry) =>
        entry.message.startsWith('property ') ? { ...entry, message: 'is not a known field' } : entry,
      );
      return new UnprocessableEntityException({
        code: 'validation-failed',
        detail: `Invalid ${[...new Set(problems.map((entry) => entry.path))].join(', ')}`,
        errors: problems,
      });
    },
  });
}
