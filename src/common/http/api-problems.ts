import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';

const MEANINGS: Record<number, string> = {
  400: 'A path parameter or cursor is malformed (problem+json naming it)',
  403: 'The caller may see this but not change it',
  404: 'Not found, or not visible to this caller',
  409: 'The change breaks a rule of the workflow (problem+json with its code)',
  412: 'If-Match names a version that is no longer current; nothing changed',
  413: 'The body is too large',
  415: 'The body is not of the media type this operation takes',
  422: 'Invalid input; `errors` names each field; nothing changed',
};

/** Documents the problem+json answers an operation can give. */
export function ApiProblems(...statuses: number[]): MethodDecorator {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: MEANINGS[status] ?? 'A problem',
        content: { 'application/problem+json': { schema: { type: 'object' } } },
      }),
    ),
  );
}
