import type { components } from '../generated/openapi.js';
import type { RequestOptions } from '../internal/transport.js';
import { APIResource } from '../resource.js';

/** A workspace: every key and object belongs to exactly one. */
export type Workspace = components['schemas']['Workspace'];

/** `client.workspace`: the workspace the token is bound to. */
export class CurrentWorkspace extends APIResource {
  /** The token's workspace (`workspace:read`). */
  async retrieve(options?: RequestOptions): Promise<Workspace> {
    return this._data({ method: 'GET', path: '/api/v1/workspaces/current' }, options);
  }
}
