import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { runName } from './helpers/environment.js';
import {
  SERVER_BIN,
  serverCommand,
  startServerProcess,
  stopAllServers,
} from './helpers/server-process.js';

/** Runs `onepin-server serve` expecting it to stop on its own; its exit code and stderr. */
async function serveUntilExit(env: NodeJS.ProcessEnv): Promise<{ code: number; stderr: string }> {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([variable]) => !variable.startsWith('ONEPIN_')),
  );
  return promisify(execFile)(process.execPath, [SERVER_BIN, 'serve'], {
    env: { ...inherited, ONEPIN_HOST: '127.0.0.1', ONEPIN_PORT: '0', ...env },
    timeout: 15_000,
  }).then(
    ({ stderr }) => ({ code: 0, stderr }),
    (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
  );
}

describe('one server per SQLite database', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'onepin-e2e-single-'));
  afterAll(async () => {
    await stopAllServers();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('a second server process on the same SQLite file refuses to start; after kill -9 of the first, a new one starts', async () => {
    const env = { ONEPIN_DATA_DIR: dataDir };
    const first = await startServerProcess(env, { name: runName('sqlite-first') });

    // The admin commands open the database directly while the server runs.
    const made = JSON.parse(
      await serverCommand(
        ['admin', 'create-user', '--email', 'one@example.com', '--workspace', 'One', '--json'],
        env,
      ),
    );
    expect(made.workspace.name).toBe('One');

    const second = await serveUntilExit(env);
    expect(second.code).not.toBe(0);
    const lines = second.stderr.trim().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(
        /^onepin-server: another OnePin server is already using .*onepin\.db; SQLite serves one server process at a time \(run several on PostgreSQL: ONEPIN_DATABASE_URL=postgres:\/\/…\)$/,
      ),
    ]);
    expect((await fetch(`${first.url}/health`)).status).toBe(200);

    // No pid file to go stale: the OS drops the lock with the process, however it dies.
    await first.stop('SIGKILL');
    const next = await startServerProcess(env, { name: runName('sqlite-next') });
    expect((await fetch(`${next.url}/health`)).status).toBe(200);
    expect(await next.stop()).toBe(0);
  });
});
