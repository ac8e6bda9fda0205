import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findUpload, findWorkflow, listAuditEvents } from '@onepin/db';
import { dialectAvailable, testDialects } from '@onepin/db/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalDirectoryBlobStore } from '../blob-store/local-directory.js';
import { filesUnder } from '../test-support/files.js';
import { seedUpload, seedWorkflow, systemActor } from '../test-support/resources.js';
import { createTestWorld, type TestWorkspace, type TestWorld } from '../test-support/world.js';
import { wipeTestData } from './test-data.js';
import { deleteWorkflow } from './workflows.js';

for (const dialect of testDialects) {
  describe.skipIf(!dialectAvailable(dialect))(`${dialect.name}: wipeTestData`, () => {
    let world: TestWorld;
    let blobDir: string;
    let workspace: TestWorkspace;
    let neighbour: TestWorkspace;

    beforeAll(async () => {
      blobDir = await mkdtemp(join(tmpdir(), 'onepin-wipe-'));
      world = await createTestWorld(dialect, { blobStore: new LocalDirectoryBlobStore(blobDir) });
      workspace = await world.createWorkspace('Wiped');
      neighbour = await world.createWorkspace('Neighbour');
    });
    afterAll(async () => {
      await world?.dispose();
      if (blobDir) await rm(blobDir, { recursive: true, force: true });
    });

    it("removes one workspace's test workflows and uploads with their files, nothing else", async () => {
      const db = world.deps.database.db;
      const tenant = (w: TestWorkspace, environment: 'live' | 'test') => ({
        workspaceId: w.id,
        environment,
      });
      const testWorkflow = await seedWorkflow(world, workspace, 'test');
      const deletedTestWorkflow = await seedWorkflow(world, workspace, 'test');
      await deleteWorkflow(
        world.deps,
        systemActor(workspace),
        tenant(workspace, 'test'),
        deletedTestWorkflow.id,
      );
      const testUploads = [
        await seedUpload(world, workspace, { environment: 'test', confirmTo: testWorkflow }),
        await seedUpload(world, workspace, { environment: 'test', bytes: null }),
      ];
      const liveWorkflow = await seedWorkflow(world, workspace, 'live');
      const liveUpload = await seedUpload(world, workspace, { confirmTo: liveWorkflow });
      const neighbourWorkflow = await seedWorkflow(world, neighbour, 'test');
      const neighbourUpload = await seedUpload(world, neighbour, { environment: 'test' });
      const testKey = await world.createKey(workspace, {
        type: 'test',
        scopes: ['workflows:read'],
      });

      const wiped = await wipeTestData(world.deps, workspace.id);

      expect(wiped).toEqual({ workspaceId: workspace.id, workflows: 2, uploads: 2 });
      expect(await findWorkflow(db, tenant(workspace, 'test'), testWorkflow.id)).toBeUndefined();
      for (const upload of testUploads) {
        expect(await findUpload(db, tenant(workspace, 'test'), upload.id)).toBeUndefined();
      }
      expect(await findWorkflow(db, tenant(workspace, 'live'), liveWorkflow.id)).toBeDefined();
      expect(await findUpload(db, tenant(workspace, 'live'), liveUpload.id)).toBeDefined();
      expect(await findWorkflow(db, tenant(neighbour, 'test'), neighbourWorkflow.id)).toBeDefined();
      expect(await findUpload(db, tenant(neighbour, 'test'), neighbourUpload.id)).toBeDefined();
      const blobs = await filesUnder(blobDir);
      expect(blobs.some((path) => path.endsWith(testUploads[0]!.id))).toBe(false);
      expect(blobs.some((path) => path.endsWith(liveUpload.id))).toBe(true);
      expect(blobs.some((path) => path.endsWith(neighbourUpload.id))).toBe(true);

      const whoami = await world.call('GET', '/api/v1/auth/whoami', { key: testKey.plaintext });
      expect(whoami.status).toBe(200);
      const list = await world.call('GET', '/api/v1/workflows', { key: testKey.plaintext });
      expect(list.body.data).toEqual([]);

      const events = await listAuditEvents(db, {
        workspaceId: workspace.id,
        environment: 'test',
        limit: 100,
      });
      expect(events.items.map((e) => e.action)).toContain('workflow_created');
      expect(events.items.find((e) => e.action === 'test_data_wiped')).toMatchObject({
        actor_type: 'system',
        metadata: { workflows: 2, uploads: 2 },
      });
    });

    it('is harmless when there is nothing to wipe', async () => {
      expect(await wipeTestData(world.deps, neighbour.id)).toMatchObject({
        workflows: 1,
        uploads: 1,
      });
      expect(await wipeTestData(world.deps, neighbour.id)).toMatchObject({
        workflows: 0,
        uploads: 0,
      });
    });
  });
}
