import { createRoute, type OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import type { Scope } from '@onepin/core';
import { requireScope } from '../auth/require-scope.js';
import type { AppDeps } from '../deps.js';
import type { AppEnv } from '../http/app-env.js';
import { errorResponses } from '../schemas/common.js';

/** Adds one route to the app; every route file exports one. */
export type RouteRegistrar = (app: OpenAPIHono<AppEnv>, deps: AppDeps) => void;

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
    security: [{ bearerAuth: [] }],
    'x-required-scope': scope,
    responses: { ...errorResponses(401, 403, 429), ...config.responses },
  });
}
