import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import { SLUG, SLUG_MESSAGE } from './patterns.js';

/** A required `slug`: 1 to 100 lowercase letters, digits and single dashes. */
export function IsSlug(example: string): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ example, pattern: SLUG.source }),
    IsString(),
    Length(1, 100),
    Matches(SLUG, { message: `slug ${SLUG_MESSAGE}` }),
  );
}
