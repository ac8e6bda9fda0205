import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LocalDirectoryBlobStore } from '../blob-store/local-directory.js';
import { runServerCli } from '../cli.js';
import { readConfig } from '../config.js';
import { createAppDeps } from '../deps.js';
import { openConfiguredDatabase } from '../main.js';
import { createUserWithWorkspace } from '../services/accounts.js';
import { createUpload, receiveUploadBytes } from '../services/uploads.js';
import { createWorkflow } from '../services/workflows.js';

/** The command as an operator runs it, against a SQLite database in a data directory. */
describe('onepin-server admin wipe-test-data', () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  let workspaceId: string;
  let blobOf: (id: string) => string;
  const seeded: Record<'testUpload' | 'liveUpload', string> = { testUpload: '', liveUpload: '' };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'onepin-admin-'));
    env = { ONEPIN_DATA_DIR: dataDir, ONEPIN_LOG_LEVEL: 'silent' };
    const config = readConfig(env);
    blobOf = (id) => join(config.blobDir, id.slice(0, 2), id);
    const database = await openConfiguredDatabase(config);
    try {
      const deps = createAppDeps({
        database,
        blobStore: new LocalDirectoryBlobStore(config.blobDir),
      });
      const { workspace, user } = await createUserWithWorkspace(deps, {
        email: 'ops@example.com',
        workspaceName: 'Operations',
      });
      workspaceId = workspace.id;
      const actor = {
        type: 'system' as const,
        id: null,
        name: 'seed',
        workspaceId,
        userId: user.id,
      };
      for (const environment of ['live', 'test'] as const) {
        const tenant = { workspaceId, environment };
        await createWorkflow(deps, actor, tenant, { name: `${environment} workflow` });
        const created = await createUpload(deps, actor, tenant, {
          filename: 'a.txt',
          category: 'script',
          size_bytes: 2,
        });
        const url = new URL(created.uploadUrl);
        await receiveUploadBytes(deps, {
          uploadId: created.upload.id,
          expires: url.searchParams.get('expires') ?? undefined,
          signature: url.searchParams.get('signature') ?? undefined,
          contentLength: undefined,
          body: new Blob(['hi']).stream(),
        });
        seeded[environment === 'live' ? 'liveUpload' : 'testUpload'] = created.upload.id;
      }
    } finally {
      await database.close();
    }
  });
  afterAll(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  async function run(...args: string[]) {
    const lines: string[] = [];
    const print = (line: string) => lines.push(line);
    const code = await runServerCli(['admin', 'wipe-test-data', ...args], { env, print });
    return { code, lines };
  }

  it('removes the test data, keeps the live data, and prints what it removed', async () => {
    expect(existsSync(blobOf(seeded.testUpload))).toBe(true);
    const { code, lines } = await run('--workspace', workspaceId, '--json');
    expect(code).toBe(0);
    expect(JSON.parse(lines.join('\n'))).toEqual({
      workspace_id: workspaceId,
      workflows_deleted: 1,
      uploads_deleted: 1,
    });
    expect(existsSync(blobOf(seeded.testUpload))).toBe(false);
    expect(existsSync(blobOf(seeded.liveUpload))).toBe(true);
  });

  it('prints a readable summary without --json', async () => {
    const { code, lines } = await run('--workspace', workspaceId);
    expect(code).toBe(0);
    expect(lines[0]).toBe(`Wiped the test data of workspace "Operations" (${workspaceId}):`);
    expect(lines).toContain('  0 test workflows (deleted ones included)');
    expect(lines.at(-1)).toBe('Live data, API keys and the activity log were kept.');
  });

  it.each([
    ['an unknown workspace', ['--workspace', 'no-such-workspace'], 1],
    ['no workspace', [], 2],
  ])('fails for %s with exit code %s', async (_label, args, expected) => {
    const stderr = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      expect((await run(...args)).code).toBe(expected);
      expect(stderr).toHaveBeenCalledWith(expect.stringMatching(/^onepin-server: /));
    } finally {
      stderr.mockRestore();
    }
  });
});
