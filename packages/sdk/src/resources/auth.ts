import type { components } from '../generated/openapi.js';
import type { RequestOptions } from '../internal/transport.js';
import { APIResource } from '../resource.js';

/** Who a credential belongs to: its workspace, key, type and scopes. */
export type Whoami = components['schemas']['Whoami'];
type ApiKey = components['schemas']['ApiKey'];

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

  /**
   * Revokes the token itself, when device login (`onepin login --web`, `DeviceLogin`) made it:
   * what `onepin logout` does. Any other key gets `PermissionDeniedError` (403): a pasted key
   * is revoked by whoever manages it (`client.apiKeys.revoke`).
   *
   * @example await client.auth.revokeCurrentKey(); // the client's token stops working
   */
  async revokeCurrentKey(options?: RequestOptions): Promise<ApiKey> {
    return this._data({ method: 'DELETE', path: '/api/v1/auth/key' }, options);
  }
}
