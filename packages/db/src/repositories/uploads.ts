import type { Kysely } from 'kysely';
import type { Database, UploadRow } from '../schema.js';
import type { Tenant } from './tenant.js';

export type UploadRecord = UploadRow;

export interface UploadBinding {
  context_type: 'workflow';
  context_id: string;
}

function ofTenant(db: Kysely<Database>, tenant: Tenant) {
  return db
    .selectFrom('uploads')
    .where('workspace_id', '=', tenant.workspaceId)
    .where('environment', '=', tenant.environment);
}

export async function insertUpload(db: Kysely<Database>, record: UploadRecord): Promise<void> {
  await db.insertInto('uploads').values(record).execute();
}

export async function findUpload(
  db: Kysely<Database>,
  tenant: Tenant,
  id: string,
): Promise<UploadRecord | undefined> {
  return ofTenant(db, tenant).selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * An upload by id alone, for the signed byte transfer: the URL's signature names the upload,
 * so no workspace is needed (nor known) there.
 */
export async function findUploadById(
  db: Kysely<Database>,
  id: string,
): Promise<UploadRecord | undefined> {
  return db.selectFrom('uploads').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Records that the bytes of a pending upload arrived. Only one transfer can do this: returns
 * false when the upload is gone or already received.
 */
export async function markUploadReceived(
  db: Kysely<Database>,
  id: string,
  received: { sha256: string; size_bytes: number; uploaded_at: string },
): Promise<boolean> {
  const result = await db
    .updateTable('uploads')
    .set({ status: 'uploaded', ...received, updated_at: received.uploaded_at })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Binds an upload whose bytes arrived to a context. Returns the upload as it is now, or
 * `undefined` when it is missing, not yet received, or bound to another context meanwhile.
 */
export async function bindUpload(
  db: Kysely<Database>,
  tenant: Tenant,
  id: string,
  binding: UploadBinding,
  now: string,
): Promise<UploadRecord | undefined> {
  const result = await db
    .updateTable('uploads')
    .set({ ...binding, confirmed_at: now, updated_at: now })
    .where('workspace_id', '=', tenant.workspaceId)
    .where('environment', '=', tenant.environment)
    .where('id', '=', id)
    .where('status', '=', 'uploaded')
    .where('context_id', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) return undefined;
  return findUpload(db, tenant, id);
}

/** Deletes an upload's row; returns whether there was one. */
export async function deleteUpload(
  db: Kysely<Database>,
  tenant: Tenant,
  id: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('uploads')
    .where('workspace_id', '=', tenant.workspaceId)
    .where('environment', '=', tenant.environment)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** The uploads bound to one context, newest first. */
export async function listUploadsOfContext(
  db: Kysely<Database>,
  query: UploadBinding & { tenant: Tenant; limit: number; offset: number },
): Promise<{ items: UploadRecord[]; total: number }> {
  const filtered = ofTenant(db, query.tenant)
    .where('context_type', '=', query.context_type)
    .where('context_id', '=', query.context_id);
  const [items, count] = await Promise.all([
    filtered
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'asc')
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
    filtered.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.total) };
}

/** Removes every upload row of a tenant; returns the ids removed, so their blobs can go too. */
export async function purgeUploads(db: Kysely<Database>, tenant: Tenant): Promise<string[]> {
  const rows = await db
    .deleteFrom('uploads')
    .where('workspace_id', '=', tenant.workspaceId)
    .where('environment', '=', tenant.environment)
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
}
