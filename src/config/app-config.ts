import { resolve } from 'node:path';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface AppConfig {
  port: number;
  /** A PostgreSQL server; when absent, the embedded database is used. */
  databaseUrl?: string;
  /** Embedded database directory, or `memory` for a throwaway database. */
  dataDir: string;
  /**
   * An in-memory embedded database starts from this data-directory tarball instead of an
   * empty one (the tests' migrated snapshot); not read from the environment.
   */
  embeddedSnapshot?: string;
  adminToken?: string;
  /** Base of the links the API hands out (feed URLs), without a trailing slash. */
  publicBaseUrl: string;
  logLevel: LogLevel;
  databasePoolSize: number;
  /** DATABASE_ACQUIRE_TIMEOUT_MS: longest wait for a database connection (default 3000). */
  databaseAcquireTimeoutMs?: number;
  /** DATABASE_STATEMENT_TIMEOUT_MS: longest a statement may run (default 4000). */
  databaseStatementTimeoutMs?: number;
  /** DATABASE_STARTUP_RETRY_SECONDS: how long start-up keeps trying to reach the database (default 30). */
  databaseStartupRetrySeconds?: number;
  /** Diagnostics: answer with X-Query-Count (the benchmark turns it on). */
  queryCountHeader: boolean;
  /** Notices go out over this SMTP relay (`smtp://` or `smtps://user:pass@host:port`); unset: kept unsent. */
  smtpUrl?: string;
  /** The From address of notices, and the secretariat address where a committee sets none. */
  mailFrom: string;
  /** How long a notice waits, so that quick successive edits send one message. */
  noticeDelaySeconds: number;
  /** Bearer secret of POST /api/v1/inbound-mail; unset: the endpoint refuses every message. */
  inboundMailSecret?: string;
  /** Whether this instance runs the notice worker (any number of instances may). */
  noticeWorker: boolean;
  /** How many proxies in front add to X-Forwarded-For (0: the header is ignored). TRUST_PROXY. */
  trustProxyHops?: number;
  /** Public form posts (portal sign-in) per minute, per client address and per e-mail address. */
  publicFormRateLimit?: number;
  /** Days after which cancelled and rejected registrations lose their personal data (default 90). */
  registrationRetentionDays?: number;
}

const LOG_LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

/** Reads and checks the environment once; every problem is reported, one line each. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems: string[] = [];
  const text = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === '' ? undefined : value;
  };

  const port = parseInteger(text('PORT') ?? '3000');
  if (port === undefined || port < 0 || port > 65535) {
    problems.push(`PORT must be an integer from 0 to 65535 (got "${env.PORT}")`);
  }

  const databaseUrl = text('DATABASE_URL');
  if (databaseUrl !== undefined && !isUrlOf(databaseUrl, ['postgres:', 'postgresql:'])) {
    problems.push('DATABASE_URL must be a postgres:// or postgresql:// URL with a host');
  }

  const poolSize = parseInteger(text('DATABASE_POOL_SIZE') ?? '10');
  if (poolSize === undefined || poolSize < 1 || poolSize > 200) {
    problems.push(`DATABASE_POOL_SIZE must be an integer from 1 to 200 (got "${env.DATABASE_POOL_SIZE}")`);
  }

  const durations = {
    databaseAcquireTimeoutMs: ['DATABASE_ACQUIRE_TIMEOUT_MS', '3000', 100, 600_000],
    databaseStatementTimeoutMs: ['DATABASE_STATEMENT_TIMEOUT_MS', '4000', 100, 3_600_000],
    databaseStartupRetrySeconds: ['DATABASE_STARTUP_RETRY_SECONDS', '30', 0, 3_600],
  } as const;
  const timeouts: Record<keyof typeof durations, number> = {
    databaseAcquireTimeoutMs: 0,
    databaseStatementTimeoutMs: 0,
    databaseStartupRetrySeconds: 0,
  };
  for (const [field, [name, fallback, min, max]] of Object.entries(durations)) {
    const value = parseInteger(text(name) ?? fallback);
    if (value === undefined || value < min || value > max) {
      problems.push(`${name} must be an integer from ${min} to ${max} (got "${env[name]}")`);
    } else timeouts[field as keyof typeof durations] = value;
  }

  const adminToken = text('ADMIN_TOKEN');
  if (adminToken !== undefined && adminToken.length < 16) {
    problems.push('ADMIN_TOKEN must be at least 16 characters long');
  }

  const publicBaseUrl = (text('PUBLIC_BASE_URL') ?? `http://localhost:${port ?? 3000}`).replace(/\/+$/, '');
  if (!isUrlOf(publicBaseUrl, ['http:', 'https:'])) {
    problems.push(`PUBLIC_BASE_URL must be an http:// or https:// URL (got "${env.PUBLIC_BASE_URL}")`);
  }

  const logLevel = (text('LOG_LEVEL') ?? 'info').toLowerCase() as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${env.LOG_LEVEL}")`);
  }

  const queryCountText = (text('QUORUM_QUERY_COUNT_HEADER') ?? 'false').toLowerCase();
  if (!['true', 'false'].includes(queryCountText)) {
    problems.push(`QUORUM_QUERY_COUNT_HEADER must be true or false (got "${env.QUORUM_QUERY_COUNT_HEADER}")`);
  }

  const smtpUrl = text('SMTP_URL');
  if (smtpUrl !== undefined && !isUrlOf(smtpUrl, ['smtp:', 'smtps:'])) {
    problems.push('SMTP_URL must be an smtp:// or smtps:// URL with a host');
  }

  const mailFrom = text('MAIL_FROM') ?? 'Quorum <quorum@localhost>';
  if (!isMailbox(mailFrom)) {
    problems.push(
      `MAIL_FROM must be an e-mail address, optionally as "Name <address>" (got "${env.MAIL_FROM}")`,
    );
  }

  const noticeDelay = parseInteger(text('NOTICE_DELAY_SECONDS') ?? '60');
  if (noticeDelay === undefined || noticeDelay > 86_400) {
    problems.push(
      `NOTICE_DELAY_SECONDS must be an integer from 0 to 86400 (got "${env.NOTICE_DELAY_SECONDS}")`,
    );
  }

  const inboundMailSecret = text('INBOUND_MAIL_SECRET');
  if (inboundMailSecret !== undefined && inboundMailSecret.length < 16) {
    problems.push('INBOUND_MAIL_SECRET must be at least 16 characters long');
  }

  const noticeWorkerText = (text('NOTICE_WORKER') ?? 'true').toLowerCase();
  if (!['true', 'false'].includes(noticeWorkerText)) {
    problems.push(`NOTICE_WORKER must be true or false (got "${env.NOTICE_WORKER}")`);
  }

  const trustProxyText = (text('TRUST_PROXY') ?? 'false').toLowerCase();
  const trustProxyHops =
    trustProxyText === 'true' ? 1 : trustProxyText === 'false' ? 0 : parseInteger(trustProxyText);
  if (trustProxyHops === undefined || trustProxyHops > 10) {
    problems.push(
      `TRUST_PROXY must be true, false or a number of proxies from 0 to 10 (got "${env.TRUST_PROXY}")`,
    );
  }

  const formLimit = parseInteger(text('PUBLIC_FORM_RATE_LIMIT') ?? '10');
  if (formLimit === undefined || formLimit < 1 || formLimit > 10_000) {
    problems.push(
      `PUBLIC_FORM_RATE_LIMIT must be an integer from 1 to 10000 (got "${env.PUBLIC_FORM_RATE_LIMIT}")`,
    );
  }

  const retentionDays = parseInteger(text('REGISTRATION_RETENTION_DAYS') ?? '90');
  if (retentionDays === undefined || retentionDays < 1 || retentionDays > 3650) {
    problems.push(
      `REGISTRATION_RETENTION_DAYS must be an integer from 1 to 3650 (got "${env.REGISTRATION_RETENTION_DAYS}")`,
    );
  }

  const dataDirText = text('QUORUM_DATA_DIR') ?? './.quorum/db';
  const dataDir = dataDirText === 'memory' ? 'memory' : resolve(dataDirText);

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    port: port!,
    databaseUrl,
    dataDir,
    adminToken,
    publicBaseUrl,
    logLevel,
    databasePoolSize: poolSize!,
    ...timeouts,
    queryCountHeader: queryCountText === 'true',
    smtpUrl,
    mailFrom,
    noticeDelaySeconds: noticeDelay!,
    inboundMailSecret,
    noticeWorker: noticeWorkerText === 'true',
    trustProxyHops: trustProxyHops!,
    publicFormRateLimit: formLimit!,
    registrationRetentionDays: retentionDays!,
  };
}

function parseInteger(value: string): number | undefined {
  return /^\d+$/.test(value) ? Number(value) : undefined;
}

/** A URL of one of `protocols`, with a host. */
function isUrlOf(value: string, protocols: string[]): boolean {
  try {
    const url = new URL(value);
    return protocols.includes(url.protocol) && url.hostname !== '';
  } catch {
    return false;
  }
}

/** `someone@host` or `Name <someone@host>`. */
export function isMailbox(value: string): boolean {
  return /^(?:[^<>]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/.test(value);
}

/** The bare address of `Name <someone@host>`. */
export function mailboxAddress(value: string): string {
  return /<([^>]+)>/.exec(value)?.[1] ?? value;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
