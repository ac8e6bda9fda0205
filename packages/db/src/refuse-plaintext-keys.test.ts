import { generateApiKey } from '@onepin/core';
import { describe, expect } from 'vitest';
import { PlaintextKeyRefusedError } from './refuse-plaintext-keys.js';
import { insertAuditEvent } from './repositories/audit-events.js';
import { insertWorkspace } from './repositories/workspaces.js';
import { databasePerSuite, testDialects } from './test-support/index.js';

const T0 = '2026-01-01T00:00:00.000Z';

function workspace(id: string, name: string) {
  return { id, name, slug: id, created_by: null, created_at: T0, updated_at: T0 };
}

describe.each(testDialects)('$name: no write stores a plaintext key', (dialect) => {
  const database = databasePerSuite(dialect);

  database.run('refuses an INSERT with a key glued into a value, naming the column', async () => {
    const key = generateApiKey('live');
    const attempt = insertWorkspace(database.handle.db, workspace('w-1', `prod_${key}x`));
    await expect(attempt).rejects.toBeInstanceOf(PlaintextKeyRefusedError);
    await expect(attempt).rejects.toMatchObject({
      column: 'name',
      message: expect.stringContaining('workspaces.name'),
    });
    expect(JSON.stringify(await attempt.catch((e: Error) => e.message))).not.toContain(
      key.slice(8),
    );
  });

  database.run('refuses an UPDATE and a key inside stored JSON text', async () => {
    const key = generateApiKey('test');
    const db = database.handle.db;
    await insertWorkspace(db, workspace('w-2', 'fine'));
    await expect(
      db
        .updateTable('workspaces')
        .set({ name: `a ${key}` })
        .where('id', '=', 'w-2')
        .execute(),
    ).rejects.toMatchObject({ column: 'name' });
    await expect(
      insertAuditEvent(db, {
        id: 'e-1',
        workspace_id: 'w-2',
        environment: 'live',
        action: 'x',
        actor_type: 'system',
        actor_id: null,
        actor_name: null,
        target_type: null,
        target_id: null,
        metadata: { nested: { name: `${key}` } },
        created_at: T0,
      }),
    ).rejects.toMatchObject({ column: 'metadata' });
  });

  database.run('refuses a key in an ON CONFLICT update and in a multi-row insert', async () => {
    const key = generateApiKey('live');
    const db = database.handle.db;
    await expect(
      db
        .insertInto('workspaces')
        .values([workspace('w-3', 'one'), workspace('w-4', `two ${key}`)])
        .execute(),
    ).rejects.toMatchObject({ column: 'name' });
    await expect(
      db
        .insertInto('workspaces')
        .values(workspace('w-5', 'five'))
        .onConflict((oc) => oc.column('id').doUpdateSet({ name: `${key}` }))
        .execute(),
    ).rejects.toBeInstanceOf(PlaintextKeyRefusedError);
  });

  database.run('stores a look-alike with a wrong checksum, and reads are not writes', async () => {
    const key = generateApiKey('live');
    const lookAlike = `${key.slice(0, -1)}${key.endsWith('a') ? 'b' : 'a'}`;
    const db = database.handle.db;
    await insertWorkspace(db, workspace('w-6', lookAlike));
    // A key in a condition is not stored.
    const found = await db
      .selectFrom('workspaces')
      .select('name')
      .where('name', '=', key)
      .execute();
    expect(found).toEqual([]);
    await db.deleteFrom('workspaces').where('id', '=', 'w-6').execute();
  });
});
