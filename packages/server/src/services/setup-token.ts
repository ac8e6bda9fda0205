import { randomBytes } from 'node:crypto';
import { countUsers, replaceSetupToken } from '@onepin/db';
import { sha256Hex } from '../auth/sha256.js';
import type { ServiceDeps } from './service-deps.js';

const SETUP_TOKEN_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * On a start while no user exists, makes a one-time setup token and returns the URL that
 * lets the first person create the admin account; `null` once anyone exists. The new token
 * replaces every earlier one, so only the link printed last works. Only its hash is stored.
 */
export async function issueSetupUrl(deps: ServiceDeps, publicUrl: string): Promise<string | null> {
  if ((await countUsers(deps.database.db)) > 0) return null;
  const token = randomBytes(24).toString('base64url');
  const nowMs = deps.clock.now();
  await deps.database.db.transaction().execute((trx) =>
    replaceSetupToken(trx, {
      token_hash: sha256Hex(token),
      created_at: new Date(nowMs).toISOString(),
      expires_at: new Date(nowMs + SETUP_TOKEN_TTL_MS).toISOString(),
    }),
  );
  return `${publicUrl}/setup?token=${token}`;
}
