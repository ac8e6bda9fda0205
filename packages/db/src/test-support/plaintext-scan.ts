import { sql } from 'kysely';
import type { DatabaseHandle } from '../connection.js';

/** Any OnePin key, anywhere in a value (no word boundaries: a key glued to text still counts). */
export const PLAINTEXT_KEY = /op_(?:live|test)_[0-9A-Za-z]{32}/;

export interface PlaintextFinding {
  table: string;
  column: string;
  /** The value's key-like part, shortened so a report does not repeat the secret. */
  preview: string;
}

function quote(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}

/**
 * Looks through every text column of every table for a plaintext key (SPEC §2: only hashes
 * are stored). For tests: it reads whole tables.
 */
export async function findPlaintextKeys(database: DatabaseHandle): Promise<PlaintextFinding[]> {
  const columns =
    database.dialect === 'postgres'
      ? (
          await sql<{ table_name: string; column_name: string }>`
            select table_name, column_name from information_schema.columns
            where table_schema = current_schema()
              and data_type in ('text', 'character varying', 'character', 'json', 'jsonb')`.execute(
            database.db,
          )
        ).rows
      : (
          await sql<{ table_name: string; column_name: string }>`
            select m.name as table_name, p.name as column_name
            from sqlite_master m join pragma_table_info(m.name) p
            where m.type = 'table' and m.name not like 'sqlite_%'`.execute(database.db)
        ).rows;

  const findings: PlaintextFinding[] = [];
  for (const { table_name: table, column_name: column } of columns) {
    const { rows } = await sql<{ value: unknown }>`
      select ${sql.raw(quote(column))} as value from ${sql.raw(quote(table))}
      where cast(${sql.raw(quote(column))} as text) like ${'%op\\_%'} escape '\\'`.execute(
      database.db,
    );
    for (const { value } of rows) {
      const match = PLAINTEXT_KEY.exec(String(value));
      if (match) findings.push({ table, column, preview: `${match[0].slice(0, 12)}…` });
    }
  }
  return findings;
}
