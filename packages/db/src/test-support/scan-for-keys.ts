import { API_KEY_SEARCH_PATTERN } from '@onepin/core';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../connection.js';

/**
 * Reads every row of every table and returns each string that looks like a OnePin key
 * (with its table), for tests asserting that no plaintext ever reaches the database.
 */
export async function findKeysInDatabase(
  handle: DatabaseHandle,
): Promise<Array<{ table: string; match: string }>> {
  const tables =
    handle.dialect === 'sqlite'
      ? (
          await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(
            handle.db,
          )
        ).rows
      : (
          await sql<{
            name: string;
          }>`select table_name as name from information_schema.tables where table_schema = 'public'`.execute(
            handle.db,
          )
        ).rows;
  const found: Array<{ table: string; match: string }> = [];
  for (const { name } of tables) {
    const { rows } = await sql`select * from ${sql.table(name)}`.execute(handle.db);
    for (const row of rows) {
      for (const match of JSON.stringify(row).match(API_KEY_SEARCH_PATTERN) ?? [])
        found.push({ table: name, match });
    }
  }
  return found;
}
