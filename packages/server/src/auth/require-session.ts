import type { Role } from '@onepin/core';
import type { MiddlewareHandler } from 'hono';
import { ApiError } from '../api-error.js';
import type { AppEnv } from '../http/app-env.js';

/**
 * Guards an operation that only a signed-in person may perform (the session itself,
 * workspace members): API keys get 403 `FORBIDDEN` whatever their scopes. With `role`,
 * the person must also have that role in the selected workspace; with `instanceAdmin`, be
 * an instance admin (the instance's service tokens), whatever their workspace role.
 */
export function requireSession(
  role: Role | null,
  options: { instanceAdmin?: boolean } = {},
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const principal = c.get('principal');
    if (principal.kind !== 'session') {
      throw new ApiError(
        'FORBIDDEN',
        'This operation needs a signed-in dashboard session; API keys cannot use it.',
      );
    }
    if (options.instanceAdmin && !principal.instanceAdmin) {
      throw new ApiError('FORBIDDEN', 'Only an instance admin can do this.');
    }
    if (role !== null && principal.role !== role) {
      throw new ApiError(
        'FORBIDDEN',
        `Only a workspace ${role} can do this; your role is ${principal.role}.`,
      );
    }
    return next();
  };
}
