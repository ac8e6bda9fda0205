import { generateServiceToken, parseServiceToken, previewServiceToken } from '@onepin/core';
import {
  findServiceToken,
  insertServiceToken,
  listServiceTokens,
  revokeServiceToken,
  type ServiceTokenView,
} from '@onepin/db';
import { ApiError } from '../api-error.js';
import type { Actor } from '../auth/principal.js';
import { sha256Hex } from '../auth/sha256.js';
import { recordAudit } from './audit.js';
import { isPlausibleId } from './ids.js';
import { isoNow, type ServiceDeps } from './service-deps.js';

/**
 * Managing the instance's service tokens (issue 14) for the admin commands and the
 * instance admins' session routes: make (the plaintext is returned once), list (never the
 * token), revoke. A change made by a signed-in instance admin is audited in the workspace
 * they acted in (who, which token by id, name and preview; never the token); the admin
 * commands act as the operator on the server's own machine and record `created_by` null.
 */

export const SERVICE_TOKEN_NAME_MAX = 120;

/** A trimmed name of 1 to 120 characters, or a 400 saying so. */
export function serviceTokenName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length < 1 || trimmed.length > SERVICE_TOKEN_NAME_MAX) {
    throw new ApiError(
      'VALIDATION_ERROR',
      `The service token name must be 1 to ${SERVICE_TOKEN_NAME_MAX} characters.`,
      {
        details: [{ field: 'name', message: `must be 1 to ${SERVICE_TOKEN_NAME_MAX} characters` }],
      },
    );
  }
  return trimmed;
}

/** `op_svc_…AbCd` of a stored token. */
export function serviceTokenPreview(token: Pick<ServiceTokenView, 'token_suffix'>): string {
  return previewServiceToken(token.token_suffix);
}

/** A stored token's status: `active` or `revoked`. */
export function serviceTokenStatus(token: Pick<ServiceTokenView, 'revoked_at'>) {
  return token.revoked_at === null ? ('active' as const) : ('revoked' as const);
}

/**
 * Makes a token; the plaintext is in the answer and nowhere else (only its SHA-256 is
 * stored). With `actor`, audited in the actor's workspace in the same transaction.
 */
export async function createManagedServiceToken(
  deps: ServiceDeps,
  actor: Actor | null,
  input: { name: string },
): Promise<{ record: ServiceTokenView; token: string }> {
  const name = serviceTokenName(input.name);
  const token = generateServiceToken();
  const parsed = parseServiceToken(token);
  if (parsed === null) throw new Error('generated service token failed its own check');
  const now = isoNow(deps);
  const record: ServiceTokenView = {
    id: `svc_${deps.newId()}`,
    name,
    token_prefix: parsed.prefix,
    token_suffix: parsed.suffix,
    created_by: actor?.userId ?? null,
    created_at: now,
    last_used_at: null,
    revoked_at: null,
  };
  await deps.database.db.transaction().execute(async (trx) => {
    await insertServiceToken(trx, { ...record, token_hash: sha256Hex(token) });
    if (actor) {
      await recordAudit(trx, { newId: deps.newId, now }, actor, {
        action: 'service_token_created',
        environment: 'live',
        target: { type: 'service_token', id: record.id },
        metadata: { name: record.name, preview: serviceTokenPreview(record) },
      });
    }
  });
  return { record, token };
}

/** Every token, newest first, revoked ones too. */
export async function listManagedServiceTokens(deps: ServiceDeps): Promise<ServiceTokenView[]> {
  return listServiceTokens(deps.database.db);
}

/**
 * Revokes a token: it stops authenticating on the next request on every node. Revoking a
 * revoked token changes nothing and answers it as it is (`alreadyRevoked`); an unknown id
 * is 404 `NOT_FOUND`.
 */
export async function revokeManagedServiceToken(
  deps: ServiceDeps,
  actor: Actor | null,
  id: string,
): Promise<{ record: ServiceTokenView; alreadyRevoked: boolean }> {
  const notFound = () => new ApiError('NOT_FOUND', `No service token with id ${id}.`);
  if (!isPlausibleId(id)) throw notFound();
  const now = isoNow(deps);
  const result = await deps.database.db.transaction().execute(async (trx) => {
    const found = await findServiceToken(trx, id);
    if (found === undefined) throw notFound();
    const { token_hash: _hash, ...view } = found;
    if (!(await revokeServiceToken(trx, id, now))) return { record: view, alreadyRevoked: true };
    if (actor) {
      await recordAudit(trx, { newId: deps.newId, now }, actor, {
        action: 'service_token_revoked',
        environment: 'live',
        target: { type: 'service_token', id },
        metadata: { name: view.name, preview: serviceTokenPreview(view) },
      });
    }
    return { record: { ...view, revoked_at: now }, alreadyRevoked: false };
  });
  return result;
}
