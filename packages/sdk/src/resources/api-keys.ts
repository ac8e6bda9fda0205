import type { components, paths } from '../generated/openapi.js';
import { path } from '../internal/path.js';
import type { RequestOptions } from '../internal/transport.js';
import { listPages, type OffsetPagination, type PagePromise } from '../pagination.js';
import { APIResource } from '../resource.js';

/** An API key as listed and shown: never its secret, only `preview` (`op_live_…AbCd`). */
export type ApiKey = components['schemas']['ApiKey'];
/** The latest report that a key was found in public (GitHub secret scanning, a public report). */
export type ApiKeyLeak = components['schemas']['ApiKeyLeak'];
/** A key just made: the `api_key` plaintext is here and nowhere else, ever. Store it now. */
export type ApiKeyCreated = components['schemas']['ApiKeyCreated'];
/** The result of a rotation: the old key as it is now and the new one with its plaintext. */
export type ApiKeyRotation = components['schemas']['ApiKeyRotation'];
export type ApiKeyCreateParams = components['schemas']['ApiKeyCreate'];
export type ApiKeyUpdateParams = components['schemas']['ApiKeyUpdate'];
export type ApiKeyRotateParams = components['schemas']['ApiKeyRotate'];
/** `status` (`active`, the default; `revoked`, including expired; or `all`), `limit`, `offset`. */
export type ApiKeyListParams = NonNullable<paths['/api/v1/api-keys']['get']['parameters']['query']>;
/** A scope a key can hold, e.g. `workflows:read`: a built-in one or one of the operator's
 * (`client.scopes.list()` lists them). */
export type Scope = components['schemas']['Scope'];
/** `live` keys see live data; `test` keys see the workspace's separate test data. */
export type KeyType = components['schemas']['KeyType'];

/**
 * `client.apiKeys`: manage the workspace's keys (`api_keys:read` / `api_keys:write`). A key
 * can only manage keys whose scopes it holds itself, of its own type.
 */
export class ApiKeys extends APIResource {
  /** The workspace's keys, one page at a time (`api_keys:read`). */
  list(
    params: ApiKeyListParams = {},
    options?: RequestOptions,
  ): PagePromise<ApiKey, OffsetPagination> {
    return listPages(this._transport, '/api/v1/api-keys', { ...params }, options);
  }

  /** One key by id. */
  async retrieve(id: string, options?: RequestOptions): Promise<ApiKey> {
    return this._data({ method: 'GET', path: path`/api/v1/api-keys/${id}` }, options);
  }

  /**
   * Makes a key. The result's `api_key` is the only time the plaintext is shown.
   *
   * @example
   * const key = await client.apiKeys.create({ name: 'CI', scopes: ['workflows:read'] });
   * saveSecret(key.api_key);
   */
  async create(params: ApiKeyCreateParams, options?: RequestOptions): Promise<ApiKeyCreated> {
    return this._data({ method: 'POST', path: '/api/v1/api-keys', json: params }, options);
  }

  /** Changes a key's name, scopes, rate limit, active flag or expiry (`null` clears it). */
  async update(id: string, params: ApiKeyUpdateParams, options?: RequestOptions): Promise<ApiKey> {
    return this._data(
      { method: 'PATCH', path: path`/api/v1/api-keys/${id}`, json: params },
      options,
    );
  }

  /**
   * Replaces a key with a new secret (same name, scopes and expiry). The old key stops now,
   * or after `grace_period_seconds` (up to 7 days) so deployments can switch over.
   *
   * @example
   * const { new_key } = await client.apiKeys.rotate(id, { grace_period_seconds: 3600 });
   */
  async rotate(
    id: string,
    params: ApiKeyRotateParams = {},
    options?: RequestOptions,
  ): Promise<ApiKeyRotation> {
    return this._data(
      { method: 'PATCH', path: path`/api/v1/api-keys/${id}/rotate`, json: params },
      options,
    );
  }

  /** Revokes a key at once; it stays listed as revoked. Revoking twice is harmless. */
  async revoke(id: string, options?: RequestOptions): Promise<ApiKey> {
    return this._data({ method: 'DELETE', path: path`/api/v1/api-keys/${id}` }, options);
  }
}
