import { Writable } from 'node:stream';
import { pino } from 'pino';
import { AppLogger } from './app-logger.js';

function capture(level: 'info' | 'debug'): { logger: AppLogger; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { logger: new AppLogger(pino({ level }, sink)), lines };
}

describe('AppLogger', () => {
  it('keeps route mapping and module wiring out of an info-level start', () => {
    const { logger, lines } = capture('info');
    logger.log('Mapped {/api/v1/sessions, GET} route', 'RouterExplorer');
    logger.log('SessionsModule dependencies initialized', 'InstanceLoader');
    logger.log('Feed rendered', 'CalendarFeeds');
    expect(lines.map((line) => line.msg)).toEqual(['Feed rendered']);
  });

  it('shows route mapping at debug level', () => {
    const { logger, lines } = capture('debug');
    logger.log('Mapped {/api/v1/sessions, GET} route', 'RouterExplorer');
    expect(lines).toEqual([expect.objectContaining({ level: 20, context: 'RouterExplorer' })]);
  });

  it('keeps the stack of an error', () => {
    const { logger, lines } = capture('info');
    logger.error('boom', 'Error: boom\n    at x', 'Errors');
    expect(lines).toEqual([
      expect.objectContaining({ msg: 'boom', context: 'Errors', stack: 'Error: boom\n    at x' }),
    ]);
  });

  it('logs the fields of an object message with the text after it', () => {
    const { logger, lines } = capture('info');
    logger.error({ requestId: 'r-1' }, 'Unexpected error', 'Errors');
    expect(lines).toEqual([
      expect.objectContaining({ msg: 'Unexpected error', requestId: 'r-1', context: 'Errors' }),
    ]);
  });
});
