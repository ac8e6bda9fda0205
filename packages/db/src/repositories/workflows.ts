import { type Kysely, sql } from 'kysely';
import type { Database, WorkflowRow } from '../schema.js';
import { escapeLike, type Tenant } from './tenant.js';

/** A workflow with its definition parsed. The server validates definitions; here they are JSON. */
export interface WorkflowRecord extends Omit<WorkflowRow, 'definition'> {
  definition: Record<string, unknown>;
}

export type WorkflowSortField = 'name' | 'created_at' | 'updated_at';

/** One key of a list's order; the keys apply in turn, and `id` breaks the last ties. */
export interface WorkflowSort {
  field: WorkflowSortField;
  order: 'asc' | 'desc';
}

export interface WorkflowListQuery {
  tenant: Tenant;
  /** Case-insensitive substring of the name. */
  search?: string | undefined;
  sort: readonly WorkflowSort[];
  limit: number;
  offset: number;
}

export type WorkflowChanges = Partial<
  Pick<WorkflowRecord, 'name' | 'description' | 'definition'>
> & { updated_at: string };

function toRecord(row: WorkflowRow): WorkflowRecord {
  return { ...row, definition: JSON.parse(row.definition) as Record<string, unknown> };
}

/** The workflows of one tenant that are not deleted. */
function visible(db: Kysely<Database>, tenant: Tenant) {
  return db
    .selectFrom('workflows')
    .where('workspace_id', '=', tenant.workspaceId)
    .where('environment', '=', tenant.environment)
    .where('deleted_at', 'is', null);
}

/** Inserts a workflow; a name already taken by a live workflow throws a unique violation. */
export async function insertWorkflow(db: Kysely<Database>, record: WorkflowRecord): Promise<void> {
  await db
    .insertInto('workflows')
    .values({ ...record, definition: JSON.stringify(record.definition) })
    .execute();
}

export async function findWorkflow(
  db: Kysely<Database>,
  tenant: Tenant,
  id: string,
): Promise<WorkflowRecord | undefined> {
  const row = await visible(db, tenant).selectAll().where('id', '=', id).executeTakeFirst();
  return row && toRecord(row);
}

export async function listWorkflows(
  db: Kysely<Database>,
  query: WorkflowListQuery,
): Promise<{ items: WorkflowRecord[]; total: number }> {
  let filtered = visible(db, query.tenant);
  if (query.search) {
    const pattern = `%${escapeLike(query.search.toLowerCase())}%`;
    filtered = filtered.where(sql<boolean>`lower(name) like ${pattern} escape '\\'`);
  }
  // Names sort case-insensitively, the same on both dialects; `id` breaks every tie so
  // pages never overlap or skip.
  let ordered = filtered.selectAll();
  for (const { field, order } of query.sort) {
    ordered = ordered.orderBy(field === 'name' ? sql`lower(name)` : sql.ref(field), order);
  }
  const [rows, count] = await Promise.all([
    ordered.orderBy('id', 'asc').limit(query.limit).offset(query.offset).execute(),
    filtered.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toRecord), total: Number(count.total) };
}

/** Which of `names` live workflows of the tenant already use (exact, case-sensitive). */
export async function findTakenWorkflowNames(
  db: Kysely<Database>,
  tenant: Tenant,
  names: readonly string[],
): Promise<Set<string>> {
  if (names.length === 0) return new Set();
  const rows = await visible(db, tenant).select('name').where('name', 'in', names).execute();
  return new Set(rows.map((row) => row.name));
}

/** The live workflow of the tenant that has exactly this name, if any. */
export async function findWorkflowIdByName(
  db: Kysely<Database>,
  tenant: Tenant,
  name: string,
): Promise<string | undefined> {
  const row = await visible(db, tenant).select('id').where('name', '=', name).executeTakeFirst();
  return row?.id;
}

/**
 * Changes a workflow that is not deleted; returns it as it is now, or `undefined` when it
 * is missing. A name already taken throws a unique violation.
 */
export async function updateWorkflow(
  db: Kysely<Database>,
  tenant: Tenant,
  id: string,
  changes: WorkflowChanges,
): Promise<WorkflowRecord | undefined> {
  const { definition, ...rest } = changes;
  const result = await db
    .updateTable('workflows')
    .set({ ...rest, ...(definition !== undefined && { definition: JSON.stringify(definition) }) })
    .where('workspace_id', '=', tenant.workspaceId)
    .where('environment', '=', tenant.environment)
    .where('deleted_at', 'is', null)
    .where('id', '=', id)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) return undefined;
  return findWorkflow(db, tenant, id);
}

/** Marks a workflow deleted; returns whether there was one to delete. */
export async function softDeleteWorkflow(
  db: Kysely<Database>,
  tenant: Tenant,
  id: string,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('workflows')
    .set({ deleted_at: now, updated_at: now })
    .where('workspace_id', '=', tenant.workspaceId)
    .where('environment', '=', tenant.environment)
    .where('deleted_at', 'is', null)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Removes every workflow of a tenant for good, deleted ones included; returns how many. */
export async function purgeWorkflows(db: Kysely<Database>, tenant: Tenant): Promise<number> {
  const result = await db
    .deleteFrom('workflows')
    .where('workspace_id', '=', tenant.workspaceId)
    .where('environment', '=', tenant.environment)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
