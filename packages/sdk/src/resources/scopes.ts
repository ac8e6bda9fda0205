import type { components } from '../generated/openapi.js';
import type { RequestOptions } from '../internal/transport.js';
import { APIResource } from '../resource.js';

/** One scope of the server's catalogue: built-in, or declared by the operator. */
export type ScopeInfo = components['schemas']['ScopeInfo'];

/** `client.scopes`: the scopes this server's keys can hold. */
export class Scopes extends APIResource {
  /**
   * Every scope the server knows, sorted by name: its built-in ones and the operator's own
   * (`built_in: false`). Any valid key may call this, one without scopes included. A server
   * older than this route answers `NotFoundError`: its scopes are the built-in ones
   * (`SCOPE_CATALOGUE` of `@onepin/core`).
   *
   * @example const names = (await client.scopes.list()).map((scope) => scope.name);
   */
  async list(options?: RequestOptions): Promise<ScopeInfo[]> {
    return this._data({ method: 'GET', path: '/api/v1/scopes' }, options);
  }
}
