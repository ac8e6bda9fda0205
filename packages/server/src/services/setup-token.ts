import { randomBytes } from 'node:crypto';
import { countUsers, insertSetupToken } from '@onepin/db';
import { sha256Hex } from '../auth/sha256.js';
import type { ServiceDeps } from './service-deps.js';

const SETUP_TOKEN_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * On a first start (no user yet), makes a one-time setup token and returns the URL that
 * lets the first person create the admin account; `null` once anyone exists. Only the
 * token's hash is stored.
 */
export async function issueSetupUrl(deps: ServiceDeps, publicUrl: string): Promise<string | null> {
  if ((await countUsers(deps.database.db)) > 0) return null;
  const token = randomBytes(24).toString('base64url');
  const nowMs = deps.clock.now();
  await insertSetupToken(deps.database.db, {
    token_hash: sha256Hex(token),
    created_at: new Date(nowMs).toISOString(),
    expires_at: new Date(nowMs + SETUP_TOKEN_TTL_MS).toISOString(),
  });
  return `${publicUrl}/setup?token=${token}`;
}
