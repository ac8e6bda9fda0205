import type { Environment, UploadRecord, WorkflowRecord } from '@onepin/db';
import { dialectAvailable, testDialects } from '@onepin/db/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_DEFINITION, seedUpload, seedWorkflow } from '../test-support/resources.js';
import { createTestWorld, type TestWorkspace, type TestWorld } from '../test-support/world.js';

const ALL_RESOURCE_SCOPES = [
  'workflows:read',
  'workflows:write',
  'templates:read',
  'uploads:write',
  'workspace:read',
] as const;

const MISSING_ID = '00000000-0000-4000-8000-000000000000';

/**
 * SPEC §8: a key's type decides which of its workspace's two data sets it sees. An object of
 * the other set must be indistinguishable from a missing one, for every route, both ways.
 */
for (const dialect of testDialects) {
  describe.skipIf(!dialectAvailable(dialect))(`${dialect.name}: live and test data`, () => {
    let world: TestWorld;
    let workspace: TestWorkspace;

    beforeAll(async () => {
      world = await createTestWorld(dialect);
      workspace = await world.createWorkspace('Two worlds');
    });
    afterAll(async () => world?.dispose());

    describe.each([
      ['live', 'test'],
      ['test', 'live'],
    ] as const)('objects of the %s set, seen with a %s key', (owner, caller) => {
      let key: string;
      let ownKey: string;
      let theirs: { workflow: WorkflowRecord; upload: UploadRecord; bound: UploadRecord };
      let mine: { workflow: WorkflowRecord; upload: UploadRecord };
      let missing: { workflow: any; upload: any };

      const seed = async (environment: Environment) => {
        const workflow = await seedWorkflow(world, workspace, environment);
        return {
          workflow,
          upload: await seedUpload(world, workspace, { environment }),
          bound: await seedUpload(world, workspace, { environment, confirmTo: workflow }),
        };
      };

      beforeAll(async () => {
        const scopes = [...ALL_RESOURCE_SCOPES];
        key = (await world.createKey(workspace, { type: caller, scopes })).plaintext;
        ownKey = (await world.createKey(workspace, { type: owner, scopes })).plaintext;
        theirs = await seed(owner);
        mine = await seed(caller);
        missing = {
          workflow: (await world.call('GET', `/api/v1/workflows/${MISSING_ID}`, { key })).body,
          upload: (await world.call('DELETE', `/api/v1/uploads/${MISSING_ID}`, { key })).body,
        };
      });

      const requests: Array<[string, () => [string, string, unknown?], 'workflow' | 'upload']> = [
        ['GET the workflow', () => ['GET', `/api/v1/workflows/${theirs.workflow.id}`], 'workflow'],
        [
          'PUT the workflow',
          () => [
            'PUT',
            `/api/v1/workflows/${theirs.workflow.id}`,
            { name: 'taken over', definition: SAMPLE_DEFINITION },
          ],
          'workflow',
        ],
        [
          'PATCH the workflow',
          () => ['PATCH', `/api/v1/workflows/${theirs.workflow.id}`, { name: 'taken over' }],
          'workflow',
        ],
        [
          'DELETE the workflow',
          () => ['DELETE', `/api/v1/workflows/${theirs.workflow.id}`],
          'workflow',
        ],
        [
          'duplicate the workflow',
          () => ['POST', `/api/v1/workflows/${theirs.workflow.id}/duplicate`],
          'workflow',
        ],
        [
          "list the workflow's uploads",
          () => ['GET', `/api/v1/workflows/${theirs.workflow.id}/uploads`],
          'workflow',
        ],
        [
          'confirm their upload to my workflow',
          () => [
            'POST',
            `/api/v1/uploads/${theirs.upload.id}`,
            { context_type: 'workflow', context_id: mine.workflow.id },
          ],
          'upload',
        ],
        [
          'confirm my upload to their workflow',
          () => [
            'POST',
            `/api/v1/uploads/${mine.upload.id}`,
            { context_type: 'workflow', context_id: theirs.workflow.id },
          ],
          'workflow',
        ],
        ['DELETE their upload', () => ['DELETE', `/api/v1/uploads/${theirs.upload.id}`], 'upload'],
      ];

      it.each(requests)(
        'cannot %s: 404 exactly as for a missing object',
        async (_l, build, kind) => {
          const [method, path, body] = build();
          const response = await world.call(method, path, { key, ...(body ? { body } : {}) });
          expect(response.status).toBe(404);
          const expected = missing[kind].error;
          expect(response.body.error).toEqual(expected);
        },
      );

      it('left their objects untouched', async () => {
        const own = (method: string, path: string) => world.call(method, path, { key: ownKey });
        const workflow = await own('GET', `/api/v1/workflows/${theirs.workflow.id}`);
        expect(workflow.status).toBe(200);
        expect(workflow.body.data.name).toBe(theirs.workflow.name);
        const uploads = await own('GET', `/api/v1/workflows/${theirs.workflow.id}/uploads`);
        expect(uploads.body.data.map((u: any) => u.id)).toEqual([theirs.bound.id]);
        const list = await own('GET', '/api/v1/workflows?limit=100');
        expect(list.body.data.map((w: any) => w.name)).not.toContain('taken over');
      });

      it('lists only its own workflows, with a total that counts only them', async () => {
        const response = await world.call('GET', '/api/v1/workflows?limit=100', { key });
        const ids = response.body.data.map((w: any) => w.id);
        expect(ids).toContain(mine.workflow.id);
        expect(ids).not.toContain(theirs.workflow.id);
        expect(response.body.data.every((w: any) => w.environment === caller)).toBe(true);
        expect(response.body.pagination.total).toBe(ids.length);
      });

      it('cannot find their workflow by searching for its name', async () => {
        const search = encodeURIComponent(theirs.workflow.name);
        const response = await world.call('GET', `/api/v1/workflows?search=${search}`, { key });
        expect(response.body.data).toEqual([]);
        expect(response.body.pagination.total).toBe(0);
      });

      it('may reuse their workflow name: names are unique within one set', async () => {
        const response = await world.call('POST', '/api/v1/workflows', {
          key,
          body: { name: theirs.workflow.name },
        });
        expect(response.status).toBe(201);
        expect(response.body.data.environment).toBe(caller);
      });

      it('creates workflows and uploads in its own set', async () => {
        const upload = await world.call('POST', '/api/v1/uploads', {
          key,
          body: { filename: 'a.txt', category: 'script', size_bytes: 1 },
        });
        expect(upload.body.data.upload.environment).toBe(caller);
        const clone = await world.call('POST', '/api/v1/templates/2LKJN2QD/clone', { key });
        expect(clone.body.data.environment).toBe(caller);
      });

      it('sees no activity of the other set', async () => {
        const response = await world.call('GET', '/api/v1/activity?limit=100', { key });
        const targets = response.body.data.map((e: any) => e.target?.id);
        expect(targets).not.toContain(theirs.workflow.id);
        expect(targets).not.toContain(theirs.bound.id);
        expect(response.body.data.every((e: any) => e.environment === caller)).toBe(true);
      });
    });
  });
}
