import { randomBytes } from 'node:crypto';
import {
  consumePasswordLink,
  deleteSessionsOfUser,
  findUsablePasswordLink,
  findUserByEmail,
  listWorkspacesOfUser,
  replacePasswordLink,
  type UserRow,
  updateUserPassword,
} from '@onepin/db';
import { ApiError, UnusableLinkError } from '../api-error.js';
import { sha256Hex } from '../auth/sha256.js';
import { normalizeEmail } from './accounts.js';
import { recordAudit } from './audit.js';
import { checkPassword, hashPassword } from './passwords.js';
import { isoNow, type ServiceDeps } from './service-deps.js';
import { type ClientInfo, createSession, type NewSession } from './sessions.js';

/** How long a set-password link printed by an admin command stays usable. */
export const PASSWORD_LINK_TTL_MS = 24 * 60 * 60 * 1000;

const UNUSABLE = 'This link is invalid, expired or already used.';

export interface IssuedPasswordLink {
  url: string;
  expiresAt: string;
}

/**
 * A one-time link that sets `user`'s password (admin commands only: `create-user` without a
 * password, `reset-password`). It replaces any earlier link of the user; only its hash is
 * stored.
 */
export async function issuePasswordLink(
  deps: ServiceDeps,
  user: Pick<UserRow, 'id'>,
  publicUrl: string,
): Promise<IssuedPasswordLink> {
  const token = randomBytes(32).toString('base64url');
  const nowMs = deps.clock.now();
  const expiresAt = new Date(nowMs + PASSWORD_LINK_TTL_MS).toISOString();
  await deps.database.db.transaction().execute((trx) =>
    replacePasswordLink(trx, {
      token_hash: sha256Hex(token),
      user_id: user.id,
      created_at: new Date(nowMs).toISOString(),
      expires_at: expiresAt,
    }),
  );
  return { url: `${publicUrl}/set-password?token=${token}`, expiresAt };
}

/** `admin reset-password --email E`: a fresh link for an existing account. */
export async function issuePasswordLinkForEmail(
  deps: ServiceDeps,
  email: string,
  publicUrl: string,
): Promise<IssuedPasswordLink & { user: UserRow }> {
  const user = await findUserByEmail(deps.database.db, normalizeEmail(email));
  if (!user) throw new ApiError('NOT_FOUND', `No user with the email ${normalizeEmail(email)}.`);
  return { ...(await issuePasswordLink(deps, user, publicUrl)), user };
}

/** Whose password a link sets, or an unusable-link error. */
export async function findPasswordLink(
  deps: ServiceDeps,
  token: string,
): Promise<{ email: string }> {
  const link = await findUsablePasswordLink(deps.database.db, sha256Hex(token), isoNow(deps));
  if (!link) throw new UnusableLinkError('NOT_FOUND', 'Link not found.');
  return { email: link.email };
}

/**
 * Sets the password with a one-time link and signs the person in. The token is checked
 * before any hashing; every other session of the account ends, and each of its workspaces
 * records `member_password_set`.
 */
export async function setPasswordWithLink(
  deps: ServiceDeps,
  input: { token: string; password: string },
  client: ClientInfo,
): Promise<NewSession> {
  const tokenHash = sha256Hex(input.token);
  const link = await findUsablePasswordLink(deps.database.db, tokenHash, isoNow(deps));
  if (!link) throw new UnusableLinkError('FORBIDDEN', UNUSABLE);
  checkPassword(input.password);
  const passwordHash = await hashPassword(deps, input.password);
  const now = isoNow(deps);
  const userId = await deps.database.db.transaction().execute(async (trx) => {
    const id = await consumePasswordLink(trx, tokenHash, now);
    if (id === undefined) throw new UnusableLinkError('FORBIDDEN', UNUSABLE);
    await updateUserPassword(trx, id, passwordHash, now);
    await deleteSessionsOfUser(trx, id);
    for (const workspace of await listWorkspacesOfUser(trx, id)) {
      await recordAudit(
        trx,
        { newId: deps.newId, now },
        { type: 'user', id, name: link.email, workspaceId: workspace.id, userId: id },
        { action: 'member_password_set', environment: 'live', target: { type: 'user', id } },
      );
    }
    return id;
  });
  return createSession(deps, userId, client);
}
