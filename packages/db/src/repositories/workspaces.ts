import type { Role } from '@onepin/core';
import { type Kysely, sql } from 'kysely';
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

/**
 * The person a workspace's ownerless objects are attributed to: its creator, else its oldest
 * admin, else its oldest member; `undefined` only for a workspace nobody belongs to.
 */
export async function findWorkspaceOwnerId(
  db: Kysely<Database>,
  workspaceId: string,
): Promise<string | undefined> {
  const workspace = await db
    .selectFrom('workspaces')
    .select('created_by')
    .where('id', '=', workspaceId)
    .executeTakeFirst();
  if (workspace?.created_by) return workspace.created_by;
  const member = await db
    .selectFrom('memberships')
    .select('user_id')
    .where('workspace_id', '=', workspaceId)
    .orderBy(sql`case when role = 'admin' then 0 else 1 end`)
    .orderBy('created_at')
    .orderBy('user_id')
    .executeTakeFirst();
  return member?.user_id;
}

/** Workspaces by id, oldest first, then by id (for a key: its one workspace). */
export async function listWorkspacesByIds(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<WorkspaceRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('workspaces')
    .selectAll()
    .where('id', 'in', ids)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}
