import type { RequestHandler } from 'express';
import { pino, type Logger as Pino } from 'pino';
import { pinoHttp } from 'pino-http';
import type { AppConfig } from '../../config/app-config.js';

export function createRootLogger(config: Pick<AppConfig, 'logLevel'>): Pino {
  return pino({ level: config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie'] });
}

/** One line per answered request, tagged with the request id that problem+json answers carry. */
export function requestLogging(logger: Pino): RequestHandler {
  // The lines are written at info. Below that level, pino-http would still build a child logger
  // and its bindings for every request (a fifth of a /health answer's cost) only to discard them.
  if (!logger.isLevelEnabled('info')) return (_request, _response, next) => next();
  return pinoHttp({
    logger,
    genReqId: (request) => (request as { id?: string }).id ?? '',
    customProps: (request) => ({ requestId: (request as { id?: string }).id }),
    autoLogging: { ignore: (request) => request.url === '/health' },
  });
}
