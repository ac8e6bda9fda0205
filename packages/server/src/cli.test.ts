import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runServerCli } from './cli.js';
import { readConfig } from './config.js';
import { startServer } from './main.js';

describe('onepin-server admin commands', () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  let lines: string[];
  let errorLines: string[];
  const print = (line: string) => lines.push(line);
  const printError = (line: string) => errorLines.push(line);

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'onepin-cli-'));
    env = { ONEPIN_DATA_DIR: dataDir, ONEPIN_PORT: '0', ONEPIN_LOG_LEVEL: 'silent' };
    lines = [];
    errorLines = [];
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('creates a user and workspace, then a key that works against the running server', async () => {
    expect(
      await runServerCli(
        ['admin', 'create-user', '--email', 'Ada@Example.com', '--workspace', 'Acme', '--json'],
        { env, print },
      ),
    ).toBe(0);
    const made = JSON.parse(lines.pop() ?? '');
    expect(made.user).toMatchObject({ email: 'ada@example.com', has_password: false });
    expect(made.set_password_url).toMatch(/\/set-password\?token=[A-Za-z0-9_-]{43}$/);
    expect(made.workspace).toMatchObject({ name: 'Acme', slug: 'acme' });

    expect(
      await runServerCli(
        [
          'admin',
          'create-key',
          '--workspace',
          made.workspace.id,
          '--name',
          'ci',
          '--scopes',
          'workflows:read,workspace:read',
        ],
        { env, print, printError },
      ),
    ).toBe(0);
    // stdout holds the key and nothing else (KEY=$(…) works); the prose is on stderr.
    expect(lines).toEqual([expect.stringMatching(/^op_live_[0-9A-Za-z]{32}$/)]);
    const plaintext = lines;
    const prose = errorLines.join('\n');
    expect(prose).not.toMatch(/op_live_[0-9A-Za-z]{32}/);
    expect(prose).toContain('This is the only time the key is shown');
    expect(prose).toContain('workflows:read, workspace:read');

    const server = await startServer(readConfig(env), { print: () => {} });
    try {
      const response = await fetch(`${server.url}/api/v1/auth/whoami`, {
        headers: { authorization: `Bearer ${plaintext[0]}` },
      });
      expect(response.status).toBe(200);
      const body: any = await response.json();
      expect(body.data).toMatchObject({
        workspace_name: 'Acme',
        key_name: 'ci',
        scopes: ['workflows:read', 'workspace:read'],
      });
    } finally {
      await server.close();
    }
  });

  it('prints a new setup link on each start while no user exists, and only the latest works', async () => {
    const starts: string[][] = [[], []];
    const links: string[] = [];
    for (const lines of starts) {
      const server = await startServer(readConfig(env), { print: (line) => lines.push(line) });
      const link = lines.join('\n').match(/https?:\/\/\S+\/setup\?token=[A-Za-z0-9_-]{32}/)?.[0];
      expect(link).toBeDefined();
      links.push(link ?? '');
      if (links.length === 2) {
        const usable = async (link: string) => {
          const token = new URL(link).searchParams.get('token');
          const response = await fetch(`${server.url}/api/v1/setup?token=${token}`);
          return ((await response.json()) as any).data.usable;
        };
        expect(links[1]).not.toBe(links[0]);
        expect(await usable(links[0] ?? '')).toBe(false);
        expect(await usable(links[1] ?? '')).toBe(true);
      }
      await server.close();
    }
  });

  it('create-user without a password prints a one-time set-password link, and the start says how to get one', async () => {
    expect(
      await runServerCli(['admin', 'create-user', '--email', 'a@example.com', '--workspace', 'W'], {
        env,
        print,
      }),
    ).toBe(0);
    const printed = lines.join('\n');
    expect(printed).toContain('Created user a@example.com');
    const link = printed.match(/http:\/\/127\.0\.0\.1:0\/set-password\?token=([A-Za-z0-9_-]{43})/);
    expect(link).not.toBeNull();

    const banner: string[] = [];
    const server = await startServer(readConfig(env), { print: (line) => banner.push(line) });
    try {
      expect(banner.join('\n')).not.toContain('/setup?token=');
      expect(banner.join('\n')).toContain('onepin-server admin reset-password --email');
      const stage = async () =>
        ((await (await fetch(`${server.url}/api/v1/setup`)).json()) as any).data.stage;
      expect(await stage()).toBe('no_password');

      // reset-password prints a fresh link; the one create-user printed stops working.
      lines = [];
      expect(
        await runServerCli(['admin', 'reset-password', '--email', 'A@example.com', '--json'], {
          env,
          print,
        }),
      ).toBe(0);
      const reset = JSON.parse(lines.pop() ?? '');
      expect(reset.user.email).toBe('a@example.com');
      const token = new URL(reset.set_password_url).searchParams.get('token');
      const old = await fetch(`${server.url}/api/v1/password-link?token=${link?.[1]}`);
      expect(old.status).toBe(404);
      const set = await fetch(`${server.url}/api/v1/password-link`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token, password: 'first password ever' }),
      });
      expect(set.status).toBe(201);
      expect(await stage()).toBe('complete');
    } finally {
      await server.close();
    }
  });

  it("gives keys the operator's own scopes (ONEPIN_SCOPES_FILE), and refuses unknown ones", async () => {
    const scopesFile = join(dataDir, 'scopes.toml');
    writeFileSync(scopesFile, '[[scope]]\nname = "billing:read"\ndescription = "Invoices"\n');
    env.ONEPIN_SCOPES_FILE = scopesFile;
    await runServerCli(
      ['admin', 'create-user', '--email', 'c@example.com', '--workspace', 'C', '--json'],
      { env, print },
    );
    const { workspace } = JSON.parse(lines.pop() ?? '');
    const create = (scopes: string) =>
      runServerCli(
        ['admin', 'create-key', '--workspace', workspace.id, '--name', 'k', '--scopes', scopes],
        { env, print, printError },
      );
    expect(await create('billing:read,workflows:read')).toBe(0);
    expect(errorLines.join('\n')).toContain('billing:read, workflows:read');
    expect(await create('billing:write')).toBe(1);
    expect(errorLines.join('\n')).toMatch(
      /Unknown scope billing:write\. Valid scopes: api_keys:read, api_keys:write, billing:read,/,
    );
  });

  it('creates test keys, with expiry and rate limit, as JSON', async () => {
    await runServerCli(
      ['admin', 'create-user', '--email', 'b@example.com', '--workspace', 'B', '--json'],
      { env, print },
    );
    const { workspace } = JSON.parse(lines.pop() ?? '');
    const code = await runServerCli(
      [
        'admin',
        'create-key',
        '--workspace',
        workspace.id,
        '--name',
        't',
        '--type',
        'test',
        '--expires-at',
        '2099-01-01T00:00:00Z',
        '--rate-limit',
        '5',
        '--json',
      ],
      { env, print },
    );
    expect(code).toBe(0);
    const key = JSON.parse(lines.pop() ?? '');
    expect(key).toMatchObject({
      key_type: 'test',
      scopes: [],
      expires_at: '2099-01-01T00:00:00.000Z',
    });
    expect(key.api_key).toMatch(/^op_test_[0-9A-Za-z]{32}$/);
  });

  it.each([
    [
      ['admin', 'create-key', '--workspace', 'nope', '--name', 'x'],
      1,
      /No workspace has the id, slug or name "nope"/,
    ],
    [
      ['admin', 'create-key', '--workspace', 'w', '--name', 'x', '--scopes', 'workflows:run'],
      1,
      /Unknown scope workflows:run\. Valid scopes:/,
    ],
    [['admin', 'create-key', '--workspace', 'w'], 2, /--name is required/],
    [
      ['admin', 'create-key', '--workspace', 'w', '--name', 'x', '--type', 'public'],
      2,
      /--type must be live or test/,
    ],
    [
      ['admin', 'create-user', '--email', 'not-an-email', '--workspace', 'W'],
      1,
      /email must be an email address/,
    ],
    [
      ['admin', 'create-user', '--email', 'a@b.co', '--workspace', 'W', '--bogus'],
      2,
      /Unknown option/,
    ],
    [['admin', 'frobnicate'], 2, /unknown admin command/],
    [['admin', 'reset-password'], 2, /--email is required/],
    [['admin', 'reset-password', '--email', 'nobody@example.com'], 1, /No user with the email/],
    [['launch'], 2, /unknown command "launch"/],
    [['admin'], 2, /missing admin command/],
    [['serve', '--port', '1'], 2, /serve takes no arguments/],
  ])('refuses %j with exit code %i and a clear message', async (argv, code, message) => {
    const errors: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((line: string) => errors.push(line));
    try {
      expect(await runServerCli(argv, { env, print })).toBe(code);
      expect(errors.join('\n')).toMatch(message);
      expect(lines).toEqual([]);
    } finally {
      spy.mockRestore();
    }
  });

  it.each([
    [['--help'], /^Usage: onepin-server \[serve\]/],
    [['serve', '--help'], /^Usage: onepin-server \[serve\]/],
    [['admin', '--help'], /^Usage: onepin-server admin COMMAND.*create-key/s],
    [['admin', 'help'], /^Usage: onepin-server admin COMMAND/],
    [
      ['admin', 'create-key', '--help'],
      /^Usage: onepin-server admin create-key.*id, slug, or name/s,
    ],
    [['admin', 'create-key', '-h', '--name', 'x'], /^Usage: onepin-server admin create-key/],
    [['admin', 'create-user', '--help'], /^Usage: onepin-server admin create-user/],
    [['admin', 'wipe-test-data', '--help'], /^Usage: onepin-server admin wipe-test-data/],
  ])('prints help for %j on stdout and exits 0', async (argv, help) => {
    expect(await runServerCli(argv, { env, print, printError })).toBe(0);
    expect(lines.join('\n')).toMatch(help);
    expect(errorLines).toEqual([]);
  });

  it('shows the command’s own help after a usage mistake', async () => {
    expect(
      await runServerCli(['admin', 'create-key', '--workspace', 'w'], { env, print, printError }),
    ).toBe(2);
    expect(errorLines.join('\n')).toMatch(
      /^onepin-server: --name is required\n\nUsage: onepin-server admin create-key/,
    );
  });

  it('finds the workspace of create-key and wipe-test-data by id, slug or unique name', async () => {
    const user = async (email: string, workspace: string) => {
      await runServerCli(
        ['admin', 'create-user', '--email', email, '--workspace', workspace, '--json'],
        { env, print },
      );
      return JSON.parse(lines.pop() ?? '').workspace;
    };
    const acme = await user('a@example.com', 'Acme Corp');
    const twinA = await user('b@example.com', 'Twin');
    const twinB = await user('c@example.com', 'Twin');
    const keyIn = async (workspace: string) => {
      const code = await runServerCli(
        ['admin', 'create-key', '--workspace', workspace, '--name', 'k', '--json'],
        { env, print, printError },
      );
      return code === 0 ? JSON.parse(lines.pop() ?? '').workspace_id : code;
    };
    expect(await keyIn('Acme Corp')).toBe(acme.id);
    expect(await keyIn(acme.slug)).toBe(acme.id);
    expect(await keyIn(acme.id)).toBe(acme.id);
    expect(await keyIn(twinB.slug)).toBe(twinB.id);
    // Two workspaces share the name: refused, listing each one's slug and id.
    expect(await keyIn('Twin')).toBe(1);
    const refusal = JSON.parse(errorLines.pop() ?? '');
    expect(refusal.error.code).toBe('CONFLICT');
    expect(refusal.error.message).toContain(`${twinA.slug} (id ${twinA.id})`);
    expect(refusal.error.message).toContain(`${twinB.slug} (id ${twinB.id})`);
    expect(
      await runServerCli(['admin', 'wipe-test-data', '--workspace', 'Acme Corp', '--json'], {
        env,
        print,
      }),
    ).toBe(0);
    expect(JSON.parse(lines.pop() ?? '').workspace_id).toBe(acme.id);
  });

  it.each([
    [['admin', 'create-key', '--workspace', 'w', '--json'], 2, 'USAGE', /--name is required/],
    [['admin', 'create-key', '--bogus', '--json'], 2, 'USAGE', /Unknown option '--bogus'/],
    [
      ['admin', 'create-key', '--workspace', 'nope', '--name', 'x', '--json'],
      1,
      'NOT_FOUND',
      /No workspace/,
    ],
    [
      ['admin', 'create-key', '--workspace', 'w', '--name', 'x', '--scopes', 'nope', '--json'],
      1,
      'VALIDATION_ERROR',
      /Unknown scope nope/,
    ],
  ])(
    'with --json, reports %j as one JSON error on stderr',
    async (argv, code, errorCode, message) => {
      expect(await runServerCli(argv, { env, print, printError })).toBe(code);
      expect(lines).toEqual([]);
      expect(errorLines).toHaveLength(1);
      const body = JSON.parse(errorLines[0] ?? '');
      expect(body.error.code).toBe(errorCode);
      expect(body.error.message).toMatch(message);
    },
  );

  it('refuses a bad configuration with a one-line message naming the variable', async () => {
    const errors: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((line: string) => errors.push(line));
    try {
      expect(
        await runServerCli(['admin', 'create-user', '--email', 'a@b.co', '--workspace', 'W'], {
          env: { ...env, ONEPIN_PORT: 'x' },
          print,
        }),
      ).toBe(1);
      expect(errors).toEqual([
        'onepin-server: ONEPIN_PORT must be an integer from 0 to 65535, got "x"',
      ]);
    } finally {
      spy.mockRestore();
    }
  });
});
