import { applyDecorators, Headers } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { ApiProblems } from './api-problems.js';

/**
 * The `If-Match` header of a write that checks the version it changes (`assertIfMatch`): reads
 * the header, and documents it with the 412 answer a stale version gets. `etag` says whose ETag
 * it takes.
 */
export const IfMatch =
  (etag = 'The ETag of the version being changed'): ParameterDecorator =>
  (target, method, index) => {
    Headers('if-match')(target, method, index);
    const operation = Object.getOwnPropertyDescriptor(target, method!)!;
    applyDecorators(ApiHeader({ name: 'If-Match', required: false, description: etag }), ApiProblems(412))(
      target,
      method!,
      operation,
    );
  };
