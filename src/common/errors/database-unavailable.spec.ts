import { isDatabaseUnavailable } from './database-unavailable.js';

describe('isDatabaseUnavailable', () => {
  const withCode = (code: string) => Object.assign(new Error('failed'), { code });

  it.each([
    ['a refused connection', withCode('ECONNREFUSED')],
    ['an aggregate of refused connections (IPv4 and IPv6)', new AggregateError([withCode('ECONNREFUSED')])],
    ['a pool that waited too long', new Error('timeout exceeded when trying to connect')],
    ['a frozen server', new Error('Query read timeout')],
    ['a dropped connection', new Error('Connection terminated unexpectedly')],
    ['statement_timeout', { driverError: withCode('57014') }],
    ['a server shutting down', { driverError: withCode('57P01') }],
    ['a server starting up', { driverError: withCode('57P03') }],
    ['a connection failure', { cause: withCode('08006') }],
  ])('says yes for %s', (_case, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', { driverError: withCode('23505') }],
    ['a syntax error', { driverError: withCode('42601') }],
    ['a plain bug', new TypeError('x is undefined')],
    ['nothing', undefined],
  ])('says no for %s', (_case, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
