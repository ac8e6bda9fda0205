import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectAvailable, type TestDatabase, testDialects } from '../test-support/index.js';
import { keyLineage } from './005-key-lineage.js';

const T0 = '2026-01-01T00:00:00.000Z';

describe.each(testDialects)('$name: migration 005-key-lineage', (dialect) => {
  let test: TestDatabase;
  const run = it.skipIf(!dialectAvailable(dialect));

  beforeAll(async () => {
    if (!dialectAvailable(dialect)) return;
    test = await dialect.create();
  });
  afterAll(async () => test?.dispose());

  run('gives every existing key the first id of its rotation chain', async () => {
    const db = test.handle.db;
    // The table as it was before the migration, with keys rotated before it ran.
    await sql`ALTER TABLE api_keys DROP COLUMN lineage_id`.execute(db);
    await sql`INSERT INTO users (id, email, created_at, updated_at)
      VALUES ('u', 'u@example.com', ${T0}, ${T0})`.execute(db);
    await sql`INSERT INTO workspaces (id, name, slug, created_by, created_at, updated_at)
      VALUES ('w', 'w', 'w', 'u', ${T0}, ${T0})`.execute(db);
    const links: Array<[id: string, rotatedFrom: string | null]> = [
      ['a1', null],
      ['a2', 'a1'],
      ['a3', 'a2'],
      ['b1', null],
      ['orphan', 'deleted-long-ago'],
    ];
    for (const [id, rotatedFrom] of links) {
      await sql`INSERT INTO api_keys (id, workspace_id, created_by, name, key_type, key_hash,
          key_prefix, key_suffix, scopes, active, rotated_from, created_at, updated_at)
        VALUES (${id}, 'w', 'u', ${id}, 'live', ${`hash-${id}`}, 'op_live_', 'AbCd', '[]', 1,
          ${rotatedFrom}, ${T0}, ${T0})`.execute(db);
    }

    await keyLineage.up(db, {
      dialect: test.handle.dialect,
      timestamp: test.handle.dialect === 'postgres' ? 'timestamptz' : 'text',
    });

    const rows = await db
      .selectFrom('api_keys')
      .select(['id', 'lineage_id'])
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { id: 'a1', lineage_id: 'a1' },
      { id: 'a2', lineage_id: 'a1' },
      { id: 'a3', lineage_id: 'a1' },
      { id: 'b1', lineage_id: 'b1' },
      { id: 'orphan', lineage_id: 'orphan' },
    ]);
  });
});
