import { HttpStatus } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { problem, sendProblem } from '../errors/problem-details.filter.js';
import { findInputProblem, textProblem } from './input-problems.js';

const JSON_TYPES = ['application/json', 'application/*+json'];

function isApiRequest(request: Request): boolean {
  return request.path.startsWith('/api/');
}

function hasBody(request: Request): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/**
 * Before the JSON parser: an API request that carries a body that is neither JSON nor one of
 * `ownBodyTypes` (media types that the routes taking them read and check themselves: received
 * mail, a scanned PDF) gets 415 instead of being read as an empty body.
 */
export function refuseNonJsonBodies(
  ownBodyTypes: string[],
): (request: Request, response: Response, next: NextFunction) => void {
  const accepted = [...JSON_TYPES, ...ownBodyTypes];
  return (request, response, next) => {
    if (!isApiRequest(request) || !hasBody(request) || request.is(accepted)) return next();
    const given = request.headers['content-type'] ?? 'none';
    sendProblem(
      request,
      response,
      problem(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        'unsupported-media-type',
        `The body must be sent as application/json (Content-Type was ${given.split(';')[0]})`,
        [{ path: 'Content-Type', message: 'must be application/json' }],
      ),
    );
  };
}

/**
 * After the JSON parser: nothing too deeply nested, no prototype keys, and only well-formed
 * Unicode without NUL in the body, the query and the headers — each refused with a 422
 * naming the field, before any validation or database work sees it.
 */
export function refuseUnsafeInput(request: Request, response: Response, next: NextFunction): void {
  const found =
    (Buffer.isBuffer(request.body) ? undefined : findInputProblem(request.body)) ??
    findInputProblem({ ...(request.query as object) }) ??
    headerProblem(request);
  if (!found) return next();
  sendProblem(
    request,
    response,
    problem(HttpStatus.UNPROCESSABLE_ENTITY, 'validation-failed', `Invalid ${found.path}`, [found]),
  );
}

function headerProblem(request: Request): { path: string; message: string } | undefined {
  for (const [name, value] of Object.entries(request.headers)) {
    for (const text of Array.isArray(value) ? value : [value ?? '']) {
      const found = textProblem(text);
      if (found) return { path: name, message: found };
    }
  }
  return undefined;
}
