import { mkdtempSync, rmSync } from 'node:fs';
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
  const print = (line: string) => lines.push(line);

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'onepin-cli-'));
    env = { ONEPIN_DATA_DIR: dataDir, ONEPIN_PORT: '0', ONEPIN_LOG_LEVEL: 'silent' };
    lines = [];
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
        { env, print },
      ),
    ).toBe(0);
    const output = lines.join('\n');
    const plaintext = output.match(/op_live_[0-9A-Za-z]{32}/g) ?? [];
    expect(plaintext).toHaveLength(1);
    expect(output).toContain('This is the only time the key is shown');
    expect(output).toContain('workflows:read, workspace:read');

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

  it('prints the one-time setup URL on a first start, and not once a user exists', async () => {
    const first: string[] = [];
    const server = await startServer(readConfig(env), { print: (line) => first.push(line) });
    await server.close();
    expect(first.join('\n')).toMatch(/\/setup\?token=[A-Za-z0-9_-]{32}/);
    await runServerCli(['admin', 'create-user', '--email', 'a@example.com', '--workspace', 'W'], {
      env,
      print,
    });
    const second: string[] = [];
    const again = await startServer(readConfig(env), { print: (line) => second.push(line) });
    await again.close();
    expect(second.join('\n')).not.toContain('/setup?token=');
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
    [['admin', 'create-key', '--workspace', 'nope', '--name', 'x'], 1, /No workspace with id nope/],
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
    [['launch'], 2, /unknown command "launch"/],
  ])('refuses %j with exit code %i and a clear message', async (argv, code, message) => {
    const errors: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((line: string) => errors.push(line));
    try {
      expect(await runServerCli(argv, { env, print })).toBe(code);
      expect(errors.join('\n')).toMatch(message);
    } finally {
      spy.mockRestore();
    }
  });

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
