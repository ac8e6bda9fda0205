import type SQLite from 'better-sqlite3';
import type { DatabaseHandle } from '../connection.js';
import { type ApiKeyUsage, usageUpdate, writeApiKeyUsage } from '../repositories/api-key-usage.js';

interface PreparedUsageWrite {
  write(usage: readonly ApiKeyUsage[]): void;
}

const preparedUsageWrites = new WeakMap<SQLite.Database, PreparedUsageWrite>();

/** The usage UPDATE compiled once from its Kysely query, run for a whole batch in one transaction. */
function prepareUsageWrite(handle: DatabaseHandle, sqlite: SQLite.Database): PreparedUsageWrite {
  const ID = '\u0000id';
  const { sql, parameters } = usageUpdate(handle.db, ID, '\u0000at').compile();
  const statement = sqlite.prepare(sql);
  const idAt = parameters.map((parameter) => parameter === ID);
  return {
    write: sqlite.transaction((usage: readonly ApiKeyUsage[]) => {
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
 * is open on the connection. On PostgreSQL, Kysely (`writeApiKeyUsage`).
 */
export async function recordApiKeyUsage(
  database: DatabaseHandle,
  usage: readonly ApiKeyUsage[],
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
  await writeApiKeyUsage(database.db, usage);
}
