import type { VerificationCache } from '../auth/verification-cache.js';
import type { VerifiedKey } from '../auth/verified-key.js';

/** Puts a made-up verified key under `hash`, as a request that had just loaded it would. */
export function cacheKey(cache: VerificationCache, hash: string): void {
  const key: VerifiedKey = {
    id: hash.slice(0, 8),
    workspaceId: 'workspace',
    workspaceName: 'Workspace',
    name: 'cached',
    keyType: 'live',
    scopes: [],
    grantedScopes: [],
    createdBy: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    expiresAt: null,
    expiresAtMs: Number.POSITIVE_INFINITY,
    enabled: true,
    rateLimitPerMin: null,
    lineageId: hash.slice(0, 8),
    actingUserId: null,
  };
  cache.setIfCurrent(hash, key, cache.generation);
}

/** Polls `condition` every 5 ms until it holds; fails after `timeoutMs`. */
export async function eventually(
  condition: () => boolean,
  timeoutMs = 2_000,
  what = 'the condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`${what} did not hold within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
