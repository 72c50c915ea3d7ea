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
      databaseAcquireTimeoutMs: 3000,
      databaseStatementTimeoutMs: 4000,
      databaseStartupRetrySeconds: 30,
      queryCountHeader: false,
      smtpUrl: undefined,
      mailFrom: 'Quorum <quorum@localhost>',
      noticeDelaySeconds: 60,
      inboundMailSecret: undefined,
      noticeWorker: true,
      trustProxyHops: 0,
      publicFormRateLimit: 10,
      registrationRetentionDays: 90,
    });
  });

  it('reads every variable', () => {
    expect(
      loadConfig({
        PORT: '8080',
        DATABASE_URL: 'postgres://quorum:secret@db:5432/quorum',
        DATABASE_POOL_SIZE: '20',
        DATABASE_ACQUIRE_TIMEOUT_MS: '1500',
        DATABASE_STATEMENT_TIMEOUT_MS: '10000',
        DATABASE_STARTUP_RETRY_SECONDS: '0',
        QUORUM_DATA_DIR: 'memory',
        ADMIN_TOKEN: 'a-long-enough-admin-token',
        PUBLIC_BASE_URL: 'https://quorum.example.org/',
        LOG_LEVEL: 'warn',
        QUORUM_QUERY_COUNT_HEADER: 'true',
        SMTP_URL: 'smtps://relay:secret@mail.example.org:465',
        MAIL_FROM: 'JEC Secretariat <jec@example.org>',
        NOTICE_DELAY_SECONDS: '0',
        INBOUND_MAIL_SECRET: 'a-long-enough-inbound-secret',
        NOTICE_WORKER: 'false',
        TRUST_PROXY: '2',
        PUBLIC_FORM_RATE_LIMIT: '30',
        REGISTRATION_RETENTION_DAYS: '30',
      }),
    ).toEqual({
      port: 8080,
      databaseUrl: 'postgres://quorum:secret@db:5432/quorum',
      databasePoolSize: 20,
      databaseAcquireTimeoutMs: 1500,
      databaseStatementTimeoutMs: 10000,
      databaseStartupRetrySeconds: 0,
      dataDir: 'memory',
      adminToken: 'a-long-enough-admin-token',
      publicBaseUrl: 'https://quorum.example.org',
      logLevel: 'warn',
      queryCountHeader: true,
      smtpUrl: 'smtps://relay:secret@mail.example.org:465',
      mailFrom: 'JEC Secretariat <jec@example.org>',
      noticeDelaySeconds: 0,
      inboundMailSecret: 'a-long-enough-inbound-secret',
      noticeWorker: false,
      trustProxyHops: 2,
      publicFormRateLimit: 30,
      registrationRetentionDays: 30,
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
        DATABASE_STATEMENT_TIMEOUT_MS: 'soon',
        SMTP_URL: 'http://mail.example.org',
        MAIL_FROM: 'nobody',
        NOTICE_DELAY_SECONDS: '-5',
        INBOUND_MAIL_SECRET: 'short',
        NOTICE_WORKER: 'sometimes',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'PORT must be an integer from 0 to 65535 (got "eighty")',
      'DATABASE_URL must be a postgres:// or postgresql:// URL with a host',
      'DATABASE_POOL_SIZE must be an integer from 1 to 200 (got "0")',
      'DATABASE_STATEMENT_TIMEOUT_MS must be an integer from 100 to 3600000 (got "soon")',
      'ADMIN_TOKEN must be at least 16 characters long',
      'PUBLIC_BASE_URL must be an http:// or https:// URL (got "quorum.example.org")',
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "loud")',
      'SMTP_URL must be an smtp:// or smtps:// URL with a host',
      'MAIL_FROM must be an e-mail address, optionally as "Name <address>" (got "nobody")',
      'NOTICE_DELAY_SECONDS must be an integer from 0 to 86400 (got "-5")',
      'INBOUND_MAIL_SECRET must be at least 16 characters long',
      'NOTICE_WORKER must be true or false (got "sometimes")',
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

  it('keeps registrations 90 days unless REGISTRATION_RETENTION_DAYS says otherwise, and refuses nonsense', () => {
    expect(loadConfig({}).registrationRetentionDays).toBe(90);
    expect(() => loadConfig({ REGISTRATION_RETENTION_DAYS: '0' })).toThrow(
      'REGISTRATION_RETENTION_DAYS must be an integer from 1 to 3650 (got "0")',
    );
    expect(() => loadConfig({ REGISTRATION_RETENTION_DAYS: 'forever' })).toThrow(
      'REGISTRATION_RETENTION_DAYS must be an integer from 1 to 3650 (got "forever")',
    );
  });
});
