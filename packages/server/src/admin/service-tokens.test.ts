import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateServiceToken, parseServiceToken } from '@onepin/core';
import { findKeysInDatabase } from '@onepin/db/test-support';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runServerCli } from '../cli.js';
import { readConfig } from '../config.js';
import { openConfiguredDatabase, startServer } from '../main.js';

describe('onepin-server admin: service tokens and instance admins', () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  let lines: string[];
  let errorLines: string[];
  const print = (line: string) => lines.push(line);
  const printError = (line: string) => errorLines.push(line);
  const run = async (...argv: string[]) => {
    lines = [];
    errorLines = [];
    return runServerCli(['admin', ...argv], { env, print, printError });
  };

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'onepin-svc-cli-'));
    env = { ONEPIN_DATA_DIR: dataDir, ONEPIN_PORT: '0', ONEPIN_LOG_LEVEL: 'silent' };
    lines = [];
    errorLines = [];
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('makes a token (alone on stdout), lists it by preview only, revokes it (twice: still 0)', async () => {
    expect(await run('create-service-token', '--name', 'billing-api')).toBe(0);
    expect(lines).toEqual([expect.stringMatching(/^op_svc_[0-9A-Za-z]{32}$/)]);
    const token = lines[0] as string;
    expect(parseServiceToken(token)).not.toBeNull();
    expect(errorLines.join('\n')).not.toContain(token);
    expect(errorLines.join('\n')).toContain('only time it is shown');
    expect(errorLines.join('\n')).toContain('verify API');

    expect(await run('create-service-token', '--name', 'search-api', '--json')).toBe(0);
    expect(lines).toHaveLength(1);
    const json = JSON.parse(lines[0] as string);
    expect(json).toMatchObject({
      name: 'search-api',
      status: 'active',
      created_by: null,
      last_used_at: null,
      revoked_at: null,
    });
    expect(json.id).toMatch(/^svc_/);
    expect(parseServiceToken(json.token)).not.toBeNull();
    expect(json.preview).toBe(`op_svc_…${json.token.slice(-4)}`);

    expect(await run('list-service-tokens')).toBe(0);
    const table = lines.join('\n');
    expect(lines[0]).toMatch(/^ID\s+NAME\s+TOKEN\s+STATUS\s+CREATED\s+LAST USED$/);
    expect(table).toContain(`op_svc_…${token.slice(-4)}`);
    expect(table).toContain('billing-api');
    expect(table).not.toContain(token);
    expect(table).not.toContain(json.token);

    expect(await run('list-service-tokens', '--json')).toBe(0);
    const listed = JSON.parse(lines[0] as string).service_tokens;
    expect(listed.map((t: { name: string }) => t.name).sort()).toEqual([
      'billing-api',
      'search-api',
    ]);
    expect(JSON.stringify(listed)).not.toContain(json.token);
    for (const item of listed) expect(item).not.toHaveProperty('token');

    expect(await run('revoke-service-token', json.id)).toBe(0);
    expect(lines).toEqual([]);
    expect(errorLines.join('\n')).toMatch(/^Revoked service token "search-api"/);
    expect(await run('revoke-service-token', json.id, '--json')).toBe(0);
    expect(JSON.parse(lines[0] as string)).toMatchObject({
      id: json.id,
      status: 'revoked',
      already_revoked: true,
    });
    expect(await run('revoke-service-token', json.id)).toBe(0);
    expect(errorLines.join('\n')).toMatch(/was already revoked at /);

    expect(await run('list-service-tokens', '--json')).toBe(0);
    const after = JSON.parse(lines[0] as string).service_tokens;
    expect(after.find((t: { id: string }) => t.id === json.id).status).toBe('revoked');

    // Only hashes reached the database.
    const database = await openConfiguredDatabase(readConfig(env));
    try {
      expect(await findKeysInDatabase(database)).toEqual([]);
    } finally {
      await database.close();
    }
  });

  it.each([
    [['revoke-service-token', 'svc_nope'], 1, /Service token not found/],
    [['revoke-service-token'], 2, /the service token id is required/],
    [['revoke-service-token', 'a', 'b'], 2, /one service token id at a time/],
    [['create-service-token'], 2, /--name is required/],
    [['create-service-token', '--name', 'x'.repeat(101)], 1, /must be at most 100 characters/],
    [
      ['create-service-token', '--name', `prod_${generateServiceToken()}`],
      1,
      /must not contain an API key or a service token/,
    ],
    [['list-service-tokens', 'extra'], 2, /Unexpected argument 'extra'/],
    [['grant-instance-admin', '--email', 'nobody@example.com'], 1, /No user with the email/],
  ])('refuses %j with exit code %i and a clear message', async (argv, code, message) => {
    expect(await run(...argv)).toBe(code);
    expect(errorLines.join('\n')).toMatch(message);
    expect(lines).toEqual([]);
  });

  it('with --json, an unknown id is one JSON error on stderr', async () => {
    expect(await run('revoke-service-token', 'svc_nope', '--json')).toBe(1);
    expect(lines).toEqual([]);
    expect(JSON.parse(errorLines[0] as string).error.code).toBe('NOT_FOUND');
  });

  it.each([
    'create-service-token',
    'list-service-tokens',
    'revoke-service-token',
    'grant-instance-admin',
  ])('%s --help prints its usage', async (command) => {
    expect(await run(command, '--help')).toBe(0);
    expect(lines.join('\n')).toMatch(new RegExp(`^Usage: onepin-server admin ${command}`));
  });

  it('admin --help lists the service-token commands', async () => {
    expect(await run('--help')).toBe(0);
    for (const command of ['create-service-token', 'list-service-tokens', 'revoke-service-token'])
      expect(lines.join('\n')).toContain(command);
  });

  it('create-user --instance-admin (and grant-instance-admin) make people who manage the tokens in the running server', async () => {
    const password = 'correct horse battery staple';
    expect(
      await run(
        'create-user',
        '--email',
        'ops@example.com',
        '--workspace',
        'Ops',
        '--password',
        password,
        '--instance-admin',
        '--json',
      ),
    ).toBe(0);
    expect(JSON.parse(lines[0] as string).user.instance_admin).toBe(true);
    expect(
      await run(
        'create-user',
        '--email',
        'dev@example.com',
        '--workspace',
        'Dev',
        '--password',
        password,
        '--json',
      ),
    ).toBe(0);
    expect(JSON.parse(lines[0] as string).user.instance_admin).toBe(false);
    expect(await run('create-service-token', '--name', 'from-cli', '--json')).toBe(0);
    const { token, id } = JSON.parse(lines[0] as string);

    const server = await startServer(readConfig(env), { print: () => {} });
    try {
      const signIn = async (email: string) => {
        const response = await fetch(`${server.url}/api/v1/session`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: server.url },
          body: JSON.stringify({ email, password }),
        });
        expect(response.status).toBe(201);
        const body: any = await response.json();
        return {
          cookie: (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
          instanceAdmin: body.data.instance_admin as boolean,
        };
      };
      const list = (cookie: string) =>
        fetch(`${server.url}/api/v1/service-tokens`, { headers: { cookie } });

      const ops = await signIn('ops@example.com');
      expect(ops.instanceAdmin).toBe(true);
      const listed = await list(ops.cookie);
      expect(listed.status).toBe(200);
      const body: any = await listed.json();
      expect(body.data.map((t: { name: string }) => t.name)).toEqual(['from-cli']);
      expect(JSON.stringify(body)).not.toContain(token);

      const dev = await signIn('dev@example.com');
      expect(dev.instanceAdmin).toBe(false);
      expect((await list(dev.cookie)).status).toBe(403);

      // Granted: the very next request of the same session may.
      expect(await run('grant-instance-admin', '--email', 'DEV@example.com')).toBe(0);
      expect(errorLines.join('\n')).toContain('dev@example.com is now an instance admin');
      expect((await list(dev.cookie)).status).toBe(200);
      expect(await run('grant-instance-admin', '--email', 'dev@example.com', '--json')).toBe(0);
      expect(JSON.parse(lines[0] as string).already_instance_admin).toBe(true);

      // The token from the command verifies keys; revoked by the command, the running server
      // (SQLite: no fan-out reaches it) refuses it once its 5-second cache entry ends.
      const verify = () =>
        fetch(`${server.url}/api/v1/keys/verify`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ key: 'op_live_nothing' }),
        });
      const before = await verify();
      expect(before.status).toBe(200);
      expect(((await before.json()) as any).data.code).toBe('INVALID');
      expect(await run('revoke-service-token', id)).toBe(0);
      const revokedAt = Date.now();
      let status = 200;
      while (status === 200 && Date.now() - revokedAt < 8_000) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        status = (await verify()).status;
      }
      expect(status).toBe(401);
      expect(Date.now() - revokedAt).toBeLessThan(6_500);
    } finally {
      await server.close();
    }
  });
});
