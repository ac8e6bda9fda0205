import { describe, expect } from 'vitest';
import { databasePerSuite, testDialects } from '../test-support/index.js';
import { findWorkspacesByReference, insertWorkspace } from './workspaces.js';

const at = (minute: number) => `2026-01-01T00:${String(minute).padStart(2, '0')}:00.000Z`;

describe.each(testDialects)('$name: workspaces by reference', (dialect) => {
  const test = databasePerSuite(dialect, async (db) => {
    const rows = [
      ['w1', 'Acme', 'acme'],
      ['w2', 'Acme', 'acme-2'],
      ['w3', 'Globex', 'globex'],
      // A name that is another workspace's slug: the operator's word may match both.
      ['w4', 'globex', 'initech'],
    ] as const;
    for (const [index, [id, name, slug]] of rows.entries()) {
      await insertWorkspace(db, {
        id,
        name,
        slug,
        created_by: null,
        created_at: at(index),
        updated_at: at(index),
      });
    }
  });
  const ids = async (reference: string) =>
    (await findWorkspacesByReference(test.handle.db, reference)).map((w) => w.id);

  test.run('finds by id, by slug, and every workspace of a name, oldest first', async () => {
    expect(await ids('w3')).toEqual(['w3']);
    expect(await ids('acme-2')).toEqual(['w2']);
    expect(await ids('Acme')).toEqual(['w1', 'w2']);
    expect(await ids('globex')).toEqual(['w3', 'w4']);
    expect(await ids('nothing')).toEqual([]);
  });
});
