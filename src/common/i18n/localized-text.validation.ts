import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { registerDecorator, type ValidationArguments } from 'class-validator';

const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** Why a localized text value is unacceptable, or undefined when it is fine. */
export function localizedTextProblem(value: unknown, maxLength: number): string | undefined {
  if (typeof value === 'string') {
    if (value.trim() === '') return 'must not be empty';
    return [...value].length > maxLength ? `must be at most ${maxLength} characters` : undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return 'must be a string or an object of language tags to strings';
  }
  const entries = Object.entries(value as Record<string, unknown>);
  for (const [tag, text] of entries) {
    if (!LANGUAGE_TAG.test(tag)) return `has "${tag}", which is not a language tag such as en, fa or ru`;
    if (typeof text !== 'string') return `.${tag} must be a string`;
    if ([...text].length > maxLength) return `.${tag} must be at most ${maxLength} characters`;
  }
  if (!entries.some(([, text]) => (text as string).trim() !== ''))
    return 'must have at least one non-empty value';
  return undefined;
}

/** A localized text field (`"…"` or `{ en, fa, ru }`), documented in the OpenAPI schema. */
export function IsLocalizedText(options: {
  maxLength: number;
  optional?: boolean;
  example?: unknown;
}): PropertyDecorator {
  const schema = {
    oneOf: [
      { type: 'string', maxLength: options.maxLength },
      { type: 'object', additionalProperties: { type: 'string', maxLength: options.maxLength } },
    ],
    description: `Text in one language (stored under the committee's default locale) or an object of language tags; at most ${options.maxLength} characters each`,
    example: options.example,
  };
  const validate: PropertyDecorator = (target, propertyName) =>
    registerDecorator({
      name: 'isLocalizedText',
      target: target.constructor,
      propertyName: propertyName as string,
      validator: {
        validate: (value: unknown) =>
          (options.optional && (value === undefined || value === null)) ||
          localizedTextProblem(value, options.maxLength) === undefined,
        defaultMessage: (args: ValidationArguments) =>
          `${args.property} ${localizedTextProblem(args.value, options.maxLength) ?? 'is invalid'}`,
      },
    });
  return applyDecorators(options.optional ? ApiPropertyOptional(schema) : ApiProperty(schema), validate);
}

export const NAME_MAX = 200;
export const DESCRIPTION_MAX = 10_000;
/** Session and agenda item titles: official titles in two scripts run long. */
export const TITLE_MAX = 500;
