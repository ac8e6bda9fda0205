import {
  diagnoseApiKey,
  keyPreview,
  parseApiKey,
  parseServiceToken,
  SERVICE_TOKEN_PREFIX,
} from '@onepin/core';
import { OnePinConfigurationError } from '../errors.js';

export const DEFAULT_BASE_URL = 'http://127.0.0.1:8000';
export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_MAX_RETRIES = 2;

// Messages never contain the token, not even part of it: a wrong value may be another secret.
const TOKEN_PROBLEMS = {
  prefix: 'The token is not a OnePin API key: it must start with op_live_ or op_test_.',
  format:
    'The token is not a well-formed OnePin API key: expected op_live_ or op_test_ and 32 letters or digits (check for spaces, quotes or a line break).',
  checksum:
    "The token's checksum does not match: the key was mistyped or cut short. Copy it again.",
  serviceToken:
    'The token is not a valid OnePin service token: expected op_svc_ and 32 letters or digits with a matching checksum (check for spaces, quotes or a line break, or copy it again).',
} as const;

/** The parts of a checked token that may be shown. */
export interface CheckedToken {
  readonly prefix: string;
  readonly suffix: string;
}

/**
 * Checks a token locally (prefix, shape, checksum) before it is ever sent: an API key
 * (`op_live_…`, `op_test_…`) or a service token (`op_svc_…`, for the verify API).
 */
export function checkToken(token: unknown): CheckedToken {
  if (token === undefined || token === null || token === '') {
    throw new OnePinConfigurationError(
      'Missing token. Pass an API key, e.g. new OnePinClient({ token: process.env.ONEPIN_API_KEY }).',
    );
  }
  if (typeof token !== 'string') {
    throw new OnePinConfigurationError('The token must be a string (an op_live_… API key).');
  }
  if (token.startsWith(SERVICE_TOKEN_PREFIX)) {
    const service = parseServiceToken(token);
    if (service) return service;
    throw new OnePinConfigurationError(TOKEN_PROBLEMS.serviceToken);
  }
  const parsed = parseApiKey(token);
  if (parsed) return parsed;
  throw new OnePinConfigurationError(TOKEN_PROBLEMS[diagnoseApiKey(token) ?? 'format']);
}

/** The form of a token that is safe to show: `op_live_…AbCd`, `op_svc_…AbCd`. */
export function maskToken(parsed: CheckedToken): string {
  return keyPreview(parsed.prefix, parsed.suffix);
}

/**
 * The base URL without a trailing slash. Only http(s), no credentials, query or fragment;
 * a path prefix (`https://example.com/onepin`) is kept. Empty means the default.
 */
export function normalizeBaseUrl(value: string | undefined | null): string {
  if (value === undefined || value === null || value === '') return DEFAULT_BASE_URL;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new OnePinConfigurationError(
      'baseUrl is not a valid URL (expected http:// or https://).',
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new OnePinConfigurationError(
      `baseUrl must use http or https, not ${url.protocol.slice(0, -1)}.`,
    );
  }
  if (url.username || url.password) {
    throw new OnePinConfigurationError(
      'baseUrl must not contain a user name or password: the token authenticates.',
    );
  }
  if (url.search || url.hash) {
    throw new OnePinConfigurationError('baseUrl must not have a query string or fragment.');
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** A whole number of milliseconds ≥ 1, or the default. */
export function checkTimeout(value: number | undefined, name = 'timeoutMs'): number {
  if (value === undefined) return DEFAULT_TIMEOUT_MS;
  if (!Number.isFinite(value) || value < 1) {
    throw new OnePinConfigurationError(`${name} must be a positive number of milliseconds.`);
  }
  return value;
}

/** A whole number ≥ 0, or the default. */
export function checkMaxRetries(value: number | undefined): number {
  if (value === undefined) return DEFAULT_MAX_RETRIES;
  if (!Number.isInteger(value) || value < 0) {
    throw new OnePinConfigurationError('maxRetries must be a whole number ≥ 0.');
  }
  return value;
}

/** A workspace id to send as `X-Workspace-Id`, or `undefined` for the key's own workspace. */
export function checkWorkspaceId(value: string | undefined | null): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string' || !/^[\x21-\x7e]{1,200}$/.test(value)) {
    throw new OnePinConfigurationError('workspaceId must be a workspace id such as a UUID.');
  }
  return value;
}
