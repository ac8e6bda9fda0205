import type { components } from '../generated/openapi.js';
import type { RequestOptions } from '../internal/transport.js';
import { APIResource } from '../resource.js';

/** Who a credential belongs to: its workspace, key, type and scopes. */
export type Whoami = components['schemas']['Whoami'];

/** `client.auth`: the caller's identity. */
export class Auth extends APIResource {
  /**
   * Who the token belongs to. Any valid key may call this, even one without scopes.
   *
   * @example const me = await client.auth.whoami(); console.log(me.workspace_name, me.scopes);
   */
  async whoami(options?: RequestOptions): Promise<Whoami> {
    return this._data({ method: 'GET', path: '/api/v1/auth/whoami' }, options);
  }
}
