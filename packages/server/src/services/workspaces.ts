import {
  findWorkspaceById,
  findWorkspaceOwnerId,
  listWorkspacesByIds,
  type WorkspaceRow,
} from '@onepin/db';
import { notFound } from '../api-error.js';
import type { Principal } from '../auth/principal.js';
import type { ServiceDeps } from './service-deps.js';

/**
 * Who stands behind objects that no person created (made with a key from `onepin-server admin
 * create-key`): the workspace's owner. The public API types `user_id` as a string, never null.
 */
export async function workspaceOwnerId(deps: ServiceDeps, workspaceId: string): Promise<string> {
  // A workspace always has an admin (the last one cannot leave); '' only if one had none.
  return (await findWorkspaceOwnerId(deps.database.db, workspaceId)) ?? '';
}

/**
 * Renders objects of one workspace with their creator resolved: `render` gets the owner's id
 * for objects that no person created. The owner is looked up only when one of them needs it.
 */
export async function attributed<T extends { created_by: string | null }, O>(
  deps: ServiceDeps,
  workspaceId: string,
  records: readonly T[],
  render: (record: T, ownerId: string) => O,
): Promise<O[]> {
  const owner = records.some((record) => record.created_by === null)
    ? await workspaceOwnerId(deps, workspaceId)
    : '';
  return records.map((record) => render(record, owner));
}

/** One object rendered as `attributed` does. */
export async function attributedOne<T extends { created_by: string | null }, O>(
  deps: ServiceDeps,
  workspaceId: string,
  record: T,
  render: (record: T, ownerId: string) => O,
): Promise<O> {
  return render(record, record.created_by ?? (await workspaceOwnerId(deps, workspaceId)));
}

/** The user a caller acts as: a session's person, a key's creator, or the workspace's owner. */
export async function actingUserId(deps: ServiceDeps, principal: Principal): Promise<string> {
  return principal.userId ?? workspaceOwnerId(deps, principal.workspaceId);
}

/** The workspaces a caller can see: a key its own, a session every one the person belongs to. */
export function visibleWorkspaceIds(principal: Principal): string[] {
  return principal.kind === 'session'
    ? principal.workspaces.map((workspace) => workspace.id)
    : [principal.workspaceId];
}

/** One of the caller's workspaces, or 404 (also for workspaces that exist but are not theirs). */
export async function getVisibleWorkspace(
  deps: ServiceDeps,
  principal: Principal,
  id: string,
): Promise<WorkspaceRow> {
  const workspace = visibleWorkspaceIds(principal).includes(id)
    ? await findWorkspaceById(deps.database.db, id)
    : undefined;
  if (!workspace) throw notFound('Workspace');
  return workspace;
}

/** The caller's workspaces in membership order (oldest membership first), one page of them. */
export async function listVisibleWorkspaces(
  deps: ServiceDeps,
  principal: Principal,
  page: { limit: number; offset: number },
): Promise<{ items: WorkspaceRow[]; total: number }> {
  const ids = visibleWorkspaceIds(principal);
  const byId = new Map(
    (await listWorkspacesByIds(deps.database.db, ids)).map((row) => [row.id, row]),
  );
  const all = ids.flatMap((id) => byId.get(id) ?? []);
  return { items: all.slice(page.offset, page.offset + page.limit), total: all.length };
}
