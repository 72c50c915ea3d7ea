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
  /**
   * FEED_LISTENER: whether feed polls are answered from memory kept current by LISTEN/NOTIFY
   * (a PostgreSQL server only). Unset: yes.
   */
  feedListener?: boolean;
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
  const read = new EnvReader(env);
  // In this order (spreads run left to right), so that the problem lines come out in the order
  // of the README's table.
  const port = read.integer('PORT', 3000, 0, 65535);
  const config: AppConfig = {
    port,
    ...readDatabase(read),
    ...readServer(read, port),
    ...readNotices(read),
    ...readPublicTraffic(read),
    ...readStorage(read),
  };
  if (read.problems.length > 0) throw new ConfigError(read.problems);
  return config;
}

type DatabaseConfig = Pick<
  AppConfig,
  | 'databaseUrl'
  | 'databasePoolSize'
  | 'databaseAcquireTimeoutMs'
  | 'databaseStatementTimeoutMs'
  | 'databaseStartupRetrySeconds'
>;

function readDatabase(read: EnvReader): DatabaseConfig {
  return {
    databaseUrl: read.url(
      'DATABASE_URL',
      ['postgres:', 'postgresql:'],
      'a postgres:// or postgresql:// URL with a host',
    ),
    databasePoolSize: read.integer('DATABASE_POOL_SIZE', 10, 1, 200),
    databaseAcquireTimeoutMs: read.integer('DATABASE_ACQUIRE_TIMEOUT_MS', 3000, 100, 600_000),
    databaseStatementTimeoutMs: read.integer('DATABASE_STATEMENT_TIMEOUT_MS', 4000, 100, 3_600_000),
    databaseStartupRetrySeconds: read.integer('DATABASE_STARTUP_RETRY_SECONDS', 30, 0, 3_600),
  };
}

type ServerConfig = Pick<AppConfig, 'adminToken' | 'publicBaseUrl' | 'logLevel' | 'queryCountHeader'>;

function readServer(read: EnvReader, port: number): ServerConfig {
  const adminToken = read.secret('ADMIN_TOKEN');
  const publicBaseUrl = (read.text('PUBLIC_BASE_URL') ?? `http://localhost:${port}`).replace(/\/+$/, '');
  if (!isUrlOf(publicBaseUrl, ['http:', 'https:'])) {
    read.problem(`PUBLIC_BASE_URL must be an http:// or https:// URL (got "${read.raw('PUBLIC_BASE_URL')}")`);
  }
  const logLevel = (read.text('LOG_LEVEL') ?? 'info').toLowerCase() as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    read.problem(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${read.raw('LOG_LEVEL')}")`);
  }
  return {
    adminToken,
    publicBaseUrl,
    logLevel,
    queryCountHeader: read.flag('QUORUM_QUERY_COUNT_HEADER', false),
  };
}

type NoticesConfig = Pick<
  AppConfig,
  'smtpUrl' | 'mailFrom' | 'noticeDelaySeconds' | 'inboundMailSecret' | 'noticeWorker'
>;

function readNotices(read: EnvReader): NoticesConfig {
  const smtpUrl = read.url('SMTP_URL', ['smtp:', 'smtps:'], 'an smtp:// or smtps:// URL with a host');
  const mailFrom = read.text('MAIL_FROM') ?? 'Quorum <quorum@localhost>';
  if (!isMailbox(mailFrom)) {
    read.problem(
      `MAIL_FROM must be an e-mail address, optionally as "Name <address>" (got "${read.raw('MAIL_FROM')}")`,
    );
  }
  return {
    smtpUrl,
    mailFrom,
    noticeDelaySeconds: read.integer('NOTICE_DELAY_SECONDS', 60, 0, 86_400),
    inboundMailSecret: read.secret('INBOUND_MAIL_SECRET'),
    noticeWorker: read.flag('NOTICE_WORKER', true),
  };
}

type PublicTrafficConfig = Pick<AppConfig, 'feedListener' | 'trustProxyHops' | 'publicFormRateLimit'>;

/** How polls and public requests are answered: feeds from memory, proxies trusted, forms limited. */
function readPublicTraffic(read: EnvReader): PublicTrafficConfig {
  const feedListener = read.optionalFlag('FEED_LISTENER');
  const trustProxyText = (read.text('TRUST_PROXY') ?? 'false').toLowerCase();
  const trustProxyHops =
    trustProxyText === 'true' ? 1 : trustProxyText === 'false' ? 0 : parseInteger(trustProxyText);
  if (trustProxyHops === undefined || trustProxyHops > 10) {
    read.problem(
      `TRUST_PROXY must be true, false or a number of proxies from 0 to 10 (got "${read.raw('TRUST_PROXY')}")`,
    );
  }
  return {
    feedListener,
    trustProxyHops: trustProxyHops ?? 0,
    publicFormRateLimit: read.integer('PUBLIC_FORM_RATE_LIMIT', 10, 1, 10_000),
  };
}

function readStorage(read: EnvReader): Pick<AppConfig, 'registrationRetentionDays' | 'dataDir'> {
  const registrationRetentionDays = read.integer('REGISTRATION_RETENTION_DAYS', 90, 1, 3650);
  const dataDirText = read.text('QUORUM_DATA_DIR') ?? './.quorum/db';
  return { registrationRetentionDays, dataDir: dataDirText === 'memory' ? 'memory' : resolve(dataDirText) };
}

/** Reads variables one kind at a time, collecting a problem line for each bad one. */
class EnvReader {
  readonly problems: string[] = [];

  constructor(private readonly env: NodeJS.ProcessEnv) {}

  problem(line: string): void {
    this.problems.push(line);
  }

  /** The value as set, for a problem line. */
  raw(name: string): string | undefined {
    return this.env[name];
  }

  /** The trimmed value; undefined when unset or blank. */
  text(name: string): string | undefined {
    const value = this.env[name]?.trim();
    return value === '' ? undefined : value;
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const value = parseInteger(this.text(name) ?? String(fallback));
    if (value !== undefined && value >= min && value <= max) return value;
    this.problem(`${name} must be an integer from ${min} to ${max} (got "${this.raw(name)}")`);
    return fallback;
  }

  flag(name: string, fallback: boolean): boolean {
    const value = (this.text(name) ?? String(fallback)).toLowerCase();
    if (value !== 'true' && value !== 'false') {
      this.problem(`${name} must be true or false (got "${this.raw(name)}")`);
    }
    return value === 'true';
  }

  /** An optional URL with one of `protocols` and a host. */
  url(name: string, protocols: string[], what: string): string | undefined {
    const value = this.text(name);
    if (value !== undefined && !isUrlOf(value, protocols)) this.problem(`${name} must be ${what}`);
    return value;
  }

  /** A flag that may be left unset, for a default that depends on the rest of the configuration. */
  optionalFlag(name: string): boolean | undefined {
    return this.text(name) === undefined ? undefined : this.flag(name, false);
  }

  /** A shared secret: unset, or at least 16 characters. */
  secret(name: string): string | undefined {
    const value = this.text(name);
    if (value !== undefined && value.length < 16) this.problem(`${name} must be at least 16 characters long`);
    return value;
  }
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
