import type { KeyType, Scope } from '@onepin/core';
import type SQLite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { DatabaseHandle } from '../connection.js';
import type { ApiKeyRow, Database } from '../schema.js';
import { type ApiKeyLeak, latestKeyLeaks } from './key-events.js';

/** An API key as the rest of the code sees it: scopes parsed, the flag a boolean. */
export interface ApiKeyRecord extends Omit<ApiKeyRow, 'scopes' | 'active'> {
  scopes: Scope[];
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
  return { ...row, scopes: JSON.parse(row.scopes) as Scope[], active: row.active === 1 };
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

/** What authenticating a key reads of it: what each request checks or reports, with its
 * workspace's display name, and nothing else (no hash, no rotation links, no usage). */
export interface ApiKeyForAuthentication
  extends Pick<
    ApiKeyRecord,
    | 'id'
    | 'workspace_id'
    | 'name'
    | 'key_type'
    | 'scopes'
    | 'active'
    | 'revoked_at'
    | 'expires_at'
    | 'rate_limit_per_min'
    | 'created_by'
    | 'created_at'
    | 'replaced_by'
  > {
  workspace_name: string;
  /** The rate-limit bucket: the key's lineage id, or its own id for a row without one. */
  lineage_id: string;
}

/** The key by its hash, joined with its workspace's name: the query behind a cache miss. It
 * reads only the columns authentication uses: each one more is a string to make per miss. */
function authenticationQuery(db: Kysely<Database>, keyHash: string) {
  return db
    .selectFrom('api_keys')
    .innerJoin('workspaces', 'workspaces.id', 'api_keys.workspace_id')
    .select([
      'api_keys.id',
      'api_keys.workspace_id',
      'workspaces.name as workspace_name',
      'api_keys.name',
      'api_keys.key_type',
      'api_keys.scopes',
      'api_keys.active',
      'api_keys.revoked_at',
      'api_keys.expires_at',
      'api_keys.rate_limit_per_min',
      'api_keys.created_by',
      'api_keys.created_at',
      'api_keys.replaced_by',
      (eb) => eb.fn.coalesce('api_keys.lineage_id', 'api_keys.id').as('lineage_id'),
    ])
    .where('api_keys.key_hash', '=', keyHash);
}

type AuthenticationRow = NonNullable<
  Awaited<ReturnType<ReturnType<typeof authenticationQuery>['executeTakeFirst']>>
>;

function toKeyForAuthentication(row: AuthenticationRow): ApiKeyForAuthentication {
  return { ...row, scopes: JSON.parse(row.scopes) as Scope[], active: row.active === 1 };
}

/** The one query a cache miss costs: the key by its hash, joined with its workspace's name. */
export async function findApiKeyForAuthentication(
  db: Kysely<Database>,
  keyHash: string,
): Promise<ApiKeyForAuthentication | undefined> {
  const row = await authenticationQuery(db, keyHash).executeTakeFirst();
  return row && toKeyForAuthentication(row);
}

const preparedLookups = new WeakMap<
  SQLite.Database,
  SQLite.Statement<[string], AuthenticationRow>
>();

/** Bumped when PostgreSQL refuses a prepared lookup's plan, so the next one prepares afresh. */
const statementVersions = new WeakMap<DatabaseHandle, number>();

/** The lookup's SQL for the dialect, compiled once from the same Kysely query. */
const compiledLookups = new WeakMap<DatabaseHandle, string>();

function lookupSql(handle: DatabaseHandle): string {
  let sql = compiledLookups.get(handle);
  if (sql === undefined) {
    sql = authenticationQuery(handle.db, '').compile().sql;
    compiledLookups.set(handle, sql);
  }
  return sql;
}

/**
 * `findApiKeyForAuthentication` for the request path: the same SQL, compiled once from the same
 * Kysely query, run as a prepared statement. Through Kysely every call rebuilds and recompiles
 * the query, and on SQLite better-sqlite3 prepares it again: most of what a cache miss cost
 * (npm run bench).
 *
 * On SQLite the statement is prepared once per connection. Kysely queues its queries on that one
 * connection and this statement does not wait in the queue, so that it can never read rows a
 * transaction has not committed it defers to Kysely whenever a transaction is open on it.
 * On PostgreSQL it is a named statement, which each pooled connection prepares once; it reads
 * through the same pool (and type parsers) as Kysely, outside any transaction.
 */
export async function lookupApiKeyForAuthentication(
  handle: DatabaseHandle,
  keyHash: string,
): Promise<ApiKeyForAuthentication | undefined> {
  const { sqlite, pool } = handle;
  if (pool !== undefined) {
    const version = statementVersions.get(handle) ?? 0;
    try {
      const result = await pool.query<AuthenticationRow>({
        name: `onepin_api_key_for_authentication_${version}`,
        text: lookupSql(handle),
        values: [keyHash],
      });
      const row = result.rows[0];
      return row && toKeyForAuthentication(row);
    } catch (error) {
      // A migration that changes api_keys while we run makes PostgreSQL refuse the prepared
      // plan ("cached plan must not change result type"): use a fresh name from now on.
      if ((error as { code?: string }).code !== '0A000') throw error;
      statementVersions.set(handle, version + 1);
      return findApiKeyForAuthentication(handle.db, keyHash);
    }
  }
  if (sqlite === undefined || sqlite.inTransaction) {
    return findApiKeyForAuthentication(handle.db, keyHash);
  }
  let statement = preparedLookups.get(sqlite);
  if (statement === undefined) {
    statement = sqlite.prepare<[string], AuthenticationRow>(lookupSql(handle));
    preparedLookups.set(sqlite, statement);
  }
  const row = statement.get(keyHash);
  return row && toKeyForAuthentication(row);
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

function usageUpdate(db: Kysely<Database>, id: string, lastUsedAt: string) {
  return db
    .updateTable('api_keys')
    .set({ last_used_at: lastUsedAt })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', lastUsedAt)]));
}

interface PreparedUsageWrite {
  write(usage: ReadonlyArray<{ id: string; lastUsedAt: string }>): void;
}

const preparedUsageWrites = new WeakMap<SQLite.Database, PreparedUsageWrite>();

/** The usage UPDATE compiled once from its Kysely query, run for a whole batch in one transaction. */
function prepareUsageWrite(handle: DatabaseHandle, sqlite: SQLite.Database): PreparedUsageWrite {
  const ID = '\u0000id';
  const { sql, parameters } = usageUpdate(handle.db, ID, '\u0000at').compile();
  const statement = sqlite.prepare(sql);
  const idAt = parameters.map((parameter) => parameter === ID);
  return {
    write: sqlite.transaction((usage: ReadonlyArray<{ id: string; lastUsedAt: string }>) => {
      for (const { id, lastUsedAt } of usage) {
        statement.run(idAt.map((isId) => (isId ? id : lastUsedAt)));
      }
    }),
  };
}

/**
 * Writes batched `last_used_at` values in one transaction; a later time never goes backwards.
 *
 * On SQLite the UPDATE is prepared once per connection: through Kysely each row cost about
 * 38 µs of CPU, and the server writes one row per key used in the last minute, blocking its
 * event loop meanwhile. Like the authentication lookup, it defers to Kysely while a transaction
 * is open on the connection.
 */
export async function recordApiKeyUsage(
  database: DatabaseHandle,
  usage: ReadonlyArray<{ id: string; lastUsedAt: string }>,
): Promise<void> {
  if (usage.length === 0) return;
  const sqlite = database.sqlite;
  if (sqlite !== undefined && !sqlite.inTransaction) {
    let prepared = preparedUsageWrites.get(sqlite);
    if (prepared === undefined) {
      prepared = prepareUsageWrite(database, sqlite);
      preparedUsageWrites.set(sqlite, prepared);
    }
    prepared.write(usage);
    return;
  }
  await database.db.transaction().execute(async (trx) => {
    for (const { id, lastUsedAt } of usage) await usageUpdate(trx, id, lastUsedAt).execute();
  });
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
