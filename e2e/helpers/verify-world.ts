import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '@onepin/db';
import { directServiceDeps } from '../../packages/server/src/admin/admin-context.js';
import { createServiceToken } from '../../packages/server/src/services/service-tokens.js';
import { runName } from './environment.js';
import { type ServerProcess, serverCommand, startServerProcess } from './server-process.js';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The built OnePin server on SQLite, a workspace, a key to manage keys and a service token. */
export interface VerifyWorld {
  server: ServerProcess;
  serverEnv: NodeJS.ProcessEnv;
  workspaceId: string;
  workspaceName: string;
  /** Holds api_keys:read/write and the scopes of the keys below, so it can revoke them. */
  adminKey: string;
  serviceToken: string;
  /** A new key of the workspace with `scopes`; its id and plaintext. */
  createKey(scopes: string[]): Promise<{ id: string; plaintext: string }>;
  revoke(keyId: string): Promise<void>;
  dispose(): Promise<void>;
}

export async function startVerifyWorld(label: string): Promise<VerifyWorld> {
  const dataDir = mkdtempSync(join(tmpdir(), 'onepin-e2e-verify-'));
  const serverEnv = { ONEPIN_DATA_DIR: dataDir };
  const server = await startServerProcess(serverEnv, { name: runName(label) });
  const workspaceName = 'Verify Inc';
  const user = JSON.parse(
    await serverCommand(
      [
        'admin',
        'create-user',
        '--email',
        'verify@example.com',
        '--workspace',
        workspaceName,
        '--json',
      ],
      serverEnv,
    ),
  );
  const workspaceId: string = user.workspace.id;
  async function createKey(scopes: string[]) {
    const made = JSON.parse(
      await serverCommand(
        [
          'admin',
          'create-key',
          '--workspace',
          workspaceId,
          '--name',
          `verify ${scopes.join(' ')}`,
          '--scopes',
          scopes.join(','),
          '--json',
        ],
        serverEnv,
      ),
    );
    return { id: made.id as string, plaintext: made.api_key as string };
  }
  // It can revoke only keys holding no more than it does.
  const adminKey = (
    await createKey(['api_keys:read', 'api_keys:write', 'workflows:read', 'templates:read'])
  ).plaintext;
  // Made in the database directly, as `onepin-server admin create-service-token` does.
  const database = openDatabase({ url: join(dataDir, 'onepin.db'), maxConnections: 1 });
  let serviceToken: string;
  try {
    serviceToken = (
      await createServiceToken(directServiceDeps(database), {
        name: 'e2e service',
        createdBy: null,
      })
    ).token;
  } finally {
    await database.close();
  }
  return {
    server,
    serverEnv,
    workspaceId,
    workspaceName,
    adminKey,
    serviceToken,
    createKey,
    async revoke(keyId) {
      const response = await fetch(`${server.url}/api/v1/api-keys/${keyId}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${adminKey}` },
      });
      if (response.status !== 200) throw new Error(`revoke answered ${response.status}`);
    },
    async dispose() {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A Node process running a TypeScript file (through tsx) from the repository root. */
export interface ServiceProcess {
  readonly child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

/** Starts `file` and waits until its output matches `ready` (returning its first group); with
 * `ready` null, returns at once. */
export async function startService(
  file: string,
  env: NodeJS.ProcessEnv,
  ready: RegExp | null,
  timeoutMs = 20_000,
): Promise<{ service: ServiceProcess; match: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', file], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    output += chunk;
  });
  const service: ServiceProcess = {
    child,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
  if (ready === null) return { service, match: '' };
  const match = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${file} did not start:\n${output}`));
    }, timeoutMs);
    const check = () => {
      const found = ready.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve(found[1] ?? found[0]);
      }
    };
    child.stdout.on('data', check);
    child.stderr.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${file} exited (${code}) before it was ready:\n${output}`));
    });
  });
  return { service, match };
}
