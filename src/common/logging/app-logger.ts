import type { LoggerService } from '@nestjs/common';
import type { Logger as Pino } from 'pino';

/**
 * Nest's start-up chatter (one line per module and per route) says how the app is wired, which
 * matters when debugging it, not when starting it: those contexts log at debug.
 */
const WIRING_CONTEXTS = new Set([
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestFactory',
  'NestApplication',
]);

/** Nest's logger interface over one pino logger, so the app and its requests log the same way. */
export class AppLogger implements LoggerService {
  constructor(private readonly pino: Pino) {}

  log(message: unknown, ...rest: unknown[]): void {
    const context = contextOf(rest);
    this.write(context && WIRING_CONTEXTS.has(context) ? 'debug' : 'info', message, rest);
  }

  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }

  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }

  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }

  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }

  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  /**
   * Nest passes the context last; `error` passes a stack before it. A message may also be an
   * object of fields with the text after it, as in `logger.error({ err }, 'Unexpected error')`.
   */
  private write(level: Level, message: unknown, rest: unknown[]): void {
    const context = contextOf(rest);
    const others = context === undefined ? rest : rest.slice(0, -1);
    const detail = others.find((value): value is string => typeof value === 'string');
    if (message instanceof Error) {
      this.pino[level]({ context, err: message }, message.message);
    } else if (typeof message === 'object' && message !== null) {
      this.pino[level]({ context, ...message }, detail ?? '');
    } else {
      const stack = level === 'error' && detail ? { stack: detail } : {};
      this.pino[level]({ context, ...stack }, String(message));
    }
  }
}

type Level = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';

function contextOf(rest: unknown[]): string | undefined {
  const last = rest[rest.length - 1];
  return typeof last === 'string' ? last : undefined;
}
