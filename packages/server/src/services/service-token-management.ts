import { previewServiceToken } from '@onepin/core';
import { findServiceToken, listServiceTokens, type ServiceTokenView } from '@onepin/db';
import type { Actor } from '../auth/principal.js';
import { recordAudit } from './audit.js';
import { isPlausibleId } from './ids.js';
import { isoNow, type ServiceDeps } from './service-deps.js';
import { createServiceToken, revokeServiceTokenById } from './service-tokens.js';

/**
 * Managing the instance's service tokens (issue 14) for the admin commands and the instance
 * admins' session routes, on top of `service-tokens.ts` (which makes a token and revokes one
 * through the keys' invalidation fan-out): list (never the token), make (the plaintext is
 * returned once), revoke. A change made by a signed-in instance admin is audited in the
 * workspace they acted in (who, which token by id, name and preview; never the token); the
 * admin commands act as the operator on the server's own machine and record `created_by` null.
 */

export { SERVICE_TOKEN_NAME_MAX } from './service-tokens.js';

/** `op_svc_…AbCd` of a stored token. */
export function serviceTokenPreview(token: Pick<ServiceTokenView, 'token_suffix'>): string {
  return previewServiceToken(token.token_suffix);
}

/** A stored token's status: `active` or `revoked`. */
export function serviceTokenStatus(token: Pick<ServiceTokenView, 'revoked_at'>) {
  return token.revoked_at === null ? ('active' as const) : ('revoked' as const);
}

const audited = (token: ServiceTokenView) => ({
  environment: 'live' as const,
  target: { type: 'service_token', id: token.id },
  metadata: { name: token.name, preview: serviceTokenPreview(token) },
});

/** Makes a token; the plaintext is in the answer and nowhere else. With `actor`, audited. */
export async function createManagedServiceToken(
  deps: ServiceDeps,
  actor: Actor | null,
  input: { name: string },
): Promise<{ record: ServiceTokenView; token: string }> {
  const { token, ...record } = await createServiceToken(deps, {
    name: input.name,
    createdBy: actor?.userId ?? null,
  });
  if (actor) {
    await recordAudit(deps.database.db, { newId: deps.newId, now: record.created_at }, actor, {
      action: 'service_token_created',
      ...audited(record),
    });
  }
  return { record, token };
}

/** Every token, newest first, revoked ones too. */
export async function listManagedServiceTokens(deps: ServiceDeps): Promise<ServiceTokenView[]> {
  return listServiceTokens(deps.database.db);
}

/**
 * Revokes a token: it stops authenticating on the next request on every node. Revoking a
 * revoked token changes nothing and answers it as it is (`alreadyRevoked`, not audited
 * again); an unknown id is 404 `NOT_FOUND`.
 */
export async function revokeManagedServiceToken(
  deps: ServiceDeps,
  actor: Actor | null,
  id: string,
): Promise<{ record: ServiceTokenView; alreadyRevoked: boolean }> {
  const before = isPlausibleId(id) ? await findServiceToken(deps.database.db, id) : undefined;
  const record = await revokeServiceTokenById(deps, id);
  const alreadyRevoked = before !== undefined && before.revoked_at !== null;
  if (actor && !alreadyRevoked) {
    await recordAudit(deps.database.db, { newId: deps.newId, now: isoNow(deps) }, actor, {
      action: 'service_token_revoked',
      ...audited(record),
    });
  }
  return { record, alreadyRevoked };
}
