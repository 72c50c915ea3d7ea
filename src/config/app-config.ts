import { resolve } from 'node:path';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface AppConfig {
  port: number;
  /** A PostgreSQL server; when absent, the embedded database is used. */
  databaseUrl?: string;
  /** Embedded database directory, or `memory` for a throwaway database. */
  dataDir: string;
  adminToken?: string;
  /** Base of the links the API hands out (feed URLs), without a trailing slash. */
  publicBaseUrl: string;
  logLevel: LogLevel;
  databasePoolSize: number;
  /** Diagnostics: answer with X-Query-Count (the benchmark turns it on). */
  queryCountHeader: boolean;
  /** How many proxies in front add to X-Forwarded-For (0: the header is ignored). TRUST_PROXY. */
  trustProxyHops?: number;
  /** Public form posts (portal sign-in) per minute, per client address and per e-mail address. */
  publicFormRateLimit?: number;
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
  if (databaseUrl !== undefined && !isPostgresUrl(databaseUrl)) {
    problems.push('DATABASE_URL must be a postgres:// or postgresql:// URL with a host');
  }

  const poolSize = parseInteger(text('DATABASE_POOL_SIZE') ?? '10');
  if (poolSize === undefined || poolSize < 1 || poolSize > 200) {
    problems.push(`DATABASE_POOL_SIZE must be an integer from 1 to 200 (got "${env.DATABASE_POOL_SIZE}")`);
  }

  const adminToken = text('ADMIN_TOKEN');
  if (adminToken !== undefined && adminToken.length < 16) {
    problems.push('ADMIN_TOKEN must be at least 16 characters long');
  }

  const publicBaseUrl = (text('PUBLIC_BASE_URL') ?? `http://localhost:${port ?? 3000}`).replace(/\/+$/, '');
  if (!isHttpUrl(publicBaseUrl)) {
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
    queryCountHeader: queryCountText === 'true',
    trustProxyHops: trustProxyHops!,
    publicFormRateLimit: formLimit!,
  };
}

function parseInteger(value: string): number | undefined {
  return /^\d+$/.test(value) ? Number(value) : undefined;
}

function isPostgresUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.hostname !== '';
  } catch {
    return false;
  }
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

export const APP_CONFIG = Symbol('APP_CONFIG');
