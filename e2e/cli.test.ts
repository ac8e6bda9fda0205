import { chmod, lstat, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assertCliBuilt, onepin, onepinOnTerminal, runProcess } from './helpers/cli-process.js';
import {
  assertBuilt,
  type ServerProcess,
  serverCommand,
  startServerProcess,
} from './helpers/server-process.js';

const KEY = /^op_live_[0-9A-Za-z]{32}$/;

describe('the built onepin CLI against the built server, as a new user runs it', () => {
  let dataDir: string;
  let server: ServerProcess;
  let apiKey: string;
  let workspaceId: string;
  let home: string;
  let env: Record<string, string>;

  const mode = async (path: string) => (await lstat(path)).mode & 0o777;
  const credentials = () => join(home, '.onepin', 'credentials');
  const run = (args: string[], extra: { input?: string; env?: Record<string, string> } = {}) =>
    onepin(args, {
      env: { ...env, ...extra.env },
      ...(extra.input !== undefined && { input: extra.input }),
    });

  beforeAll(async () => {
    assertBuilt();
    assertCliBuilt();
    dataDir = await mkdtemp(join(tmpdir(), 'onepin-e2e-cli-'));
    const serverEnv = { ONEPIN_DATA_DIR: dataDir };
    server = await startServerProcess(serverEnv);
    const user = JSON.parse(
      await serverCommand(
        ['admin', 'create-user', '--email', 'dev@example.com', '--workspace', 'Acme', '--json'],
        serverEnv,
      ),
    );
    workspaceId = user.workspace.id;
    const printed = await serverCommand(
      [
        'admin',
        'create-key',
        '--workspace',
        workspaceId,
        '--name',
        'laptop',
        '--scopes',
        'api_keys:read,api_keys:write,workspace:read',
      ],
      serverEnv,
    );
    apiKey = printed.match(/op_live_[0-9A-Za-z]{32}/)?.[0] ?? '';
    expect(apiKey).toMatch(KEY);
  });
  afterAll(async () => {
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    if (home) await rm(home, { recursive: true, force: true });
    home = await mkdtemp(join(tmpdir(), 'onepin-e2e-home-'));
    env = { HOME: home, NO_COLOR: '1' };
  });

  it('prints its version', async () => {
    const { code, stdout } = await run(['--version']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('login --key saves a 0600 file in a 0700 directory; whoami names its source; logout removes it', async () => {
    const login = await run(['login', '--key', apiKey, '--base-url', server.url]);
    expect(login.code, login.stderr).toBe(0);
    expect(login.stderr).toContain(
      `Logged in to workspace “Acme” (${workspaceId}) with key “laptop”`,
    );
    expect(login.stderr).toContain(`Saved to ${credentials()}`);
    expect(await mode(credentials())).toBe(0o600);
    expect(await mode(join(home, '.onepin'))).toBe(0o700);

    const whoami = await run(['whoami', '--json']);
    expect(whoami.code, whoami.stderr).toBe(0);
    expect(JSON.parse(whoami.stdout)).toMatchObject({
      source: 'file',
      profile: 'default',
      base_url: server.url,
      workspace_id: workspaceId,
      workspace_name: 'Acme',
      key_name: 'laptop',
      scopes: ['api_keys:read', 'api_keys:write', 'workspace:read'],
    });
    const fromEnv = await run(['whoami'], { env: { ONEPIN_API_KEY: apiKey } });
    expect(fromEnv.stdout).toContain('source\tenv (ONEPIN_API_KEY)\n');

    const logout = await run(['logout']);
    expect(logout.code).toBe(0);
    await expect(lstat(credentials())).rejects.toThrow(/ENOENT/);
    const none = await run(['whoami']);
    expect(none.code).toBe(1);
    expect(none.stderr).toBe(
      '[NO_API_KEY] No API key found. Pass --api-key, set ONEPIN_API_KEY, or run `onepin login`.\n',
    );
  });

  it('login reads the key from stdin when it is piped', async () => {
    const login = await run(['login', '--base-url', server.url], { input: `${apiKey}\n` });
    expect(login.code, login.stderr).toBe(0);
    expect(await readFile(credentials(), 'utf8')).toContain(`api_key = "${apiKey}"`);
  });

  it('login asks for the key at a hidden prompt on a terminal, and never shows it', async () => {
    const { code, screen } = await onepinOnTerminal(['login', '--base-url', server.url], {
      env,
      type: [
        { waitFor: 'Log in through the browser? [Y/n]', text: 'n\r' },
        { waitFor: 'Paste your API key (input is hidden): ', text: `${apiKey}\r` },
      ],
    });
    expect(code, screen).toBe(0);
    expect(screen).toContain('Logged in to workspace “Acme”');
    expect(screen).not.toContain(apiKey);
    expect(screen).not.toContain(apiKey.slice(8, 20));
    expect(await mode(credentials())).toBe(0o600);
    expect(await mode(join(home, '.onepin'))).toBe(0o700);
    expect(await readFile(credentials(), 'utf8')).toContain(`api_key = "${apiKey}"`);
  });

  it('Ctrl-C at the prompt exits 130 and saves nothing', async () => {
    const { code, screen } = await onepinOnTerminal(['login', '--base-url', server.url], {
      env,
      type: [
        { waitFor: 'Log in through the browser? [Y/n]', text: 'n\r' },
        { waitFor: 'input is hidden', text: 'op_live_abc\u0003' },
      ],
    });
    expect(code, screen).toBe(130);
    expect(screen).not.toContain('op_live_abc');
    await expect(lstat(credentials())).rejects.toThrow(/ENOENT/);
  });

  it('login at a terminal offers the browser first (Enter), and Ctrl-C while it waits exits 130', async () => {
    const { code, screen } = await onepinOnTerminal(['login', '--base-url', server.url], {
      env,
      type: [
        { waitFor: 'Log in through the browser? [Y/n]', text: '\r' },
        { waitFor: 'Waiting for approval', text: '\u0003' },
      ],
    });
    expect(code, screen).toBe(130);
    expect(screen).toMatch(/First copy your one-time code: [A-Z]{4}-[A-Z]{4}/);
    expect(screen).toContain(`${server.url}/device?code=`);
    expect(screen).toContain('Cancelled: nothing was saved');
    await expect(lstat(credentials())).rejects.toThrow(/ENOENT/);
  });

  it('refuses a malformed key before any network call (exit 1)', async () => {
    const wrong = await run(['login', '--key', 'sk_live_123', '--base-url', 'http://127.0.0.1:9']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/^\[MALFORMED_API_KEY\] Key must start with op_live_/);
  });

  it('manages keys: create prints the plaintext once, list, rotate and revoke', async () => {
    expect((await run(['login', '--key', apiKey, '--base-url', server.url])).code).toBe(0);
    const created = await run(['keys', 'create', '--name', 'ci', '--scopes', 'api_keys:read']);
    expect(created.code, created.stderr).toBe(0);
    const ciKey = created.stdout.trim();
    expect(ciKey).toMatch(KEY);
    expect(created.stderr).toContain('store it in a secrets manager');

    const list = await run(['keys', 'list', '--json']);
    const ci = JSON.parse(list.stdout).find((k: { name: string }) => k.name === 'ci');
    expect(ci).toMatchObject({ preview: `op_live_…${ciKey.slice(-4)}`, scopes: ['api_keys:read'] });
    expect(list.stdout).not.toContain(ciKey);
    const table = await run(['keys', 'list']);
    expect(table.stdout).toContain(
      `${ci.id}\tci\top_live_…${ciKey.slice(-4)}\tlive\tapi_keys:read\tactive`,
    );

    expect((await run(['keys', 'rotate', ci.id])).code).toBe(2);
    const rotated = await run(['keys', 'rotate', ci.id, '--grace', '1h', '--yes']);
    expect(rotated.code, rotated.stderr).toBe(0);
    const newKey = rotated.stdout.trim();
    expect(newKey).toMatch(KEY);
    expect(rotated.stderr).toMatch(
      /The old key op_live_…\w{4} stops working at \S+ \(in (59 minutes|1 hour)\)\./,
    );

    const newId = JSON.parse((await run(['whoami', '--json', '--api-key', newKey])).stdout).key_id;
    const revoked = await run(['keys', 'revoke', newId, '--yes']);
    expect(revoked.code, revoked.stderr).toBe(0);
    const refused = await run(['whoami', '--api-key', newKey]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      new RegExp(
        `^\\[INVALID_API_KEY\\] Invalid API key\\. Create one at ${server.url.replace(/\./g, '\\.')}/settings/api-keys \\(request_id=[\\w-]+\\)\\n`,
      ),
    );
  });

  it('after chmod 644, both the CLI and the SDK’s loadCredentials refuse the file', async () => {
    expect((await run(['login', '--key', apiKey, '--base-url', server.url])).code).toBe(0);
    await chmod(credentials(), 0o644);
    const fix = `chmod 600 ${credentials()}`;

    const cli = await run(['whoami']);
    expect(cli.code).toBe(1);
    expect(cli.stderr).toMatch(/^\[INSECURE_CREDENTIALS_FILE\] Refusing to read /);
    expect(cli.stderr).toContain(fix);

    const sdk = await runProcess(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "import { loadCredentials } from '@onepin/sdk/credentials';\n" +
          'await loadCredentials().then(() => console.log("loaded"), (e) => { console.log(e.code, e.message); process.exitCode = 1; });',
      ],
      { env },
    );
    expect(sdk.code).toBe(1);
    expect(sdk.stdout).toContain('INSECURE_CREDENTIALS_FILE');
    expect(sdk.stdout).toContain(fix);

    await chmod(credentials(), 0o600);
    expect((await run(['whoami'])).code).toBe(0);
  });
});
