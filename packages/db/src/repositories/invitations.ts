import type { Role } from '@onepin/core';
import type { Kysely } from 'kysely';
import type { Database, MemberInvitationRow } from '../schema.js';

/**
 * Makes `invitation` the workspace's one open invitation for its email: an earlier one for
 * the same email (and its link) is deleted first. Run it in a transaction.
 */
export async function replaceInvitation(
  db: Kysely<Database>,
  invitation: MemberInvitationRow,
): Promise<void> {
  await db
    .deleteFrom('member_invitations')
    .where('workspace_id', '=', invitation.workspace_id)
    .where('email', '=', invitation.email)
    .execute();
  await db.insertInto('member_invitations').values(invitation).execute();
}

/** An open invitation as the members page shows it: with the inviter's email. */
export interface InvitationRecord {
  id: string;
  workspace_id: string;
  email: string;
  role: Role;
  created_by: string | null;
  /** The inviter's email, while their account exists. */
  created_by_email: string | null;
  created_at: string;
  expires_at: string;
}

function invitations(db: Kysely<Database>) {
  return db
    .selectFrom('member_invitations')
    .leftJoin('users', 'users.id', 'member_invitations.created_by')
    .select([
      'member_invitations.id',
      'member_invitations.workspace_id',
      'member_invitations.email',
      'member_invitations.role',
      'member_invitations.created_by',
      'users.email as created_by_email',
      'member_invitations.created_at',
      'member_invitations.expires_at',
    ]);
}

/** The workspace's open invitations (expired ones too: an admin may issue them again). */
export async function listInvitations(
  db: Kysely<Database>,
  query: { workspaceId: string; limit: number; offset: number },
): Promise<InvitationRecord[]> {
  return invitations(db)
    .where('member_invitations.workspace_id', '=', query.workspaceId)
    .orderBy('member_invitations.created_at')
    .orderBy('member_invitations.id')
    .limit(query.limit)
    .offset(query.offset)
    .execute();
}

export async function countInvitations(db: Kysely<Database>, workspaceId: string): Promise<number> {
  const { total } = await db
    .selectFrom('member_invitations')
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirstOrThrow();
  return Number(total);
}

export async function findInvitationByEmail(
  db: Kysely<Database>,
  workspaceId: string,
  email: string,
): Promise<InvitationRecord | undefined> {
  return invitations(db)
    .where('member_invitations.workspace_id', '=', workspaceId)
    .where('member_invitations.email', '=', email)
    .executeTakeFirst();
}

/** What an unexpired link names: the invitation and its workspace's name. */
export interface UsableInvitation extends InvitationRecord {
  workspace_name: string;
}

export async function findUsableInvitation(
  db: Kysely<Database>,
  tokenHash: string,
  now: string,
): Promise<UsableInvitation | undefined> {
  return invitations(db)
    .innerJoin('workspaces', 'workspaces.id', 'member_invitations.workspace_id')
    .select('workspaces.name as workspace_name')
    .where('member_invitations.token_hash', '=', tokenHash)
    .where('member_invitations.expires_at', '>', now)
    .executeTakeFirst();
}

/**
 * Uses a link once: deletes its invitation if it is still open and unexpired, and returns
 * it; `undefined` otherwise (a concurrent use loses).
 */
export async function consumeInvitation(
  db: Kysely<Database>,
  tokenHash: string,
  now: string,
): Promise<MemberInvitationRow | undefined> {
  return db
    .deleteFrom('member_invitations')
    .where('token_hash', '=', tokenHash)
    .where('expires_at', '>', now)
    .returningAll()
    .executeTakeFirst();
}

/** Withdraws one invitation of a workspace; returns it, or `undefined` when there is none. */
export async function deleteInvitation(
  db: Kysely<Database>,
  workspaceId: string,
  id: string,
): Promise<MemberInvitationRow | undefined> {
  return db
    .deleteFrom('member_invitations')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

/** One invitation of a workspace by id (expired ones too), with the inviter's email. */
export async function findInvitationById(
  db: Kysely<Database>,
  workspaceId: string,
  id: string,
): Promise<InvitationRecord | undefined> {
  return invitations(db)
    .where('member_invitations.workspace_id', '=', workspaceId)
    .where('member_invitations.id', '=', id)
    .executeTakeFirst();
}

/**
 * Changes the role of one still-unexpired invitation of a workspace, keeping its link; whether
 * it did (a concurrent accept, withdrawal or expiry loses).
 */
export async function updateInvitationRole(
  db: Kysely<Database>,
  query: { workspaceId: string; id: string; role: Role; now: string },
): Promise<boolean> {
  const result = await db
    .updateTable('member_invitations')
    .set({ role: query.role })
    .where('workspace_id', '=', query.workspaceId)
    .where('id', '=', query.id)
    .where('expires_at', '>', query.now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
