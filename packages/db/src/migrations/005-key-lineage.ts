import { sql } from 'kysely';
import type { OnePinMigration } from './kit.js';

/**
 * `api_keys.lineage_id`: the id of the first key of a rotation chain, shared by every key
 * rotated from it. The per-key rate limit counts by lineage, so rotating a key cannot reset a
 * budget it has spent (a key and its replacement in the grace period share one count).
 *
 * Existing keys get their chain's first id by walking `rotated_from` back to a key that was
 * not rotated from another; a key whose chain cannot be walked (a missing link) starts its
 * own lineage. The column stays nullable so that a node still running the code from before
 * this migration can insert keys during a rolling upgrade: readers take `id` for a null.
 */
export const keyLineage: OnePinMigration = {
  async up(db) {
    await db.schema.alterTable('api_keys').addColumn('lineage_id', 'text').execute();
    await sql`
      WITH RECURSIVE chain (id, root) AS (
        SELECT id, id FROM api_keys WHERE rotated_from IS NULL
        UNION ALL
        SELECT k.id, chain.root FROM api_keys k JOIN chain ON k.rotated_from = chain.id
      )
      UPDATE api_keys
      SET lineage_id = (SELECT chain.root FROM chain WHERE chain.id = api_keys.id)`.execute(db);
    await sql`UPDATE api_keys SET lineage_id = id WHERE lineage_id IS NULL`.execute(db);
  },
};
