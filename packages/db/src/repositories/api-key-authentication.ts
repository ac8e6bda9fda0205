import type { Scope } from '@onepin/core';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { ApiKeyRecord } from './api-keys.js';

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
  /** Who created the key's workspace: whom a key that no person made acts for (whoami's
   * `user_id`), read here so that answering it costs no query per request. */
  workspace_created_by: string | null;
  /** The rate-limit bucket: the key's lineage id, or its own id for a row without one. */
  lineage_id: string;
}

/** The key by its hash, joined with its workspace's name: the query behind a cache miss. It
 * reads only the columns authentication uses: each one more is a string to make per miss. */
export function authenticationQuery(db: Kysely<Database>, keyHash: string) {
  return db
    .selectFrom('api_keys')
    .innerJoin('workspaces', 'workspaces.id', 'api_keys.workspace_id')
    .select([
      'api_keys.id',
      'api_keys.workspace_id',
      'workspaces.name as workspace_name',
      'workspaces.created_by as workspace_created_by',
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

/** A row of `authenticationQuery`, as the database returns it. */
export type AuthenticationRow = NonNullable<
  Awaited<ReturnType<ReturnType<typeof authenticationQuery>['executeTakeFirst']>>
>;

export function toKeyForAuthentication(row: AuthenticationRow): ApiKeyForAuthentication {
  return { ...row, scopes: JSON.parse(row.scopes) as Scope[], active: row.active === 1 };
}

/**
 * The one query a cache miss costs, through Kysely: the reference for the request path's
 * prepared copy (`lookupApiKeyForAuthentication`), and what it falls back to.
 */
export async function findApiKeyForAuthentication(
  db: Kysely<Database>,
  keyHash: string,
): Promise<ApiKeyForAuthentication | undefined> {
  const row = await authenticationQuery(db, keyHash).executeTakeFirst();
  return row && toKeyForAuthentication(row);
}

/**
 * Keys by id, read as authentication reads them, with their hash: the verify API's usage
 * reports name keys by id, and the hash finds them in the verification cache next time.
 */
export async function findApiKeysForAuthenticationByIds(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Array<ApiKeyForAuthentication & { key_hash: string }>> {
  if (ids.length === 0) return [];
  const rows = await authenticationQuery(db, '')
    .clearWhere()
    .select('api_keys.key_hash')
    .where('api_keys.id', 'in', [...ids])
    .execute();
  return rows.map((row) => ({ ...toKeyForAuthentication(row), key_hash: row.key_hash }));
}
