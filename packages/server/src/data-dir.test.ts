import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { serverLockPath } from '@onepin/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKeyCommand } from './admin/create-key.js';
import { createUserCommand } from './admin/create-user.js';
import { ConfigError, readConfig, type ServerConfig } from './config.js';
import { startServer } from './main.js';

/** Every file and directory under `root` with its permission bits, e.g. `onepin.db: 600`. */
function modes(root: string): Record<string, string> {
  const found: Record<string, string> = { '.': (statSync(root).mode & 0o777).toString(8) };
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      found[relative(root, path)] = (statSync(path).mode & 0o777).toString(8);
      if (entry.isDirectory()) walk(path);
    }
  };
  walk(root);
  return found;
}

/** A user and a key with `scopes`, made by the admin commands (beside a running server too). */
async function seedKey(config: ServerConfig, scopes: string): Promise<string> {
  const printed: string[] = [];
  await createUserCommand(
    config,
    { email: `u${Math.random().toString(36).slice(2)}@example.com`, workspace: 'W', json: true },
    (line) => printed.push(line),
  );
  const workspaceId = JSON.parse(printed[0] ?? '{}').workspace.id;
  await createKeyCommand(
    config,
    { workspace: workspaceId, name: 'k', scopes, type: 'live', json: true },
    { print: (line) => printed.push(line), printError: () => {} },
  );
  return JSON.parse(printed[1] ?? '{}').api_key;
}

describe('the SQLite data directory', () => {
  let parent: string;
  let dataDir: string;
  let config: ServerConfig;
  let umask: number;

  beforeEach(() => {
    // The usual umask, which leaves files SQLite creates on its own readable by everyone.
    umask = process.umask(0o022);
    parent = mkdtempSync(join(tmpdir(), 'onepin-datadir-'));
    dataDir = join(parent, 'data');
    config = readConfig({ ONEPIN_DATA_DIR: dataDir, ONEPIN_PORT: '0', ONEPIN_LOG_LEVEL: 'silent' });
  });
  afterEach(() => {
    process.umask(umask);
    rmSync(parent, { recursive: true, force: true });
  });

  it('onepin.db, -wal and -shm, the secret, the lock and blobs are 0600 in 0700 directories after writes', async () => {
    const server = await startServer(config, { print: () => {} });
    try {
      const key = await seedKey(config, 'uploads:write');
      const created = await fetch(`${server.url}/api/v1/uploads`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ filename: 'a.txt', category: 'script', size_bytes: 5 }),
      });
      const { upload_url: uploadUrl } = ((await created.json()) as any).data;
      expect((await fetch(uploadUrl, { method: 'PUT', body: 'hello' })).status).toBe(200);

      const found = modes(dataDir);
      for (const file of ['onepin.db', 'onepin.db-wal', 'onepin.db-shm', 'secret']) {
        expect(found[file], file).toBe('600');
      }
      expect(found[relative(dataDir, serverLockPath(join(dataDir, 'onepin.db')))]).toBe('600');
      const blobs = Object.entries(found).filter(([path]) => path.startsWith('blobs'));
      expect(blobs.length).toBeGreaterThanOrEqual(3); // blobs/, blobs/xx/, the blob itself
      for (const [path, mode] of [['.', found['.']] as const, ...blobs]) {
        const isDirectory = statSync(join(dataDir, path)).isDirectory();
        expect(mode, path).toBe(isDirectory ? '700' : '600');
      }
    } finally {
      await server.close();
    }
  });

  it('tightens a database an older version left readable by others (0644) when it starts', async () => {
    mkdirSync(dataDir, { mode: 0o755 });
    const database = join(dataDir, 'onepin.db');
    for (const file of [database, `${database}-wal`, `${database}-shm`]) {
      writeFileSync(file, '', { mode: 0o644 });
    }
    const server = await startServer(config, { print: () => {} });
    try {
      const found = modes(dataDir);
      expect([found['onepin.db'], found['onepin.db-wal'], found['onepin.db-shm']]).toEqual([
        '600',
        '600',
        '600',
      ]);
      // The directory was the operator's: left as it was (its files are private either way).
      expect(found['.']).toBe('755');
    } finally {
      await server.close();
    }
  });

  it('refuses a second server on the same database with a one-line message, and lets one in after the first stops', async () => {
    const first = await startServer(config, { print: () => {} });
    let second: Promise<unknown>;
    try {
      second = startServer(config, { print: () => {} });
      await expect(second).rejects.toBeInstanceOf(ConfigError);
      await expect(second).rejects.toThrow(
        /^another OnePin server is already using .*onepin\.db; SQLite serves one server process at a time \(run several on PostgreSQL: ONEPIN_DATABASE_URL=postgres:\/\/…\)$/,
      );
      // The admin commands open the database directly, beside the running server.
      expect(await seedKey(config, 'workspace:read')).toMatch(/^op_live_/);
    } finally {
      await first.close();
    }
    const third = await startServer(config, { print: () => {} });
    await third.close();
  });
});
