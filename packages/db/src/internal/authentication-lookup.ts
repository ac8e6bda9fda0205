import type SQLite from 'better-sqlite3';
import type { DatabaseHandle } from '../connection.js';
import {
  type ApiKeyForAuthentication,
  type AuthenticationRow,
  authenticationQuery,
  findApiKeyForAuthentication,
  toKeyForAuthentication,
} from '../repositories/api-key-authentication.js';

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
