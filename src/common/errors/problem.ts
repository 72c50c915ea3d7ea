import { HttpStatus } from '@nestjs/common';

export interface FieldProblem {
  path: string;
  message: string;
}

/**
 * A rule of the product was broken. Services throw these; one filter turns them into
 * RFC 9457 problem+json answers. `code` names the rule for clients (`type` ends in it).
 */
export class DomainError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly errors?: FieldProblem[],
    readonly extensions?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string) {
    super(HttpStatus.NOT_FOUND, 'not-found', `${what} was not found`);
  }
}

/** The caller may see the resource but not do this to it (one who may not see it gets 404). */
export class ForbiddenError extends DomainError {
  constructor(message: string, errors?: FieldProblem[]) {
    super(HttpStatus.FORBIDDEN, 'forbidden', message, errors);
  }
}

export class ConflictError extends DomainError {
  constructor(code: string, message: string, errors?: FieldProblem[], extensions?: Record<string, unknown>) {
    super(HttpStatus.CONFLICT, code, message, errors, extensions);
  }
}

export class UnprocessableError extends DomainError {
  constructor(errors: FieldProblem[], message = 'The request has invalid values') {
    super(HttpStatus.UNPROCESSABLE_ENTITY, 'validation-failed', message, errors);
  }
}

/** For one field: `invalid('timeZone', 'is not a known IANA time zone')`. */
export function invalid(path: string, message: string): UnprocessableError {
  return new UnprocessableError([{ path, message }], `${path} ${message}`);
}

export class PreconditionFailedError extends DomainError {
  constructor(message: string) {
    super(HttpStatus.PRECONDITION_FAILED, 'precondition-failed', message);
  }
}
