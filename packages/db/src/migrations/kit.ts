import { type Kysely, sql } from 'kysely';
import type { DialectName } from '../connection.js';

/** What a migration needs to know to write one schema for both dialects. */
export interface MigrationContext {
  dialect: DialectName;
  /** Column type for timestamps: `text` (ISO-8601) on SQLite, `timestamptz` on PostgreSQL. */
  timestamp: 'text' | 'timestamptz';
}

export interface OnePinMigration {
  // biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then.
  up(db: Kysely<any>, context: MigrationContext): Promise<void>;
}

/** A CHECK expression limiting a text column to a fixed set of values. */
export function sqlIn(column: string, values: readonly string[]) {
  return sql`${sql.ref(column)} in (${sql.join(values.map((value) => sql.lit(value)))})`;
}
