import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assertBuilt,
  type ServerProcess,
  serverCommand,
  startServerProcess,
} from './helpers/server-process.js';

describe('the built onepin-server, as a new user runs it', () => {
  let dataDir: string;
  let server: ServerProcess;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    assertBuilt();
    dataDir = mkdtempSync(join(tmpdir(), 'onepin-e2e-'));
    env = { ONEPIN_DATA_DIR: dataDir };
    server = await startServerProcess(env);
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints a setup URL on first start, then serves keys made with the admin commands', async () => {
    expect(server.output()).toMatch(/\/setup\?token=/);
    const user = JSON.parse(
      await serverCommand(
        ['admin', 'create-user', '--email', 'me@example.com', '--workspace', 'Acme', '--json'],
        env,
      ),
    );
    // The workspace by the name the dashboard shows; the key alone on stdout.
    const printed = await serverCommand(
      [
        'admin',
        'create-key',
        '--workspace',
        'Acme',
        '--name',
        'laptop',
        '--scopes',
        'api_keys:read,workspace:read',
      ],
      env,
    );
    expect(printed).toMatch(/^op_live_[0-9A-Za-z]{32}\n$/);
    const key = printed.trim();

    const whoami = await fetch(`${server.url}/api/v1/auth/whoami`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(whoami.status).toBe(200);
    const body = await whoami.json();
    expect(body).toMatchObject({
      data: {
        auth_kind: 'api_key',
        workspace_id: user.workspace.id,
        workspace_name: 'Acme',
        key_name: 'laptop',
      },
      meta: { request_id: whoami.headers.get('x-request-id') },
    });

    const bad = await fetch(`${server.url}/api/v1/auth/whoami`, {
      headers: { authorization: 'Bearer op_live_nope' },
    });
    expect(bad.status).toBe(401);
    expect(bad.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });

  it("README's first-key path: create-user prints a one-time link that gives the headless admin a dashboard password", async () => {
    // As README → "A first key, from the command line" runs it: no --password, no --json.
    const text = await serverCommand(
      ['admin', 'create-user', '--email', 'you@example.com', '--workspace', 'Readme Co'],
      { ...env, ONEPIN_PUBLIC_URL: server.url },
    );
    const workspaceId = text.match(/Created workspace "Readme Co" \(id ([0-9a-f-]{36})/)?.[1];
    const link = text.match(/https?:\/\/\S+\/set-password\?token=([A-Za-z0-9_-]{43})/);
    expect(workspaceId).toBeDefined();
    expect(link?.[0].startsWith(server.url)).toBe(true);

    // `--workspace` by the name, as README writes it; `$(…)` captures the key and nothing else.
    const printed = await serverCommand(
      [
        'admin',
        'create-key',
        '--workspace',
        'Readme Co',
        '--name',
        'local dev',
        '--scopes',
        'workflows:read,workspace:read',
      ],
      env,
    );
    expect(printed).toMatch(/^op_live_[0-9A-Za-z]{32}\n$/);
    const key = printed.trim();
    const whoami = await fetch(`${server.url}/api/v1/auth/whoami`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(whoami.status).toBe(200);

    const set = await fetch(`${server.url}/api/v1/password-link`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: link?.[1], password: 'the first password' }),
    });
    expect(set.status).toBe(201);
    const signIn = await fetch(`${server.url}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'you@example.com', password: 'the first password' }),
    });
    expect(signIn.status).toBe(201);
  });

  it("runs as the package's `onepin-server` command, which is executable after a first build", async () => {
    const serverPackage = new URL('../packages/server/', import.meta.url);
    const { bin } = JSON.parse(readFileSync(new URL('package.json', serverPackage), 'utf8'));
    const command = fileURLToPath(new URL(bin['onepin-server'], serverPackage));
    const { stdout } = await promisify(execFile)(command, ['--help']);
    expect(stdout).toContain('onepin-server admin create-user');
  });

  it('stops cleanly on SIGTERM and keeps no key in its output', async () => {
    const code = await server.stop('SIGTERM');
    expect(code).toBe(0);
    expect(server.output()).not.toMatch(/op_(live|test)_[0-9A-Za-z]{32}/);
  });
});
