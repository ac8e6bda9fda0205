import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** One key's `last_used_at`, as collected in memory on the request path. */
export interface ApiKeyUsage {
  id: string;
  lastUsedAt: string;
}

/** Moves a key's `last_used_at` forward to `lastUsedAt`, never back. */
export function usageUpdate(db: Kysely<Database>, id: string, lastUsedAt: string) {
  return db
    .updateTable('api_keys')
    .set({ last_used_at: lastUsedAt })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', lastUsedAt)]));
}

/**
 * Writes a batch of usage in one transaction, through Kysely: the reference for the SQLite
 * prepared copy (`recordApiKeyUsage`), and what every other case uses.
 */
export async function writeApiKeyUsage(
  db: Kysely<Database>,
  usage: readonly ApiKeyUsage[],
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const { id, lastUsedAt } of usage) await usageUpdate(trx, id, lastUsedAt).execute();
  });
}
