import { applyDecorators } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiProperty,
  ApiPropertyOptional,
  ApiResponse,
  getSchemaPath,
} from '@nestjs/swagger';

export class FieldProblemDto {
  @ApiProperty({ example: 'timeZone', description: 'The field, parameter or header at fault' })
  path!: string;

  @ApiProperty({ example: 'is not a known IANA time zone' })
  message!: string;
}

/** The one shape of every error answer (RFC 9457). */
export class ProblemDto {
  @ApiProperty({
    example: 'https://quorum.dev/problems/validation-failed',
    description: 'Ends in the rule broken',
  })
  type!: string;

  @ApiProperty({ example: 'Unprocessable Content' })
  title!: string;

  @ApiProperty({ example: 422 })
  status!: number;

  @ApiProperty({ example: 'timeZone is not a known IANA time zone' })
  detail!: string;

  @ApiPropertyOptional({ type: [FieldProblemDto] })
  errors?: FieldProblemDto[];

  @ApiProperty({
    example: '7c1f0a52-3d8e-4b6f-9a41-0e5d2c7b8f13',
    description: 'Also in the X-Request-Id header',
  })
  requestId!: string;
}

/** What each error status means in this API, unless an operation says more. */
const MEANINGS = {
  400: 'Malformed JSON, or a path parameter that is not a UUID',
  401: 'No token, or an unknown or revoked one',
  403: 'The token may see the resource but not do this',
  404: 'Not found, or not visible to this token (ids cannot be probed)',
  409: 'The resource is in a state that refuses this, or it clashes with another',
  412: 'If-Match does not match the current version; nothing changed',
  413: 'The body is larger than 1 MB',
  415: 'The body is not JSON, or its encoding is not supported',
  422: 'A field is invalid (each named in errors), or an Idempotency-Key reused with another body',
  503: 'The database is unavailable; try again',
} as const;

export type ProblemStatus = keyof typeof MEANINGS;

/**
 * Documents an operation's error answers as problem+json with the shared schema, e.g.
 * `@ApiProblems(401, 404, 422)`, or `[409, 'why this operation refuses']` for a status whose
 * meaning here is more specific. On a controller it applies to each of its operations.
 */
export function ApiProblems(
  ...answers: Array<ProblemStatus | [ProblemStatus, string]>
): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(ProblemDto),
    ...answers.map((answer) => {
      const [status, description] = Array.isArray(answer) ? answer : [answer, MEANINGS[answer]];
      return ApiResponse({
        status,
        description,
        content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDto) } } },
      });
    }),
  );
}
