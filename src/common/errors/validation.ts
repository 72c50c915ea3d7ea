import { UnprocessableEntityException, ValidationPipe, type ValidationError } from '@nestjs/common';
import type { FieldProblem } from './problem.js';

/** Type checks come before ranges and formats: a wrong type makes every other message noise. */
const TYPE_MESSAGES: Record<string, string | undefined> = {
  isString: 'must be a string',
  isNumber: 'must be a number',
  isInt: 'must be a whole number',
  isBoolean: 'must be true or false',
  isObject: 'must be an object',
  isArray: 'must be an array',
};

/**
 * Flattens class-validator's tree into `{ path: 'workingHours.start', message }` entries, one
 * per field, the most basic first: a missing field "is required", a wrong type says which
 * type, and only then a range or format.
 */
export function flattenValidationErrors(errors: ValidationError[], parentPath = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const path = joinPath(parentPath, error.property);
    const message = fieldMessage(error);
    const own = message === undefined ? [] : [{ path, message }];
    return [...own, ...flattenValidationErrors(error.children ?? [], path)];
  });
}

function fieldMessage(error: ValidationError): string | undefined {
  const constraints = error.constraints ?? {};
  const names = Object.keys(constraints);
  if (names.length === 0) return undefined;
  if (constraints.whitelistValidation) return 'is not a known field';
  if (error.value === undefined) return 'is required';
  const typeCheck = Object.keys(TYPE_MESSAGES).find((name) => constraints[name] !== undefined);
  if (typeCheck) {
    const given = withoutProperty(constraints[typeCheck], error.property);
    return given.startsWith('each value') || isCustom(typeCheck, given) ? given : TYPE_MESSAGES[typeCheck];
  }
  // class-validator lists constraints bottom-up; the decorator written first is the most basic.
  return withoutProperty(constraints[names[names.length - 1]], error.property);
}

/** A DTO's own wording for a type check (e.g. "must be a whole number of minutes") is kept. */
function isCustom(typeCheck: string, message: string): boolean {
  return typeCheck === 'isInt' && !message.includes('integer number');
}

function withoutProperty(message: string, property: string): string {
  return message.replace(new RegExp(`^${escapeRegExp(property)}\\s`), '');
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
    // The value tells a missing field from a wrong one; it never reaches the answer.
    validationError: { target: false, value: true },
    exceptionFactory: (errors) => {
      const problems = flattenValidationErrors(errors);
      return new UnprocessableEntityException({
        code: 'validation-failed',
        detail: `Invalid ${[...new Set(problems.map((entry) => entry.path))].join(', ')}`,
        errors: problems,
      });
    },
  });
}
