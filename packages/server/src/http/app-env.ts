import type { IncomingMessage } from 'node:http';
import type { Principal } from '../auth/principal.js';

/** Hono's typing for this app: what middleware leaves on the context. */
export interface AppEnv {
  Variables: {
    requestId: string;
    /** Set by the authentication middleware on every `/api/v1` route that needs a credential. */
    principal: Principal;
  };
  Bindings: {
    /** Present when served by @hono/node-server; absent under `app.request()` in tests. */
    incoming?: IncomingMessage;
  };
}
