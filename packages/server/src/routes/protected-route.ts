import { createRoute, type OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import type { Role, Scope } from '@onepin/core';
import { requireApiKey } from '../auth/require-api-key.js';
import { requireScope } from '../auth/require-scope.js';
import { requireSession } from '../auth/require-session.js';
import type { AppDeps } from '../deps.js';
import type { AppEnv } from '../http/app-env.js';
import { errorResponses } from '../schemas/common.js';

/** Adds one route to the app; every route file exports one. */
export type RouteRegistrar = (app: OpenAPIHono<AppEnv>, deps: AppDeps) => void;

/** Either credential: an API key, or the dashboard's session cookie (acting with its role). */
const KEY_OR_SESSION: Array<Record<string, string[]>> = [{ bearerAuth: [] }, { sessionCookie: [] }];

/**
 * A route behind authentication (applied to all of `/api/v1`) and, when `scope` is given,
 * the scope guard. The scope is documented on the operation as `x-required-scope`.
 */
export function protectedRoute<const R extends Omit<RouteConfig, 'middleware' | 'security'>>(
  scope: Scope | null,
  config: R,
) {
  return createRoute({
    ...config,
    middleware: scope ? [requireScope(scope)] : [],
    security: KEY_OR_SESSION,
    'x-required-scope': scope,
    responses: { ...errorResponses(401, 403, 429), ...config.responses },
  });
}

/**
 * A route for signed-in people only (API keys get 403 `FORBIDDEN`), and when `role` is
 * given only for that role in the selected workspace (`x-required-role`).
 */
export function sessionRoute<const R extends Omit<RouteConfig, 'middleware' | 'security'>>(
  role: Role | null,
  config: R,
) {
  return createRoute({
    ...config,
    middleware: [requireSession(role)],
    security: [{ sessionCookie: [] }],
    'x-required-role': role,
    responses: { ...errorResponses(401, 403, 429), ...config.responses },
  });
}

/**
 * A route for API keys only, acting on the calling key itself (sessions get 403 `FORBIDDEN`);
 * any valid key may call it, whatever its scopes.
 */
export function keyRoute<const R extends Omit<RouteConfig, 'middleware' | 'security'>>(config: R) {
  return createRoute({
    ...config,
    middleware: [requireApiKey()],
    security: [{ bearerAuth: [] }],
    'x-required-scope': null,
    responses: { ...errorResponses(401, 403, 429), ...config.responses },
  });
}
