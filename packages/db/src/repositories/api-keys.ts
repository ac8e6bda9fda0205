import type { KeyType, Scope } from '@onepin/core';
import type { Kysely } from 'kysely';
import type { ApiKeyRow, Database } from '../schema.js';

/** An API key as the rest of the code sees it: scopes parsed, the flag a boolean. */
export interface ApiKeyRecord extends Omit<ApiKeyRow, 'scopes' | 'active'> {
  scopes: Scope[];
  active: boolean;
}

/** `active`: usable now; `revoked`: revoked or expired; `all`: both. */
export type ApiKeyStatusFilter = 'active' | 'revoked' | 'all';

export interface ApiKeyListQuery {
  workspaceId: string;
  /** Only keys of this type; `undefined` for every type. */
  keyType?: KeyType;
  status: ApiKeyStatusFilter;
  now: string;
  limit: number;
  offset: number;
}

export type ApiKeyChanges = Partial<
  Pick<
    ApiKeyRecord,
    | 'name'
    | 'scopes'
    | 'active'
    | 'rate_limit_per_min'
    | 'expires_at'
    | 'revoked_at'
    | 'replaced_by'
  >
> & { updated_at: string };

export function toApiKeyRecord(row: ApiKeyRow): ApiKeyRecord {
  return { ...row, scopes: JSON.parse(row.scopes) as Scope[], active: row.active === 1 };
}

function toRow(record: ApiKeyRecord): ApiKeyRow {
  return { ...record, scopes: JSON.stringify(record.scopes), active: record.active ? 1 : 0 };
}

export async function insertApiKey(db: Kysely<Database>, record: ApiKeyRecord): Promise<void> {
  await db.insertInto('api_keys').values(toRow(record)).execute();
}

export async function findApiKeyById(
  db: Kysely<Database>,
  workspaceId: string,
  id: string,
): Promise<ApiKeyRecord | undefined> {
  const row = await db
    .selectFrom('api_keys')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toApiKeyRecord(row);
}

export async function listApiKeys(
  db: Kysely<Database>,
  query: ApiKeyListQuery,
): Promise<{ items: ApiKeyRecord[]; total: number }> {
  let filtered = db.selectFrom('api_keys').where('workspace_id', '=', query.workspaceId);
  if (query.keyType) filtered = filtered.where('key_type', '=', query.keyType);
  if (query.status === 'active') {
    filtered = filtered
      .where('revoked_at', 'is', null)
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', query.now)]));
  } else if (query.status === 'revoked') {
    filtered = filtered.where((eb) =>
      eb.or([eb('revoked_at', 'is not', null), eb('expires_at', '<=', query.now)]),
    );
  }
  const [rows, count] = await Promise.all([
    filtered
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
    filtered.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toApiKeyRecord), total: Number(count.total) };
}

/**
 * Applies `changes` if the key still has the `updated_at` the caller read (optimistic
 * concurrency: two rotations of one key cannot both succeed). Returns the updated key, or
 * `undefined` when it is missing or changed meanwhile.
 */
export async function updateApiKey(
  db: Kysely<Database>,
  workspaceId: string,
  id: string,
  changes: ApiKeyChanges,
  expectedUpdatedAt?: string,
): Promise<ApiKeyRecord | undefined> {
  const { scopes, active, ...rest } = changes;
  let query = db
    .updateTable('api_keys')
    .set({
      ...rest,
      ...(scopes !== undefined && { scopes: JSON.stringify(scopes) }),
      ...(active !== undefined && { active: active ? 1 : 0 }),
    })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id);
  if (expectedUpdatedAt !== undefined) query = query.where('updated_at', '=', expectedUpdatedAt);
  const result = await query.executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) return undefined;
  return findApiKeyById(db, workspaceId, id);
}
