import { applyDecorators, Headers } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { ApiProblems } from './api-problems.js';

/** How a write that takes If-Match treats a stale one, in the words of its operation's description. */
export const IF_MATCH_RULE = 'With If-Match, a stale version gets 412 and nothing changes.';

/**
 * The `If-Match` header of a write that checks the version it changes (`assertIfMatch`): reads
 * the header, and documents it with the 412 answer a stale version gets. `etag` says whose ETag
 * it takes.
 */
export const IfMatch =
  (etag = 'The ETag of the version being changed'): ParameterDecorator =>
  (target, method, index) => {
    Headers('if-match')(target, method, index);
    const documented = applyDecorators(
      ApiHeader({ name: 'If-Match', required: false, description: etag }),
      ApiProblems(412),
    );
    documented(target, method, Object.getOwnPropertyDescriptor(target, method!));
  };
