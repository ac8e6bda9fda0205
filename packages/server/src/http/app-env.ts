import type { IncomingMessage } from 'node:http';
import type { Principal } from '../auth/principal.js';
import type { RateLimitDecision } from '../auth/rate-limiter.js';
import type { ServiceTokenPrincipal } from '../auth/service-token-auth.js';
import type { RouteGuards } from './route-guards.js';
import type { SecurityHeaders } from './security-headers.js';

/** Hono's typing for this app: what middleware leaves on the context. */
export interface AppEnv {
  Variables: {
    requestId: string;
    /** Set by the credential check of every route that declares one (`RouteRules`). */
    principal: Principal;
    /** Set by the credential check of the verify API's routes (`AuthRule` `service-token`),
     * which have no `principal`: a service token belongs to no workspace. */
    serviceToken: ServiceTokenPrincipal;
    /** The server's security headers, for the response (set with `requestId`). */
    securityHeaders: SecurityHeaders;
    /** How the app enforces the rules routes declare (set with `requestId`). */
    routeGuards: RouteGuards;
    /** The key's count in its rate-limit window: the `X-RateLimit-*` headers of every response
     * to a request whose key authenticated. */
    rateLimit: RateLimitDecision;
    /** A `Set-Cookie` value for the response (the session cookie is the server's only one). */
    setCookie: string;
  };
  Bindings: {
    /** Present when served by @hono/node-server; absent under `app.request()` in tests. */
    incoming?: IncomingMessage;
  };
}
