import { VerifierUnavailableError } from '../errors.js';
import type { RateLimitInfo, VerifiedKeyInfo, VerifyCode } from '../types.js';

/** `data` of `POST /api/v1/keys/verify`, converted to camel case. */
export interface VerifyAnswer {
  code: VerifyCode;
  key: VerifiedKeyInfo | null;
  rateLimit: RateLimitInfo | null;
}

/** One entry of the answer of `POST /api/v1/keys/verify/usage`. */
export interface UsageAnswer {
  keyId: string;
  valid: boolean;
  rateLimit: RateLimitInfo | null;
}

const CODES: ReadonlySet<string> = new Set([
  'VALID',
  'INVALID',
  'INSUFFICIENT_SCOPE',
  'WORKSPACE_MISMATCH',
  'RATE_LIMITED',
]);

/** The three verify endpoints, over `fetch`, with the service token. */
export class VerifyApi {
  readonly #baseUrl: string;
  readonly #authorization: string;
  readonly #fetch: typeof fetch;
  readonly #timeoutMs: number;

  constructor(baseUrl: string, serviceToken: string, fetchImpl: typeof fetch, timeoutMs: number) {
    this.#baseUrl = baseUrl;
    this.#authorization = `Bearer ${serviceToken}`;
    this.#fetch = fetchImpl;
    this.#timeoutMs = timeoutMs;
  }

  /** The URL of an endpoint under the base URL (whose path prefix is kept). */
  url(path: string): string {
    return `${this.#baseUrl}${path}`;
  }

  get authorization(): string {
    return this.#authorization;
  }

  async verify(
    key: string,
    scopes: readonly string[],
    workspaceId?: string,
  ): Promise<VerifyAnswer> {
    const body: Record<string, unknown> = { key };
    if (scopes.length > 0) body.scopes = scopes;
    if (workspaceId !== undefined) body.workspace_id = workspaceId;
    const data = await this.#post('/api/v1/keys/verify', body);
    const answer = readVerifyData(data);
    if (answer === null) throw unexpected();
    return answer;
  }

  async usage(entries: readonly { key_id: string; count: number }[]): Promise<UsageAnswer[]> {
    const data = (await this.#post('/api/v1/keys/verify/usage', { usage: entries })) as {
      results?: unknown;
    } | null;
    if (!Array.isArray(data?.results)) throw unexpected();
    return data.results.map((result: unknown) => {
      const r = result as { key_id?: unknown; valid?: unknown; rate_limit?: unknown };
      if (typeof r?.key_id !== 'string' || typeof r.valid !== 'boolean') throw unexpected();
      return { keyId: r.key_id, valid: r.valid, rateLimit: readRateLimit(r.rate_limit) };
    });
  }

  async #post(path: string, body: unknown): Promise<unknown> {
    let response: Response;
    try {
      response = await this.#fetch(this.url(path), {
        method: 'POST',
        headers: { authorization: this.#authorization, 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
    } catch (error) {
      throw new VerifierUnavailableError(
        `The OnePin server at ${this.#baseUrl} cannot be reached.`,
        {
          cause: error,
        },
      );
    }
    let parsed: unknown;
    try {
      parsed = await response.json();
    } catch (error) {
      throw new VerifierUnavailableError(
        `The OnePin server at ${this.#baseUrl} answered ${response.status} without JSON.`,
        { cause: error },
      );
    }
    if (!response.ok) {
      const code = (parsed as { error?: { code?: unknown } } | null)?.error?.code;
      const refused =
        response.status === 401 ? ' (is the service token live? op_svc_… tokens only)' : '';
      throw new VerifierUnavailableError(
        `The OnePin server answered ${response.status} ${String(code ?? '')}${refused}.`,
      );
    }
    return (parsed as { data?: unknown } | null)?.data;
  }
}

function unexpected(): VerifierUnavailableError {
  return new VerifierUnavailableError('The OnePin server answered a verification unexpectedly.');
}

function readVerifyData(data: unknown): VerifyAnswer | null {
  const d = data as { code?: unknown; key?: unknown; rate_limit?: unknown } | null | undefined;
  if (typeof d?.code !== 'string' || !CODES.has(d.code)) return null;
  const code = d.code as VerifyCode;
  if (code === 'INVALID') return { code, key: null, rateLimit: null };
  const key = readKey(d.key);
  if (key === null) return null;
  return { code, key, rateLimit: readRateLimit(d.rate_limit) };
}

function readKey(value: unknown): VerifiedKeyInfo | null {
  const k = value as Record<string, unknown> | null | undefined;
  if (
    typeof k?.id !== 'string' ||
    typeof k.workspace_id !== 'string' ||
    !Array.isArray(k.scopes) ||
    (k.expires_at !== null && typeof k.expires_at !== 'string' && k.expires_at !== undefined)
  ) {
    return null;
  }
  return Object.freeze({
    id: k.id,
    name: typeof k.name === 'string' ? k.name : '',
    workspaceId: k.workspace_id,
    workspaceName: typeof k.workspace_name === 'string' ? k.workspace_name : '',
    keyType: k.key_type === 'test' ? 'test' : 'live',
    scopes: Object.freeze(k.scopes.filter((s): s is string => typeof s === 'string')),
    expiresAt: (k.expires_at as string | null | undefined) ?? null,
  });
}

function readRateLimit(value: unknown): RateLimitInfo | null {
  const r = value as Record<string, unknown> | null | undefined;
  if (
    typeof r?.limit !== 'number' ||
    typeof r.remaining !== 'number' ||
    typeof r.reset !== 'number'
  ) {
    return null;
  }
  return { limit: r.limit, remaining: r.remaining, reset: r.reset };
}
