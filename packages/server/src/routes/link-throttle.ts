import type { Context } from 'hono';
import { ApiError, UnusableLinkError } from '../api-error.js';
import { clientAddress } from '../auth/client-address.js';
import type { AppDeps } from '../deps.js';
import type { AppEnv } from '../http/app-env.js';

/**
 * Runs an operation of a one-time link (invitation, set-password link) under the
 * failed-authentication throttle that guards API keys: a throttled address is refused
 * before any lookup or hashing, and an unusable link counts as a failure of its address.
 */
export async function underFailedAuthThrottle<T>(
  c: Context<AppEnv>,
  deps: AppDeps,
  use: () => Promise<T>,
): Promise<T> {
  const address = clientAddress(c, deps.settings.trustProxy);
  const now = deps.clock.now();
  const blockedFor = deps.failedAuth.blockedFor(address, now);
  if (blockedFor > 0) {
    throw new ApiError('RATE_LIMITED', 'Too many failed attempts. Try again later.', {
      headers: { 'Retry-After': String(blockedFor) },
    });
  }
  try {
    return await use();
  } catch (error) {
    if (error instanceof UnusableLinkError) deps.failedAuth.recordFailure(address, now);
    throw error;
  }
}
