import type { Role } from '@onepin/core';
import type { Kysely } from 'kysely';
import type { Database, MembershipRow, WorkspaceRow } from '../schema.js';

export async function insertWorkspace(
  db: Kysely<Database>,
  workspace: WorkspaceRow,
): Promise<void> {
  await db.insertInto('workspaces').values(workspace).execute();
}

export async function findWorkspaceById(
  db: Kysely<Database>,
  id: string,
): Promise<WorkspaceRow | undefined> {
  return db.selectFrom('workspaces').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * The workspaces an operator may mean by `reference`: the one with that id, the one with
 * that slug, and every one with that exact name (names are not unique), oldest first.
 */
export async function findWorkspacesByReference(
  db: Kysely<Database>,
  reference: string,
): Promise<WorkspaceRow[]> {
  return db
    .selectFrom('workspaces')
    .selectAll()
    .where((eb) =>
      eb.or([eb('id', '=', reference), eb('slug', '=', reference), eb('name', '=', reference)]),
    )
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function workspaceSlugExists(db: Kysely<Database>, slug: string): Promise<boolean> {
  const row = await db
    .selectFrom('workspaces')
    .select('id')
    .where('slug', '=', slug)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertMembership(
  db: Kysely<Database>,
  membership: MembershipRow,
): Promise<void> {
  await db.insertInto('memberships').values(membership).execute();
}

/** The workspaces a user belongs to, oldest membership first, with the role in each. */
export async function listWorkspacesOfUser(
  db: Kysely<Database>,
  userId: string,
): Promise<Array<WorkspaceRow & { role: Role }>> {
  return db
    .selectFrom('memberships')
    .innerJoin('workspaces', 'workspaces.id', 'memberships.workspace_id')
    .selectAll('workspaces')
    .select('memberships.role')
    .where('memberships.user_id', '=', userId)
    .orderBy('memberships.created_at')
    .orderBy('workspaces.id')
    .execute();
}
