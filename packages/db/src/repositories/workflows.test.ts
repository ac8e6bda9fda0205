import { beforeAll, describe, expect } from 'vitest';
import { isUniqueViolation } from '../errors.js';
import {
  databasePerSuite,
  dialectAvailable,
  testDialects,
  workspacesWithIds,
} from '../test-support/index.js';
import type { Tenant } from './tenant.js';
import {
  findTakenWorkflowNames,
  findWorkflow,
  insertWorkflow,
  listWorkflows,
  purgeWorkflows,
  softDeleteWorkflow,
  updateWorkflow,
  type WorkflowRecord,
} from './workflows.js';

const T0 = '2026-01-01T00:00:00.000Z';
const LIVE: Tenant = { workspaceId: 'ws-1', environment: 'live' };
const TEST: Tenant = { workspaceId: 'ws-1', environment: 'test' };
const OTHER: Tenant = { workspaceId: 'ws-2', environment: 'live' };

let counter = 0;
function workflow(tenant: Tenant, overrides: Partial<WorkflowRecord> = {}): WorkflowRecord {
  counter++;
  return {
    id: `wf-${counter}`,
    workspace_id: tenant.workspaceId,
    environment: tenant.environment,
    name: `Workflow ${counter}`,
    description: null,
    definition: { graph: { nodes: [{ id: 'a', type: 'source_script' }], edges: [] } },
    created_by: null,
    created_at: T0,
    updated_at: T0,
    deleted_at: null,
    ...overrides,
  };
}

describe.each(testDialects)('$name: workflows repository', (dialect) => {
  const test = databasePerSuite(dialect, workspacesWithIds('ws-1', 'ws-2', 'ws-ties'));
  const { run } = test;

  run('stores a workflow and finds it only in its own workspace and environment', async () => {
    const db = test.handle.db;
    const record = workflow(LIVE, { description: 'a description' });
    await insertWorkflow(db, record);
    expect(await findWorkflow(db, LIVE, record.id)).toEqual(record);
    expect(await findWorkflow(db, TEST, record.id)).toBeUndefined();
    expect(await findWorkflow(db, OTHER, record.id)).toBeUndefined();
  });

  run('refuses a second live workflow of the same name with a unique violation', async () => {
    const db = test.handle.db;
    await insertWorkflow(db, workflow(LIVE, { name: 'Taken' }));
    const error = await insertWorkflow(db, workflow(LIVE, { name: 'Taken' })).catch((e) => e);
    expect(isUniqueViolation(error)).toBe(true);
  });

  run.each([
    ['another environment', TEST, 'Shared name 1'],
    ['another workspace', OTHER, 'Shared name 2'],
    ['a different case', LIVE, 'shared NAME 3'],
  ])('allows the same name in %s', async (_label, tenant, name) => {
    const db = test.handle.db;
    await insertWorkflow(db, workflow(LIVE, { name: name.replace('shared NAME', 'Shared name') }));
    await expect(insertWorkflow(db, workflow(tenant, { name }))).resolves.toBeUndefined();
  });

  run('frees a name when its workflow is deleted, and hides the deleted one', async () => {
    const db = test.handle.db;
    const first = workflow(LIVE, { name: 'Reusable' });
    await insertWorkflow(db, first);
    expect(await softDeleteWorkflow(db, LIVE, first.id, '2026-01-02T00:00:00.000Z')).toBe(true);
    expect(await softDeleteWorkflow(db, LIVE, first.id, '2026-01-02T00:00:00.000Z')).toBe(false);
    expect(await findWorkflow(db, LIVE, first.id)).toBeUndefined();
    await insertWorkflow(db, workflow(LIVE, { name: 'Reusable' }));
    expect(await findTakenWorkflowNames(db, LIVE, ['Reusable', 'Free'])).toEqual(
      new Set(['Reusable']),
    );
  });

  run('updates only a live workflow of the tenant', async () => {
    const db = test.handle.db;
    const record = workflow(LIVE);
    await insertWorkflow(db, record);
    const later = '2026-01-03T00:00:00.000Z';
    expect(await updateWorkflow(db, TEST, record.id, { name: 'x', updated_at: later })).toBe(
      undefined,
    );
    const definition = { graph: { nodes: [], edges: [] } };
    const updated = await updateWorkflow(db, LIVE, record.id, {
      name: 'Renamed',
      definition,
      updated_at: later,
    });
    expect(updated).toMatchObject({ name: 'Renamed', definition, updated_at: later });
    expect(updated?.description).toBeNull();
  });

  describe('listing', () => {
    const tenant: Tenant = { workspaceId: 'ws-2', environment: 'test' };
    const names = ['beta', 'Alpha', 'gamma 100%', 'gamma_1', 'Delta'];

    beforeAll(async () => {
      if (!dialectAvailable(dialect)) return;
      for (const [i, name] of names.entries()) {
        const at = `2026-02-0${i + 1}T00:00:00.000Z`;
        await insertWorkflow(
          test.handle.db,
          workflow(tenant, { id: `list-${i}`, name, created_at: at, updated_at: at }),
        );
      }
      const gone = workflow(tenant, { id: 'list-gone', name: 'alpha gone' });
      await insertWorkflow(test.handle.db, gone);
      await softDeleteWorkflow(test.handle.db, tenant, gone.id, T0);
    });

    const list = (query: Partial<Parameters<typeof listWorkflows>[1]>) =>
      listWorkflows(test.handle.db, {
        tenant,
        sort: [{ field: 'updated_at', order: 'desc' }],
        limit: 50,
        offset: 0,
        ...query,
      });
    const namesOf = async (query: Partial<Parameters<typeof listWorkflows>[1]>) =>
      (await list(query)).items.map((w) => w.name);

    run('sorts names case-insensitively, both ways', async () => {
      expect(await namesOf({ sort: [{ field: 'name', order: 'asc' }] })).toEqual([
        'Alpha',
        'beta',
        'Delta',
        'gamma 100%',
        'gamma_1',
      ]);
      expect(await namesOf({ sort: [{ field: 'name', order: 'desc' }] })).toEqual([
        'gamma_1',
        'gamma 100%',
        'Delta',
        'beta',
        'Alpha',
      ]);
    });

    run('sorts by time and counts the total, without deleted workflows', async () => {
      const page = await list({
        sort: [{ field: 'created_at', order: 'asc' }],
        limit: 2,
        offset: 1,
      });
      expect(page.items.map((w) => w.name)).toEqual(['Alpha', 'gamma 100%']);
      expect(page.total).toBe(5);
    });

    run('applies several sort keys in turn', async () => {
      const db = test.handle.db;
      const sameTime = '2026-03-01T00:00:00.000Z';
      const ties: Tenant = { workspaceId: 'ws-ties', environment: 'live' };
      for (const [id, name] of [
        ['t1', 'b'],
        ['t2', 'a'],
        ['t3', 'c'],
      ]) {
        await insertWorkflow(
          db,
          workflow(ties, { id, name, created_at: sameTime, updated_at: sameTime }),
        );
      }
      const page = await listWorkflows(db, {
        tenant: ties,
        sort: [
          { field: 'updated_at', order: 'desc' },
          { field: 'name', order: 'desc' },
        ],
        limit: 50,
        offset: 0,
      });
      expect(page.items.map((w) => w.name)).toEqual(['c', 'b', 'a']);
    });

    run.each([
      ['ALPHA', ['Alpha']],
      ['%', ['gamma 100%']],
      ['_', ['gamma_1']],
      ['a 1', ['gamma 100%']],
      ['zzz', []],
    ])('searches %j as a plain case-insensitive substring', async (search, expected) => {
      expect(await namesOf({ search, sort: [{ field: 'name', order: 'asc' }] })).toEqual(expected);
    });
  });

  run('purges every workflow of one tenant and nothing else', async () => {
    const db = test.handle.db;
    const tenant: Tenant = { workspaceId: 'ws-2', environment: 'live' };
    const kept = workflow(TEST);
    await insertWorkflow(db, kept);
    const doomed = workflow(tenant);
    await insertWorkflow(db, doomed);
    expect(await purgeWorkflows(db, tenant)).toBeGreaterThanOrEqual(1);
    expect(await findWorkflow(db, tenant, doomed.id)).toBeUndefined();
    expect(await findWorkflow(db, TEST, kept.id)).toEqual(kept);
  });
});
