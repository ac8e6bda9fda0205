import { describe, expect } from 'vitest';
import { databasePerSuite, testDialects, workspacesWithIds } from '../test-support/index.js';
import type { Tenant } from './tenant.js';
import {
  bindUpload,
  deleteUpload,
  findUpload,
  findUploadById,
  insertUpload,
  listUploadsOfContext,
  markUploadReceived,
  purgeUploads,
  type UploadRecord,
} from './uploads.js';

const T0 = '2026-01-01T00:00:00.000Z';
const T1 = '2026-01-01T00:01:00.000Z';
const LIVE: Tenant = { workspaceId: 'ws-1', environment: 'live' };
const TEST: Tenant = { workspaceId: 'ws-1', environment: 'test' };
const OTHER: Tenant = { workspaceId: 'ws-2', environment: 'live' };
const SHA = 'a'.repeat(64);

let counter = 0;
function upload(tenant: Tenant, overrides: Partial<UploadRecord> = {}): UploadRecord {
  counter++;
  return {
    id: `up-${counter}`,
    workspace_id: tenant.workspaceId,
    environment: tenant.environment,
    filename: 'script.txt',
    category: 'script',
    content_type: 'text/plain',
    size_bytes: 6_000_000_000,
    status: 'pending',
    sha256: null,
    context_type: null,
    context_id: null,
    created_by: null,
    created_at: T0,
    updated_at: T0,
    uploaded_at: null,
    confirmed_at: null,
    ...overrides,
  };
}

describe.each(testDialects)('$name: uploads repository', (dialect) => {
  const test = databasePerSuite(dialect, workspacesWithIds('ws-1', 'ws-2'));
  const { run } = test;

  run(
    'stores an upload (sizes past 32 bits included) and scopes look-ups to its tenant',
    async () => {
      const db = test.handle.db;
      const record = upload(LIVE);
      await insertUpload(db, record);
      expect(await findUpload(db, LIVE, record.id)).toEqual(record);
      expect(await findUpload(db, TEST, record.id)).toBeUndefined();
      expect(await findUpload(db, OTHER, record.id)).toBeUndefined();
      expect(await findUploadById(db, record.id)).toEqual(record);
    },
  );

  run('marks the bytes received once only', async () => {
    const db = test.handle.db;
    const record = upload(LIVE);
    await insertUpload(db, record);
    expect(
      await markUploadReceived(db, record.id, { sha256: SHA, size_bytes: 12, uploaded_at: T1 }),
    ).toBe(true);
    expect(
      await markUploadReceived(db, record.id, { sha256: SHA, size_bytes: 12, uploaded_at: T1 }),
    ).toBe(false);
    expect(await findUpload(db, LIVE, record.id)).toMatchObject({
      status: 'uploaded',
      sha256: SHA,
      size_bytes: 12,
      uploaded_at: T1,
      updated_at: T1,
    });
  });

  run('binds a received upload once, within its tenant only', async () => {
    const db = test.handle.db;
    const pending = upload(LIVE);
    const received = upload(LIVE, { status: 'uploaded', sha256: SHA, uploaded_at: T0 });
    await insertUpload(db, pending);
    await insertUpload(db, received);
    const binding = { context_type: 'workflow', context_id: 'wf-1' } as const;
    expect(await bindUpload(db, LIVE, pending.id, binding, T1)).toBeUndefined();
    expect(await bindUpload(db, TEST, received.id, binding, T1)).toBeUndefined();
    expect(await bindUpload(db, LIVE, received.id, binding, T1)).toMatchObject({
      ...binding,
      confirmed_at: T1,
    });
    expect(
      await bindUpload(db, LIVE, received.id, { ...binding, context_id: 'wf-2' }, T1),
    ).toBeUndefined();
  });

  run('lists the uploads of one context, newest first, with a total', async () => {
    const db = test.handle.db;
    const bound = (tenant: Tenant, createdAt: string, contextId = 'wf-list') =>
      upload(tenant, {
        status: 'uploaded',
        context_type: 'workflow',
        context_id: contextId,
        created_at: createdAt,
      });
    const older = bound(LIVE, '2026-03-01T00:00:00.000Z');
    const newer = bound(LIVE, '2026-03-02T00:00:00.000Z');
    for (const record of [
      older,
      newer,
      bound(TEST, '2026-03-03T00:00:00.000Z'),
      bound(LIVE, '2026-03-03T00:00:00.000Z', 'wf-else'),
    ]) {
      await insertUpload(db, record);
    }
    const page = await listUploadsOfContext(db, {
      tenant: LIVE,
      context_type: 'workflow',
      context_id: 'wf-list',
      limit: 10,
      offset: 0,
    });
    expect(page.items.map((u) => u.id)).toEqual([newer.id, older.id]);
    expect(page.total).toBe(2);
  });

  run('deletes within its tenant only', async () => {
    const db = test.handle.db;
    const record = upload(LIVE);
    await insertUpload(db, record);
    expect(await deleteUpload(db, TEST, record.id)).toBe(false);
    expect(await deleteUpload(db, LIVE, record.id)).toBe(true);
    expect(await findUploadById(db, record.id)).toBeUndefined();
  });

  run('purges one tenant and returns the ids it removed', async () => {
    const db = test.handle.db;
    const doomed = [upload(OTHER), upload(OTHER)];
    const kept = upload({ workspaceId: 'ws-2', environment: 'test' });
    for (const record of [...doomed, kept]) await insertUpload(db, record);
    expect((await purgeUploads(db, OTHER)).sort()).toEqual(doomed.map((u) => u.id).sort());
    expect(await findUploadById(db, kept.id)).toEqual(kept);
  });
});
