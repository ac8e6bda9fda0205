import type { components } from '../generated/openapi.js';
import type { RequestOptions } from '../internal/transport.js';
import { APIResource } from '../resource.js';

/** The verdict on one key: `valid` only for `code: 'VALID'`; `key` and `rate_limit` are null
 * for `INVALID`. */
export type VerifyResult = components['schemas']['VerifyResult'];
/** `VALID`, `INVALID`, `INSUFFICIENT_SCOPE`, `WORKSPACE_MISMATCH` or `RATE_LIMITED`. */
export type VerifyCode = components['schemas']['VerifyCode'];

/** One key to verify: the key as presented, and optionally what it must hold. */
export interface VerifyParams {
  key: string;
  /** Scopes the key must all hold (`missing_scopes` lists those it lacks). */
  scopes?: readonly string[];
  /** The workspace the key must belong to. */
  workspaceId?: string;
}

function body({ key, scopes, workspaceId }: VerifyParams) {
  return {
    key,
    ...(scopes !== undefined && { scopes: [...scopes] }),
    ...(workspaceId !== undefined && { workspace_id: workspaceId }),
  };
}

/**
 * `client.keys`: the verify API, for your own services. The client's token must be a service
 * token (`op_svc_…`, made by an instance admin); an API key gets `AuthenticationError` (401).
 */
export class Keys extends APIResource {
  /**
   * Whether a key your service received may be used (one request of the key's rate limit).
   *
   * @example
   * const result = await client.keys.verify({ key: presented, scopes: ['orders:read'] });
   * if (!result.valid) return reply(result.code === 'RATE_LIMITED' ? 429 : 401);
   */
  async verify(params: VerifyParams, options?: RequestOptions): Promise<VerifyResult> {
    return this._data({ method: 'POST', path: '/api/v1/keys/verify', json: body(params) }, options);
  }

  /** Up to 100 verifications in one request, answered in order. */
  async verifyBatch(
    items: readonly VerifyParams[],
    options?: RequestOptions,
  ): Promise<VerifyResult[]> {
    const data = await this._data<{ results: VerifyResult[] }>(
      { method: 'POST', path: '/api/v1/keys/verify/batch', json: { keys: items.map(body) } },
      options,
    );
    return data.results;
  }
}
