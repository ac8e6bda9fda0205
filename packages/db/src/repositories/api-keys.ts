import type { KeyType } from '@onepin/core';
import type { Kysely } from 'kysely';
import type { ApiKeyRow, Database } from '../schema.js';
import { type ApiKeyLeak, latestKeyLeaks } from './key-events.js';

/** An API key as the rest of the code sees it: scopes parsed, the flag a boolean. */
export interface ApiKeyRecord extends Omit<ApiKeyRow, 'scopes' | 'active'> {
  scopes: string[];
  active: boolean;
  /**
   * Its latest leak report (not a column: read beside the key by `findApiKeyById` and
   * `listApiKeys`); `undefined` where the reader did not look.
   */
  leak?: ApiKeyLeak | null;
}

/**
 * `active`: usable now (not revoked, not expired, not deactivated; a rotated-out key in its
 * grace period is usable, so it is active until the grace ends); `revoked`: every other key
 * (revoked, expired or deactivated); `all`: both. `active` + `revoked` = `all`.
 */
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
  return { ...row, scopes: JSON.parse(row.scopes) as string[], active: row.active === 1 };
}

function toRow(record: ApiKeyRecord): ApiKeyRow {
  const { leak: _leak, ...columns } = record;
  return { ...columns, scopes: JSON.stringify(columns.scopes), active: columns.active ? 1 : 0 };
}

/** The records with their latest leak report (or null), read in one more query. */
async function withLeaks(db: Kysely<Database>, rows: ApiKeyRow[]): Promise<ApiKeyRecord[]> {
  const leaks = await latestKeyLeaks(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({ ...toApiKeyRecord(row), leak: leaks.get(row.id) ?? null }));
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
  return row && (await withLeaks(db, [row]))[0];
}

export async function listApiKeys(
  db: Kysely<Database>,
  query: ApiKeyListQuery,
): Promise<{ items: ApiKeyRecord[]; total: number }> {
  let filtered = db.selectFrom('api_keys').where('workspace_id', '=', query.workspaceId);
  if (query.keyType) filtered = filtered.where('key_type', '=', query.keyType);
  // The same test as the `active` field of the wire form (toApiKeyOut), so a listed key's
  // `active` always matches the filter it was listed under.
  if (query.status === 'active') {
    filtered = filtered
      .where('active', '=', 1)
      .where('revoked_at', 'is', null)
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', query.now)]));
  } else if (query.status === 'revoked') {
    filtered = filtered.where((eb) =>
      eb.or([
        eb('active', '=', 0),
        eb('revoked_at', 'is not', null),
        eb('expires_at', '<=', query.now),
      ]),
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
  return { items: await withLeaks(db, rows), total: Number(count.total) };
}

/**
 * The keys a person made in a workspace that can still work or be re-activated: not revoked
 * and not expired (deactivated and rotated-out keys in their grace period included), newest
 * first. What removing that person from the workspace should offer to revoke.
 */
export async function listLiveKeysCreatedBy(
  db: Kysely<Database>,
  query: { workspaceId: string; userId: string; now: string },
): Promise<ApiKeyRecord[]> {
  const rows = await db
    .selectFrom('api_keys')
    .selectAll()
    .where('workspace_id', '=', query.workspaceId)
    .where('created_by', '=', query.userId)
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', query.now)]))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toApiKeyRecord);
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

/**
 * The ids of the workspace's keys (any state) that a user created; with `ownerless`, also
 * those no person created (the admin command's, which act for the workspace's owner).
 */
export async function listApiKeyIdsCreatedBy(
  db: Kysely<Database>,
  workspaceId: string,
  userId: string,
  ownerless = false,
): Promise<string[]> {
  const rows = await db
    .selectFrom('api_keys')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where((eb) =>
      ownerless
        ? eb.or([eb('created_by', '=', userId), eb('created_by', 'is', null)])
        : eb('created_by', '=', userId),
    )
    .execute();
  return rows.map((row) => row.id);
}

/** Who created each of these keys (id and email), for keys a person created. */
export async function findApiKeyCreators(
  db: Kysely<Database>,
  keyIds: readonly string[],
): Promise<Map<string, { id: string; email: string }>> {
  if (keyIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('api_keys')
    .innerJoin('users', 'users.id', 'api_keys.created_by')
    .select(['api_keys.id as key_id', 'users.id as user_id', 'users.email'])
    .where('api_keys.id', 'in', keyIds)
    .execute();
  return new Map(rows.map((row) => [row.key_id, { id: row.user_id, email: row.email }]));
}
