import type { MiddlewareHandler } from 'hono';
import { ApiError } from '../api-error.js';
import type { AppEnv } from '../http/app-env.js';

/**
 * Guards an operation on the calling key itself (a device-login key revoking itself at
 * `onepin logout`): a session has no key of its own to act on, so it gets 403 `FORBIDDEN`.
 */
export function requireApiKey(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.get('principal').kind !== 'api_key') {
      throw new ApiError(
        'FORBIDDEN',
        'This operation acts on the API key that calls it; a dashboard session has none.',
      );
    }
    return next();
  };
}
