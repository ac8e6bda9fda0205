import { type Migration, type MigrationResultSet, Migrator } from 'kysely';
import type { DatabaseHandle } from './connection.js';
import { MIGRATIONS } from './migrations/index.js';

/** Applies every pending migration; safe to call from several processes at once. */
export async function migrateToLatest(handle: DatabaseHandle): Promise<MigrationResultSet> {
  const context = {
    dialect: handle.dialect,
    timestamp: handle.dialect === 'postgres' ? 'timestamptz' : 'text',
  } as const;
  const migrations: Record<string, Migration> = {};
  for (const [name, migration] of MIGRATIONS) {
    migrations[name] = { up: (db) => migration.up(db, context) };
  }
  const migrator = new Migrator({
    db: handle.db,
    provider: { getMigrations: async () => migrations },
  });
  const result = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName;
    const reason = result.error instanceof Error ? result.error.message : String(result.error);
    throw new Error(`database migration ${failed ?? ''} failed: ${reason}`.replace('  ', ' '));
  }
  return result;
}
