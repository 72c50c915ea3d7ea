import { HttpStatus } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { problem, sendProblem } from '../errors/problem-details.filter.js';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/** The documented operations by path, from the OpenAPI document, to tell 405 from 404. */
export class RouteMethods {
  private readonly routes: Array<{ pattern: RegExp; methods: string[] }>;

  constructor(paths: Record<string, object>) {
    this.routes = Object.entries(paths).map(([template, operations]) => ({
      pattern: new RegExp(
        `^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^/}]+\}/g, '[^/]+')}$`,
      ),
      methods: Object.keys(operations).filter((method) => METHODS.includes(method)),
    }));
  }

  /** Methods a path answers to, upper case with HEAD beside GET; empty for an unknown path. */
  allowed(path: string): string[] {
    const normalized = path.length > 1 ? path.replace(/\/$/, '') : path;
    const methods = new Set(
      this.routes.filter((route) => route.pattern.test(normalized)).flatMap((route) => route.methods),
    );
    if (methods.has('get')) methods.add('head');
    return [...methods].map((method) => method.toUpperCase()).sort();
  }
}

/** A known path asked with a method it does not take: 405 with `Allow`, before routing. */
export function refuseUnknownMethods(routes: () => RouteMethods | undefined) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const allowed = routes()?.allowed(request.path) ?? [];
    if (allowed.length === 0 || allowed.includes(request.method)) return next();
    response.setHeader('Allow', allowed.join(', '));
    sendProblem(
      request,
      response,
      problem(
        HttpStatus.METHOD_NOT_ALLOWED,
        'method-not-allowed',
        `${request.method} is not allowed on ${request.path}; use ${allowed.join(', ')}`,
      ),
    );
  };
}

/** The last handler: whatever no route took is a problem+json 404, wherever it is. */
export function unknownRoute(request: Request, response: Response): void {
  sendProblem(
    request,
    response,
    problem(
      HttpStatus.NOT_FOUND,
      'route-not-found',
      `No route ${request.method} ${request.originalUrl.split('?')[0]}`,
    ),
  );
}
