import { resolve } from 'node:path';
import { ConfigError, loadConfig } from './app-config.js';

describe('loadConfig', () => {
  it('gives the documented defaults for an empty environment', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      databaseUrl: undefined,
      dataDir: resolve('./.quorum/db'),
      adminToken: undefined,
      publicBaseUrl: 'http://localhost:3000',
      logLevel: 'info',
      databasePoolSize: 10,
      queryCountHeader: false,
      trustProxyHops: 0,
      publicFormRateLimit: 10,
    });
  });

  it('reads every variable', () => {
    expect(
      loadConfig({
        PORT: '8080',
        DATABASE_URL: 'postgres://quorum:secret@db:5432/quorum',
        DATABASE_POOL_SIZE: '20',
        QUORUM_DATA_DIR: 'memory',
        ADMIN_TOKEN: 'a-long-enough-admin-token',
        PUBLIC_BASE_URL: 'https://quorum.example.org/',
        LOG_LEVEL: 'warn',
        QUORUM_QUERY_COUNT_HEADER: 'true',
        TRUST_PROXY: '2',
        PUBLIC_FORM_RATE_LIMIT: '30',
      }),
    ).toEqual({
      port: 8080,
      databaseUrl: 'postgres://quorum:secret@db:5432/quorum',
      databasePoolSize: 20,
      dataDir: 'memory',
      adminToken: 'a-long-enough-admin-token',
      publicBaseUrl: 'https://quorum.example.org',
      logLevel: 'warn',
      queryCountHeader: true,
      trustProxyHops: 2,
      publicFormRateLimit: 30,
    });
  });

  it('reports every bad value, one line each', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://db/quorum',
        ADMIN_TOKEN: 'short',
        PUBLIC_BASE_URL: 'quorum.example.org',
        LOG_LEVEL: 'loud',
        DATABASE_POOL_SIZE: '0',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'PORT must be an integer from 0 to 65535 (got "eighty")',
      'DATABASE_URL must be a postgres:// or postgresql:// URL with a host',
      'DATABASE_POOL_SIZE must be an integer from 1 to 200 (got "0")',
      'ADMIN_TOKEN must be at least 16 characters long',
      'PUBLIC_BASE_URL must be an http:// or https:// URL (got "quorum.example.org")',
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "loud")',
    ]);
  });

  it('refuses a TRUST_PROXY or PUBLIC_FORM_RATE_LIMIT it cannot read', () => {
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxyHops).toBe(1);
    let error: unknown;
    try {
      loadConfig({ TRUST_PROXY: 'sometimes', PUBLIC_FORM_RATE_LIMIT: '0' });
    } catch (caught) {
      error = caught;
    }
    expect((error as ConfigError).problems).toEqual([
      'TRUST_PROXY must be true, false or a number of proxies from 0 to 10 (got "sometimes")',
      'PUBLIC_FORM_RATE_LIMIT must be an integer from 1 to 10000 (got "0")',
    ]);
  });
});
