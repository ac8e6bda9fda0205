import { resolve } from 'node:path';
import { BUILT_IN_SCOPE_CATALOGUE, type ScopeCatalogue } from '@onepin/core';
import { ConfigError } from './config-error.js';
import { readScopesFile } from './scopes-file.js';

/** Server settings, read once from `ONEPIN_*` variables, validated and frozen (SPEC §1). */
export interface ServerConfig {
  readonly host: string;
  readonly port: number;
  readonly dataDir: string;
  readonly databaseUrl: string;
  readonly redisUrl: string | undefined;
  readonly publicUrl: string;
  readonly logLevel: LogLevel;
  /** Requests per minute for keys without their own `rate_limit_per_min`. */
  readonly defaultRateLimitPerMin: number;
  /** Failed key authentications per client address per minute before it gets 429s. */
  readonly failedAuthLimitPerMin: number;
  /** Take the client address from `X-Forwarded-For` (behind a trusted reverse proxy). */
  readonly trustProxy: boolean;
  /** How long a verified key may be served from memory before the database is asked again:
   * the safety net behind cross-node invalidation. */
  readonly keyCacheTtlMs: number;
  /** Prefix of every Redis key and channel, so several deployments can share one Redis. */
  readonly redisPrefix: string;
  /** How long a graceful shutdown waits for in-flight requests before closing them. */
  readonly shutdownTimeoutMs: number;
  /** How long a client may take to send a whole request, body included (slow clients are cut
   * off); uploads must arrive within it. */
  readonly requestTimeoutMs: number;
  /**
   * `ONEPIN_SECRET`: key material for signed upload URLs (and other server-side signatures).
   * When unset, the server keeps a generated secret in `<dataDir>/secret` (see server-secret.ts).
   */
  readonly secret: string | undefined;
  /** The largest upload the server accepts, in bytes. */
  readonly uploadMaxBytes: number;
  /** Where upload bytes are stored: `<dataDir>/blobs`. */
  readonly blobDir: string;
  /** `ONEPIN_WEBHOOKS_ALLOW_PRIVATE`: deliver to private, loopback and link-local addresses too. */
  readonly webhooksAllowPrivate: boolean;
  /** `ONEPIN_WEBHOOK_TIMEOUT_SECONDS`: the deadline of one delivery attempt. */
  readonly webhookTimeoutMs: number;
  /** `ONEPIN_SECRET_SCANNING_KEYS_FILE`: GitHub's secret-scanning public keys; unset = the
   * partner endpoint answers 401 to everything. */
  readonly secretScanningKeysFile: string | undefined;
  /** `ONEPIN_SECRET_SCANNING_ACTION`: what a GitHub report does to a live key. */
  readonly secretScanningAction: 'revoke' | 'notify';
  /** `ONEPIN_PUBLIC_REVOCATION_LIMIT_PER_MIN`: public revocation requests per address. */
  readonly publicRevocationLimitPerMin: number;
  /** `ONEPIN_SCOPES_FILE`: the operator's own scopes, if any (scopes-file.ts). */
  readonly scopesFile: string | undefined;
  /** The built-in scopes plus those of `scopesFile`, read once at start. */
  readonly scopes: ScopeCatalogue;
}

/** 50 MiB: the default upload size limit (SPEC §5). */
export const DEFAULT_UPLOAD_MAX_BYTES = 50 * 1024 * 1024;
/** Uploads above 1 TiB would need a multipart protocol this server does not speak. */
const UPLOAD_MAX_BYTES_CEILING = 1024 ** 4;
const SECRET_MIN_LENGTH = 32;

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export { ConfigError };

type Env = Readonly<Record<string, string | undefined>>;

function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === '' ? undefined : value;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function url(name: string, raw: string, protocols: readonly string[]): string {
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a valid URL: "${redactUrl(raw)}"`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(`${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')}`);
  }
  return raw;
}

/** Hides a password in a connection URL before it goes into a message. */
export function redactUrl(raw: string): string {
  return raw.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@');
}

function databaseUrl(env: Env, dataDir: string): string {
  const raw = read(env, 'ONEPIN_DATABASE_URL');
  if (raw === undefined) return resolve(dataDir, 'onepin.db');
  if (/^postgres(ql)?:/i.test(raw))
    return url('ONEPIN_DATABASE_URL', raw, ['postgres:', 'postgresql:']);
  if (/^sqlite:/i.test(raw)) return resolve(raw.replace(/^sqlite:(\/\/)?/i, ''));
  throw new ConfigError(
    'ONEPIN_DATABASE_URL must be a postgres:// URL or sqlite:PATH (leave it unset for SQLite under ONEPIN_DATA_DIR)',
  );
}

function redisPrefix(env: Env): string {
  const raw = read(env, 'ONEPIN_REDIS_PREFIX') ?? 'onepin:';
  if (!/^[A-Za-z0-9:_.-]{1,64}$/.test(raw)) {
    throw new ConfigError(
      `ONEPIN_REDIS_PREFIX must be 1 to 64 characters of A-Z a-z 0-9 : _ . -, got "${raw}"`,
    );
  }
  return raw;
}

/** Reads and validates the configuration; throws `ConfigError` with a one-line message. */
export function readConfig(env: Env = process.env): ServerConfig {
  const host = read(env, 'ONEPIN_HOST') ?? '127.0.0.1';
  const port = integer(env, 'ONEPIN_PORT', 8000, 0, 65535);
  const dataDir = resolve(read(env, 'ONEPIN_DATA_DIR') ?? 'data');
  const redisRaw = read(env, 'ONEPIN_REDIS_URL');
  const publicRaw = read(env, 'ONEPIN_PUBLIC_URL');
  const logLevel = (read(env, 'ONEPIN_LOG_LEVEL') ?? 'info').toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    throw new ConfigError(
      `ONEPIN_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`,
    );
  }
  const trustProxy = read(env, 'ONEPIN_TRUST_PROXY') ?? 'false';
  if (trustProxy !== 'true' && trustProxy !== 'false') {
    throw new ConfigError(`ONEPIN_TRUST_PROXY must be true or false, got "${trustProxy}"`);
  }
  const secret = read(env, 'ONEPIN_SECRET');
  if (secret !== undefined && (secret.length < SECRET_MIN_LENGTH || secret.length > 1024)) {
    // Never echo the value: it is a secret, even when it is a bad one.
    throw new ConfigError(
      `ONEPIN_SECRET must be ${SECRET_MIN_LENGTH} to 1024 characters (e.g. \`openssl rand -hex 32\`), got ${secret.length}`,
    );
  }
  const allowPrivate = read(env, 'ONEPIN_WEBHOOKS_ALLOW_PRIVATE') ?? 'false';
  if (allowPrivate !== 'true' && allowPrivate !== 'false') {
    throw new ConfigError(
      `ONEPIN_WEBHOOKS_ALLOW_PRIVATE must be true or false, got "${allowPrivate}"`,
    );
  }
  const scanningAction = read(env, 'ONEPIN_SECRET_SCANNING_ACTION') ?? 'revoke';
  if (scanningAction !== 'revoke' && scanningAction !== 'notify') {
    throw new ConfigError(
      `ONEPIN_SECRET_SCANNING_ACTION must be revoke or notify, got "${scanningAction}"`,
    );
  }
  const keysFile = read(env, 'ONEPIN_SECRET_SCANNING_KEYS_FILE');
  const scopesFile = read(env, 'ONEPIN_SCOPES_FILE');
  const displayHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  const publicUrl = publicRaw
    ? url('ONEPIN_PUBLIC_URL', publicRaw, ['http:', 'https:']).replace(/\/+$/, '')
    : `http://${displayHost.includes(':') ? `[${displayHost}]` : displayHost}:${port}`;
  return Object.freeze({
    host,
    port,
    dataDir,
    databaseUrl: databaseUrl(env, dataDir),
    redisUrl: redisRaw && url('ONEPIN_REDIS_URL', redisRaw, ['redis:', 'rediss:']),
    publicUrl,
    logLevel: logLevel as LogLevel,
    defaultRateLimitPerMin: integer(env, 'ONEPIN_RATE_LIMIT_PER_MIN', 600, 1, 1_000_000),
    failedAuthLimitPerMin: integer(env, 'ONEPIN_FAILED_AUTH_LIMIT_PER_MIN', 30, 1, 1_000_000),
    trustProxy: trustProxy === 'true',
    keyCacheTtlMs: integer(env, 'ONEPIN_KEY_CACHE_TTL_SECONDS', 30, 1, 3600) * 1000,
    redisPrefix: redisPrefix(env),
    shutdownTimeoutMs: integer(env, 'ONEPIN_SHUTDOWN_TIMEOUT_SECONDS', 10, 0, 600) * 1000,
    requestTimeoutMs: integer(env, 'ONEPIN_REQUEST_TIMEOUT_SECONDS', 300, 1, 86_400) * 1000,
    secret,
    blobDir: resolve(dataDir, 'blobs'),
    uploadMaxBytes: integer(
      env,
      'ONEPIN_UPLOAD_MAX_BYTES',
      DEFAULT_UPLOAD_MAX_BYTES,
      1,
      UPLOAD_MAX_BYTES_CEILING,
    ),
    webhooksAllowPrivate: allowPrivate === 'true',
    webhookTimeoutMs: integer(env, 'ONEPIN_WEBHOOK_TIMEOUT_SECONDS', 10, 1, 60) * 1000,
    secretScanningKeysFile: keysFile === undefined ? undefined : resolve(keysFile),
    secretScanningAction: scanningAction,
    publicRevocationLimitPerMin: integer(
      env,
      'ONEPIN_PUBLIC_REVOCATION_LIMIT_PER_MIN',
      10,
      1,
      10_000,
    ),
    scopesFile: scopesFile === undefined ? undefined : resolve(scopesFile),
    scopes:
      scopesFile === undefined ? BUILT_IN_SCOPE_CATALOGUE : readScopesFile(resolve(scopesFile)),
  });
}
