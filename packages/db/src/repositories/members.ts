import type { Role } from '@onepin/core';
import type { Kysely } from 'kysely';
import type { DialectName } from '../connection.js';
import type { Database } from '../schema.js';

/** A member of a workspace as the members page shows them. */
export interface MemberRecord {
  user_id: string;
  email: string;
  role: Role;
  /** When they joined the workspace. */
  created_at: string;
}

function members(db: Kysely<Database>, workspaceId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['memberships.user_id', 'users.email', 'memberships.role', 'memberships.created_at'])
    .where('memberships.workspace_id', '=', workspaceId);
}

/** Oldest member first, one page, with the total. */
export async function listMembers(
  db: Kysely<Database>,
  query: { workspaceId: string; limit: number; offset: number },
): Promise<{ items: MemberRecord[]; total: number }> {
  const [rows, count] = await Promise.all([
    members(db, query.workspaceId)
      .orderBy('memberships.created_at')
      .orderBy('memberships.user_id')
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
    db
      .selectFrom('memberships')
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .where('workspace_id', '=', query.workspaceId)
      .executeTakeFirstOrThrow(),
  ]);
  return { items: rows, total: Number(count.total) };
}

export async function findMember(
  db: Kysely<Database>,
  workspaceId: string,
  userId: string,
): Promise<MemberRecord | undefined> {
  return members(db, workspaceId).where('memberships.user_id', '=', userId).executeTakeFirst();
}

/** The member with this (lower-cased) email, if they belong to the workspace. */
export async function findMemberByEmail(
  db: Kysely<Database>,
  workspaceId: string,
  email: string,
): Promise<MemberRecord | undefined> {
  return members(db, workspaceId).where('users.email', '=', email).executeTakeFirst();
}

/**
 * Serialises changes to one workspace's memberships until the transaction ends, so two
 * admins demoting each other at once cannot leave it without an admin. PostgreSQL locks
 * the workspace row; SQLite already runs one write transaction at a time.
 */
export async function lockWorkspaceMemberships(
  trx: Kysely<Database>,
  dialect: DialectName,
  workspaceId: string,
): Promise<void> {
  if (dialect !== 'postgres') return;
  await trx
    .selectFrom('workspaces')
    .select('id')
    .where('id', '=', workspaceId)
    .forUpdate()
    .execute();
}

export async function countAdmins(db: Kysely<Database>, workspaceId: string): Promise<number> {
  const { total } = await db
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .where('workspace_id', '=', workspaceId)
    .where('role', '=', 'admin')
    .executeTakeFirstOrThrow();
  return Number(total);
}

export async function updateMembershipRole(
  db: Kysely<Database>,
  workspaceId: string,
  userId: string,
  role: Role,
): Promise<void> {
  await db
    .updateTable('memberships')
    .set({ role })
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .execute();
}

export async function deleteMembership(
  db: Kysely<Database>,
  workspaceId: string,
  userId: string,
): Promise<void> {
  await db
    .deleteFrom('memberships')
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .execute();
}
