import type { LoggerService } from '@nestjs/common';
import type { Logger as Pino } from 'pino';

/**
 * Nest's start-up chatter (one line per module and per route) says how the app is wired, which
 * matters when debugging it, not when starting it: those contexts log at debug.
 */
const WIRING_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory', 'NestApplication']);

/** Nest's logger interface over one pino logger, so the app and its requests log the same way. */
export class AppLogger implements LoggerService {
  constructor(private readonly pino: Pino) {}

  log(message: unknown, ...rest: unknown[]): void {
    const { context, args } = split(rest);
    const level = context && WIRING_CONTEXTS.has(context) ? 'debug' : 'info';
    this.pino[level]({ context, ...args }, text(message));
  }

  error(message: unknown, ...rest: unknown[]): void {
    const { context, args } = split(rest);
    const stack = args.stack;
    this.pino.error({ context, ...(stack ? { stack } : {}) }, text(message));
  }

  warn(message: unknown, ...rest: unknown[]): void {
    this.pino.warn({ context: split(rest).context }, text(message));
  }

  debug(message: unknown, ...rest: unknown[]): void {
    this.pino.debug({ context: split(rest).context }, text(message));
  }

  verbose(message: unknown, ...rest: unknown[]): void {
    this.pino.trace({ context: split(rest).context }, text(message));
  }

  fatal(message: unknown, ...rest: unknown[]): void {
    this.pino.fatal({ context: split(rest).context }, text(message));
  }
}

/** Nest passes the context last, and for errors the stack before it. */
function split(rest: unknown[]): { context?: string; args: { stack?: string } } {
  const strings = rest.filter((value): value is string => typeof value === 'string');
  const context = strings.length > 0 ? strings[strings.length - 1] : undefined;
  const stack = strings.length > 1 ? strings[0] : undefined;
  return { context, args: stack ? { stack } : {} };
}

function text(message: unknown): string {
  if (message instanceof Error) return message.message;
  return typeof message === 'string' ? message : JSON.stringify(message);
}
