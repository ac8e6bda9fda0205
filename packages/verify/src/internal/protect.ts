import { randomUUID } from 'node:crypto';
import { ERROR_CODES, type ErrorCode, type ErrorDetail } from '@onepin/core';
import { VerifierUnavailableError } from '../errors.js';
import type { OnePinPrincipal } from '../principal.js';
import type { RateLimitInfo, VerifiedKeyInfo, VerifyResult } from '../types.js';
import type { Verifier } from '../verifier.js';

/** The options every adapter takes. */
export interface ProtectOptionsBase {
  /** The scopes the route needs; `[]` lets any valid key in. */
  scopes: readonly string[];
  /** The key must belong to this workspace (else `X-Workspace-Id`, when sent, is checked). */
  workspaceId?: string;
}

/** What a route answers: the principal and its `X-RateLimit-*`, or a refusal to send. */
export type Decision =
  | { ok: true; principal: OnePinPrincipal; headers: Record<string, string> }
  | { ok: false; status: number; headers: Record<string, string>; body: ErrorEnvelope };

/** The OnePin server's error envelope (SPEC §5). */
export interface ErrorEnvelope {
  error: { code: ErrorCode; message: string; details?: ErrorDetail[] };
  meta: { request_id: string; timestamp: string };
}

const BEARER = /^Bearer +(\S+) *$/i;

/** The key of `Authorization: Bearer <key>`, as the OnePin server reads it. */
export function bearerKey(authorization: string | null | undefined): string | undefined {
  if (typeof authorization !== 'string') return undefined;
  return BEARER.exec(authorization)?.[1];
}

/**
 * Verifies the request's key and decides, with the OnePin server's own answers: 401
 * `INVALID_API_KEY` (+ `WWW-Authenticate`) for any bad or missing key, 429 `RATE_LIMITED`,
 * 403 `WORKSPACE_MISMATCH`, 403 `INSUFFICIENT_SCOPE` naming the scopes, and 503 when the
 * server cannot be asked about a key this process does not know.
 */
export async function decide(
  verifier: Verifier,
  key: string | null | undefined,
  workspaceHeader: string | null | undefined,
  options: ProtectOptionsBase,
): Promise<Decision> {
  if (typeof key !== 'string' || key === '') return invalidKey();
  let result: VerifyResult;
  try {
    result = await verifier.verify(key, {
      scopes: options.scopes,
      workspaceId: options.workspaceId ?? workspaceHeader ?? undefined,
    });
  } catch (error) {
    if (!(error instanceof VerifierUnavailableError)) throw error;
    return refusal(
      'SERVICE_UNAVAILABLE',
      'The key cannot be verified right now: the OnePin server is unreachable. Try again shortly.',
      { 'retry-after': '5' },
    );
  }
  const limits = rateLimitHeaders(result.rateLimit);
  switch (result.code) {
    case 'VALID': {
      // A route bound to one workspace still refuses a request that names another.
      const key = result.key as VerifiedKeyInfo;
      if (typeof workspaceHeader === 'string' && workspaceHeader !== key.workspaceId) {
        return refusal('WORKSPACE_MISMATCH', undefined, limits);
      }
      return { ok: true, principal: principalOf(key), headers: limits };
    }
    case 'INVALID':
      return invalidKey();
    case 'RATE_LIMITED': {
      const rate = result.rateLimit;
      const retryAfter = rate ? Math.max(1, rate.reset - Math.floor(Date.now() / 1000)) : 60;
      return refusal(
        'RATE_LIMITED',
        rate ? `Rate limit of ${rate.limit} requests per minute exceeded.` : undefined,
        { ...limits, 'retry-after': String(retryAfter) },
      );
    }
    case 'WORKSPACE_MISMATCH':
      return refusal('WORKSPACE_MISMATCH', undefined, limits);
    case 'INSUFFICIENT_SCOPE': {
      const missing = result.missingScopes;
      const message =
        missing.length === 1
          ? `This API key lacks the required scope: ${missing[0]}.`
          : `This API key lacks the required scopes: ${missing.join(', ')}.`;
      return refusal(
        'INSUFFICIENT_SCOPE',
        message,
        limits,
        missing.map((scope) => ({ field: 'scope', message: scope })),
      );
    }
  }
}

function invalidKey(): Decision {
  return refusal('INVALID_API_KEY', 'Invalid API key.', {
    'www-authenticate': 'Bearer realm="onepin"',
  });
}

function refusal(
  code: ErrorCode,
  message: string | undefined,
  headers: Record<string, string>,
  details?: ErrorDetail[],
): Decision {
  const requestId = randomUUID();
  return {
    ok: false,
    status: ERROR_CODES[code].status,
    headers: {
      ...headers,
      'content-type': 'application/json',
      'cache-control': 'no-store',
      'x-request-id': requestId,
    },
    body: {
      error: {
        code,
        message: message ?? ERROR_CODES[code].message,
        ...(details && { details }),
      },
      meta: { request_id: requestId, timestamp: new Date().toISOString() },
    },
  };
}

function rateLimitHeaders(rate: RateLimitInfo | null): Record<string, string> {
  if (rate === null) return {};
  return {
    'x-ratelimit-limit': String(rate.limit),
    'x-ratelimit-remaining': String(rate.remaining),
    'x-ratelimit-reset': String(rate.reset),
  };
}

// One principal per verified key, made on first use: a cached key's requests share it.
const principals = new WeakMap<VerifiedKeyInfo, OnePinPrincipal>();

function principalOf(key: VerifiedKeyInfo): OnePinPrincipal {
  let principal = principals.get(key);
  if (principal === undefined) {
    principal = Object.freeze({
      keyId: key.id,
      name: key.name,
      workspaceId: key.workspaceId,
      workspaceName: key.workspaceName,
      keyType: key.keyType,
      scopes: key.scopes,
      expiresAt: key.expiresAt,
    });
    principals.set(key, principal);
  }
  return principal;
}
