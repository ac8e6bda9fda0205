import { previewApiKey } from '@onepin/core';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../connection.js';

/**
 * Anything shaped like a OnePin key or service token, anywhere in a value: no word boundaries, so a key glued
 * to other text is found too.
 */
export const KEY_ANYWHERE = /op_(?:live|test|svc)_[0-9A-Za-z]{32}/g;

/**
 * Reads every row of every table and returns each string that looks like a OnePin key (with
 * its table), for tests asserting that no plaintext ever reaches the database (SPEC §2). A
 * match is reported by its preview (`op_live_…AbCd`), so a failing test does not print it.
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
          }>`select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(
            handle.db,
          )
        ).rows;
  const found: Array<{ table: string; match: string }> = [];
  for (const { name } of tables) {
    const { rows } = await sql`select * from ${sql.table(name)}`.execute(handle.db);
    for (const row of rows) {
      for (const match of JSON.stringify(row).match(KEY_ANYWHERE) ?? [])
        found.push({ table: name, match: previewApiKey(match) });
    }
  }
  return found;
}
