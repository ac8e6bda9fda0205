import { type Migration, Migrator } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../migrate.js';
import { findWorkflow } from '../repositories/workflows.js';
import {
  createEmptyDatabase,
  dialectAvailable,
  type TestDatabase,
  testDialects,
  workspacesWithIds,
} from '../test-support/index.js';
import { upgradeStoredDefinition } from './006-official-shapes.js';
import { MIGRATIONS } from './index.js';

const LEGACY = {
  graph: {
    nodes: [
      { id: 'voice', type: 'operator_generator', config: { voice: 'auto' } },
      { id: 'check', type: 'validator_naturalness', position: { x: 7, y: 8 } },
    ],
    edges: [
      { from: 'voice', to: 'check', label: 'kept' },
      { from: 'check', to: 'voice', port: 'fail' },
      { id: 'edge-1', source: 'check', sourcePort: 'pass', target: 'voice', targetPort: 'in' },
    ],
  },
  execution: { steps: ['voice'] },
};

const UPGRADED = {
  graph: {
    nodes: [
      {
        id: 'voice',
        type: 'operator_generator',
        config: { voice: 'auto' },
        position: { x: 0, y: 0 },
      },
      { id: 'check', type: 'validator_naturalness', position: { x: 7, y: 8 } },
    ],
    edges: [
      {
        id: 'edge-1-2',
        source: 'voice',
        sourcePort: 'out',
        target: 'check',
        targetPort: 'in',
        label: 'kept',
      },
      { id: 'edge-2', source: 'check', sourcePort: 'fail', target: 'voice', targetPort: 'in' },
      { id: 'edge-1', source: 'check', sourcePort: 'pass', target: 'voice', targetPort: 'in' },
    ],
  },
  execution: { steps: ['voice'] },
};

describe('006-official-shapes: stored definitions', () => {
  it('moves edges and nodes to the official graph shape', () => {
    expect(upgradeStoredDefinition(LEGACY)).toEqual(UPGRADED);
  });

  it.each([
    ['an official definition', UPGRADED],
    ['an empty graph', { graph: { nodes: [], edges: [] } }],
    ['no graph', {}],
    ['not an object', 'text'],
    ['a graph that is a list', { graph: [] }],
  ])('leaves %s alone', (_label, definition) => {
    expect(upgradeStoredDefinition(definition)).toBeNull();
  });
});

/** Applies the migrations up to (and without) `name`, as a database made before it has them. */
async function migrateBefore(test: TestDatabase, name: string) {
  const context = {
    dialect: test.handle.dialect,
    timestamp: test.handle.dialect === 'postgres' ? 'timestamptz' : 'text',
  } as const;
  const before = MIGRATIONS.slice(
    0,
    MIGRATIONS.findIndex(([migration]) => migration === name),
  );
  const migrations: Record<string, Migration> = Object.fromEntries(
    before.map(([migration, { up }]) => [migration, { up: (db) => up(db, context) }]),
  );
  const result = await new Migrator({
    db: test.handle.db,
    provider: { getMigrations: async () => migrations },
  }).migrateToLatest();
  if (result.error) throw result.error;
}

for (const dialect of testDialects) {
  describe.skipIf(!dialectAvailable(dialect))(`${dialect.name}: 006-official-shapes`, () => {
    let test: TestDatabase;

    beforeAll(async () => {
      test = await createEmptyDatabase(dialect);
      await migrateBefore(test, '006-official-shapes');
      await workspacesWithIds('ws-1')(test.handle.db);
      const row = (id: string, definition: unknown) => ({
        id,
        workspace_id: 'ws-1',
        environment: 'live' as const,
        name: id,
        description: null,
        definition: JSON.stringify(definition),
        created_by: null,
        created_at: '2026-01-01T00:00:00.000Z',
        updated_at: '2026-01-01T00:00:00.000Z',
        deleted_at: null,
      });
      // A deleted workflow is migrated too: nothing may read a definition in the old shape.
      await test.handle.db
        .insertInto('workflows')
        .values([
          row('legacy', LEGACY),
          row('official', UPGRADED),
          { ...row('deleted', LEGACY), deleted_at: '2026-01-02T00:00:00.000Z' },
        ])
        .execute();
      await migrateToLatest(test.handle);
    });
    afterAll(async () => test?.dispose());

    it('stores every existing definition in the official shape', async () => {
      const tenant = { workspaceId: 'ws-1', environment: 'live' } as const;
      expect((await findWorkflow(test.handle.db, tenant, 'legacy'))?.definition).toEqual(UPGRADED);
      expect((await findWorkflow(test.handle.db, tenant, 'official'))?.definition).toEqual(
        UPGRADED,
      );
      const deleted = await test.handle.db
        .selectFrom('workflows')
        .select('definition')
        .where('id', '=', 'deleted')
        .executeTakeFirstOrThrow();
      expect(JSON.parse(deleted.definition)).toEqual(UPGRADED);
    });

    it('adds the template clone counts, empty', async () => {
      const rows = await test.handle.db.selectFrom('template_uses').selectAll().execute();
      expect(rows).toEqual([]);
    });
  });
}
