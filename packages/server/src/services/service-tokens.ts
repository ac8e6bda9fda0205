import { findApiKeys, generateServiceToken, parseServiceToken } from '@onepin/core';
import {
  findServiceToken,
  insertServiceToken,
  revokeServiceToken,
  type ServiceTokenView,
} from '@onepin/db';
import { ApiError, notFound } from '../api-error.js';
import { sha256Hex } from '../auth/sha256.js';
import { isPlausibleId } from './ids.js';
import { changeKeys } from './key-invalidation.js';
import type { ServiceDeps } from './service-deps.js';

export const SERVICE_TOKEN_NAME_MAX = 100;

/** Anything shaped like a service token (its checksum is checked separately). */
const TOKEN_SHAPED = /op_svc_[0-9A-Za-z]{32}/g;

/** Whether a name holds a pasted secret: an API key or a service token. */
function holdsSecret(name: string): boolean {
  if (findApiKeys(name).length > 0) return true;
  for (const [candidate] of name.matchAll(TOKEN_SHAPED)) {
    if (parseServiceToken(candidate) !== null) return true;
  }
  return false;
}

/** A service token's name, trimmed: 1–100 characters, no control characters, no secret. */
export function checkedServiceTokenName(name: string): string {
  const trimmed = name.trim();
  const problem =
    trimmed.length === 0
      ? 'must not be empty'
      : trimmed.length > SERVICE_TOKEN_NAME_MAX
        ? `must be at most ${SERVICE_TOKEN_NAME_MAX} characters`
        : /\p{Cc}/u.test(trimmed)
          ? 'must not contain control characters'
          : holdsSecret(trimmed)
            ? 'must not contain an API key or a service token'
            : null;
  if (problem !== null) {
    throw new ApiError('VALIDATION_ERROR', `name ${problem}.`, {
      details: [{ field: 'name', message: problem }],
    });
  }
  return trimmed;
}

/** A new service token: its view, and the token itself, shown this once (only its SHA-256 is
 * stored). */
export async function createServiceToken(
  deps: Pick<ServiceDeps, 'database' | 'clock'> & { newId?: () => string },
  input: { name: string; createdBy: string | null },
): Promise<ServiceTokenView & { token: string }> {
  const name = checkedServiceTokenName(input.name);
  const token = generateServiceToken();
  const parsed = parseServiceToken(token);
  if (parsed === null) throw new Error('generated an invalid service token');
  const row = {
    id: `svc_${(deps.newId ?? (() => crypto.randomUUID()))().replaceAll('-', '')}`,
    name,
    token_hash: sha256Hex(token),
    token_prefix: parsed.prefix,
    token_suffix: parsed.suffix,
    created_by: input.createdBy,
    created_at: new Date(deps.clock.now()).toISOString(),
    last_used_at: null,
    revoked_at: null,
  };
  await insertServiceToken(deps.database.db, row);
  const { token_hash: _hash, ...view } = row;
  return { ...view, token };
}

/**
 * Revokes a service token (the one way to: the admin command and the instance admins' route
 * both call this). The revocation and the token's hash go through the keys' invalidation path
 * (`changeKeys`, with no verify event: a token is no key), so every node's service-token cache
 * drops it at once: this node's after the commit, the others' through the fan-out (PostgreSQL
 * NOTIFY in the transaction, or Redis). Revoking a revoked token changes nothing and answers
 * its view; an unknown id is 404.
 */
export async function revokeServiceTokenById(
  deps: Pick<ServiceDeps, 'database' | 'clock' | 'keyInvalidation'>,
  id: string,
): Promise<ServiceTokenView> {
  const found = isPlausibleId(id) ? await findServiceToken(deps.database.db, id) : undefined;
  if (found === undefined) throw notFound('Service token');
  const now = new Date(deps.clock.now()).toISOString();
  await changeKeys(deps, null, [found.token_hash], async (trx) => {
    await revokeServiceToken(trx, id, now);
  });
  const { token_hash: _hash, ...view } = found;
  return { ...view, revoked_at: found.revoked_at ?? now };
}
