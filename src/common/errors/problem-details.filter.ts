import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from './database-unavailable.js';
import { DomainError, type FieldProblem } from './problem.js';

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldProblem[];
  requestId?: string;
  [extension: string]: unknown;
}

const PROBLEM_BASE = 'https://quorum.dev/problems/';
const SERVICE_UNAVAILABLE: number = HttpStatus.SERVICE_UNAVAILABLE;

/** Every error leaves as RFC 9457 problem+json; nothing internal (stack, SQL) reaches the client. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: string }>();
    const response = http.getResponse<Response>();
    const problem = this.toProblem(exception, request);
    if (problem.status === SERVICE_UNAVAILABLE) {
      this.logger.warn(
        `Database unavailable for ${request.method} ${request.originalUrl}: ${String(exception)}`,
      );
    } else if (problem.status >= 500) {
      this.logger.error(
        { err: exception, requestId: request.id, method: request.method, url: request.originalUrl },
        'Unexpected error',
      );
    }
    if (problem.status === SERVICE_UNAVAILABLE && !response.headersSent) {
      response.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    }
    sendProblem(request, response, problem);
  }

  private toProblem(exception: unknown, request: Request): ProblemDetails {
    if (exception instanceof DomainError) {
      return {
        ...exception.extensions,
        type: PROBLEM_BASE + exception.code,
        title: titleFor(exception.status),
        status: exception.status,
        detail: exception.message,
        ...(exception.errors ? { errors: exception.errors } : {}),
      };
    }
    // Nest wraps body-parser's errors (malformed JSON, too large) and keeps them as the cause.
    const bodyParserProblem = fromBodyParserError((exception as { cause?: unknown } | null)?.cause);
    if (bodyParserProblem) return bodyParserProblem;
    if (isDatabaseUnavailable(exception)) {
      return problem(
        HttpStatus.SERVICE_UNAVAILABLE,
        'database-unavailable',
        'The database is not reachable just now; retry after a few seconds',
      );
    }
    if (exception instanceof HttpException) return fromHttpException(exception, request);
    if (exception instanceof QueryFailedError) {
      const fromDatabase = fromDatabaseError(exception as QueryFailedError & { code?: string });
      if (fromDatabase) return fromDatabase;
    }
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, 'internal-error', 'An unexpected error occurred');
  }
}

/** Writes a problem answer; also used by middleware that refuses a request before routing. */
export function sendProblem(request: Request, response: Response, details: ProblemDetails): void {
  if (response.headersSent) return;
  response
    .status(details.status)
    .type('application/problem+json')
    .send(JSON.stringify({ ...details, requestId: (request as { id?: unknown }).id }));
}

export function problem(
  status: number,
  code: string,
  detail: string,
  errors?: FieldProblem[],
): ProblemDetails {
  return {
    type: PROBLEM_BASE + code,
    title: titleFor(status),
    status,
    detail,
    ...(errors ? { errors } : {}),
  };
}

function fromHttpException(exception: HttpException, request: Request): ProblemDetails {
  const status: number = exception.getStatus();
  const body = exception.getResponse();
  const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const errors = Array.isArray(fields.errors) ? (fields.errors as FieldProblem[]) : undefined;
  if (status === 404 && /^Cannot [A-Z]+ /.test(exception.message)) {
    return problem(
      status,
      'route-not-found',
      `No route ${request.method} ${request.originalUrl.split('?')[0]}`,
    );
  }
  const code = typeof fields.code === 'string' ? fields.code : codeFor(status);
  const detail = typeof fields.detail === 'string' ? fields.detail : exception.message;
  return problem(status, code, detail, errors);
}

function fromBodyParserError(exception: unknown): ProblemDetails | undefined {
  const type = (exception as { type?: unknown } | null)?.type;
  if (type === 'entity.parse.failed') {
    return problem(HttpStatus.BAD_REQUEST, 'malformed-json', 'The request body is not valid JSON', [
      { path: 'body', message: 'is not valid JSON' },
    ]);
  }
  if (type === 'entity.too.large') {
    return problem(HttpStatus.PAYLOAD_TOO_LARGE, 'body-too-large', 'The request body is larger than 1 MB');
  }
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
    return problem(
      HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      'unsupported-encoding',
      'The body encoding is not supported',
    );
  }
  return undefined;
}

/** Constraint violations that slipped past a service's own checks (e.g. a race on a unique key). */
function fromDatabaseError(error: QueryFailedError & { code?: string }): ProblemDetails | undefined {
  switch (error.code) {
    case '23505':
      return problem(HttpStatus.CONFLICT, 'conflict', 'A resource with the same unique value already exists');
    case '23503':
      return problem(
        HttpStatus.CONFLICT,
        'conflict',
        'The resource is referenced by or refers to another one',
      );
    case '23502': {
      const column = (error.driverError as { column?: unknown } | undefined)?.column;
      const field =
        typeof column === 'string'
          ? column.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase())
          : 'body';
      return problem(HttpStatus.UNPROCESSABLE_ENTITY, 'validation-failed', 'A required value is missing', [
        { path: field, message: `${field} must not be null` },
      ]);
    }
    case '40001':
    case '40P01':
      return problem(HttpStatus.CONFLICT, 'concurrent-update', 'A concurrent change interfered; try again');
    case '22P02':
    case '22007':
    case '22008':
      return problem(HttpStatus.BAD_REQUEST, 'invalid-value', 'A value has an invalid format');
    default:
      return undefined;
  }
}

function codeFor(status: number): string {
  const codes: Record<number, string> = {
    400: 'bad-request',
    401: 'unauthorized',
    403: 'forbidden',
    404: 'not-found',
    405: 'method-not-allowed',
    409: 'conflict',
    412: 'precondition-failed',
    413: 'body-too-large',
    415: 'unsupported-media-type',
    422: 'validation-failed',
    429: 'too-many-requests',
    503: 'unavailable',
  };
  return codes[status] ?? (status >= 500 ? 'internal-error' : 'error');
}

function titleFor(status: number): string {
  const titles: Record<number, string> = {
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    405: 'Method Not Allowed',
    409: 'Conflict',
    412: 'Precondition Failed',
    413: 'Content Too Large',
    415: 'Unsupported Media Type',
    422: 'Unprocessable Content',
    428: 'Precondition Required',
    429: 'Too Many Requests',
    500: 'Internal Server Error',
    503: 'Service Unavailable',
  };
  return titles[status] ?? 'Error';
}
