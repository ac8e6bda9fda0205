import type { Context } from 'hono';
import { ApiError } from '../../api-error.js';
import { clientAddress } from '../../auth/client-address.js';
import type { SessionPrincipal } from '../../auth/principal.js';
import type { AppDeps } from '../../deps.js';
import type { AppEnv } from '../../http/app-env.js';
import { WrongUserCodeError } from '../../services/device-approval.js';

/**
 * Runs an operation on a typed user code under the user-code throttle: refused (429) before
 * any lookup once the address, the account or the node has typed too many wrong codes this
 * minute, and a wrong code counts against all three.
 */
export async function underUserCodeThrottle<T>(
  c: Context<AppEnv>,
  deps: AppDeps,
  use: (principal: SessionPrincipal) => Promise<T>,
): Promise<T> {
  const principal = c.get('principal');
  if (principal.kind !== 'session') throw new Error('a device approval route is session-only');
  const address = clientAddress(c, deps.settings.trustProxy);
  const now = deps.clock.now();
  const blockedFor = deps.userCodeThrottle.blockedFor(address, principal.userId, now);
  if (blockedFor > 0) {
    throw new ApiError('RATE_LIMITED', 'Too many wrong codes. Try again later.', {
      headers: { 'Retry-After': String(blockedFor) },
    });
  }
  try {
    return await use(principal);
  } catch (error) {
    if (error instanceof WrongUserCodeError) {
      deps.userCodeThrottle.recordFailure(address, principal.userId, now);
    }
    throw error;
  }
}
