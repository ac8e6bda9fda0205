import type { Kysely } from 'kysely';
import type { Database, InvitationRow } from '../schema.js';

export async function insertInvitation(
  db: Kysely<Database>,
  invitation: Omit<InvitationRow, 'used_at'>,
): Promise<void> {
  await db
    .insertInto('invitations')
    .values({ ...invitation, used_at: null })
    .execute();
}

/** What an unused, unexpired invitation lets its holder do: set this user's password. */
export interface UsableInvitation {
  user_id: string;
  email: string;
  workspace_id: string;
  workspace_name: string;
}

export async function findUsableInvitation(
  db: Kysely<Database>,
  tokenHash: string,
  now: string,
): Promise<UsableInvitation | undefined> {
  return db
    .selectFrom('invitations')
    .innerJoin('users', 'users.id', 'invitations.user_id')
    .innerJoin('workspaces', 'workspaces.id', 'invitations.workspace_id')
    .select([
      'invitations.user_id',
      'users.email',
      'invitations.workspace_id',
      'workspaces.name as workspace_name',
    ])
    .where('invitations.token_hash', '=', tokenHash)
    .where('invitations.used_at', 'is', null)
    .where('invitations.expires_at', '>', now)
    .executeTakeFirst();
}

/**
 * Uses an invitation once: marks it and every other open invitation of the same user as
 * used, so a password can be set only once. Returns the user's id, or `undefined` when
 * the token is unknown, used or expired (a concurrent use loses).
 */
export async function consumeInvitation(
  db: Kysely<Database>,
  tokenHash: string,
  now: string,
): Promise<string | undefined> {
  const row = await db
    .updateTable('invitations')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning('user_id')
    .executeTakeFirst();
  if (row === undefined) return undefined;
  await db
    .updateTable('invitations')
    .set({ used_at: now })
    .where('user_id', '=', row.user_id)
    .where('used_at', 'is', null)
    .execute();
  return row.user_id;
}

/** Withdraws a user's open invitations to one workspace (they were removed from it). */
export async function deleteInvitations(
  db: Kysely<Database>,
  workspaceId: string,
  userId: string,
): Promise<void> {
  await db
    .deleteFrom('invitations')
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .execute();
}
