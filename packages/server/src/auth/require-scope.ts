import type { Scope } from '@onepin/core';
import type { MiddlewareHandler } from 'hono';
import { ApiError } from '../api-error.js';
import type { AppEnv } from '../http/app-env.js';

/** Guards a route: 403 `INSUFFICIENT_SCOPE` naming the scope when the caller lacks it. Only
 * built-in scopes guard routes here (typed `Scope`); the operator's protect their services. */
export function requireScope(scope: Scope): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const principal = c.get('principal');
    if (!principal.scopes.includes(scope)) {
      const message =
        principal.kind === 'api_key'
          ? `This API key lacks the required scope: ${scope}.`
          : `Your role (${principal.role}) does not allow this; it needs ${scope}.`;
      throw new ApiError('INSUFFICIENT_SCOPE', message, {
        details: [{ field: 'scope', message: scope }],
      });
    }
    return next();
  };
}
