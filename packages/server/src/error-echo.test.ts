import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateApiKey, generateServiceToken, SCOPES } from '@onepin/core';
import { findKeysInDatabase, testDialects } from '@onepin/db/test-support';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './api-error.js';
import { runServerCli } from './cli.js';
import { publicRoute, type RouteRegistrar } from './routes/route-definition.js';
import { describeInput } from './schemas/common.js';
import { uniqueName } from './test-support/resources.js';
import { worldPerSuite } from './test-support/world.js';

/**
 * Key-shaped input, twice: a real key (valid checksum), and a look-alike whose checksum fails,
 * which the pasted-key guard lets through (it is not a key) but no message may echo either
 * (it is 31 characters of one, or a typo of one).
 */
function inputs(): Array<[string, string]> {
  const key = generateApiKey('live');
  const lookAlike = `${key.slice(0, -1)}${key.endsWith('a') ? 'b' : 'a'}`;
  const token = generateServiceToken();
  return [
    ['a key', key],
    ['a look-alike', lookAlike],
    ['a service token', token],
  ];
}

/** Any 12 characters of the secret part would be too many: the check is on a 12-long window
 * anywhere in it, so a message that cut the key short is caught too. */
function leaks(text: string, key: string): boolean {
  const secret = key.slice(8);
  for (let i = 0; i + 12 <= secret.length; i++) {
    if (text.includes(secret.slice(i, i + 12))) return true;
  }
  return false;
}

const throwing = (message: string, field: string): RouteRegistrar => {
  return (app) =>
    app.openapi(
      publicRoute({
        method: 'post',
        path: '/api/v1/boom',
        responses: { 409: { description: 'x' } },
      }),
      () => {
        throw new ApiError('CONFLICT', message, { details: [{ field, message }] });
      },
    );
};

describe('describeInput', () => {
  it.each(inputs())('hides %s before cutting at 40 characters, wherever it sits', (_n, key) => {
    for (const input of [key, `ab${key}`, `${'x'.repeat(30)}${key}`, `${key}${key}`]) {
      expect(leaks(describeInput(input), key), input.length.toString()).toBe(false);
    }
  });
});

describe.each(testDialects)('$name: no error message echoes key-shaped input', (dialect) => {
  const suite = worldPerSuite(dialect);

  async function admin() {
    const { world } = suite;
    const workspace = await world.createWorkspace();
    return (await world.createKey(workspace, { scopes: [...SCOPES] })).plaintext;
  }

  const places: Array<[string, (input: string) => { path: string; body: unknown }]> = [
    [
      'an unknown scope (quoted, up to 40 characters)',
      (input) => ({ path: '/api/v1/api-keys', body: { name: 'k', scopes: [`ab${input}`] } }),
    ],
    [
      'an unknown field name',
      (input) => ({ path: '/api/v1/api-keys', body: { name: 'k', [`x${input}`]: 1 } }),
    ],
    [
      'a duplicate node id',
      (input) => ({
        path: '/api/v1/workflows',
        body: {
          name: uniqueName(),
          definition: {
            graph: {
              nodes: [
                { id: input, type: 'a' },
                { id: input, type: 'b' },
              ],
              edges: [],
            },
          },
        },
      }),
    ],
    [
      'an edge to a node that does not exist',
      (input) => ({
        path: '/api/v1/workflows',
        body: {
          name: uniqueName(),
          definition: {
            graph: { nodes: [{ id: 'a', type: 'a' }], edges: [{ from: 'a', to: `${input}` }] },
          },
        },
      }),
    ],
    [
      'a node type that is not allowed',
      (input) => ({
        path: '/api/v1/workflows',
        body: {
          name: uniqueName(),
          definition: { graph: { nodes: [{ id: 'a', type: input }], edges: [] } },
        },
      }),
    ],
    [
      'an upload file name with a path in it',
      (input) => ({
        path: '/api/v1/uploads',
        body: { filename: `a/${input}.txt`, category: 'script', size_bytes: 1 },
      }),
    ],
    [
      'an email that is not an email',
      (input) => ({
        path: '/api/v1/setup',
        body: { token: 't', email: input, password: 'p', workspace_name: 'w' },
      }),
    ],
  ];

  for (const [what, input] of inputs()) {
    suite.run.each(places)(`${what} in %s is never echoed`, async (_place, build) => {
      const { world } = suite;
      const request = build(input);
      const response = await world.call('POST', request.path, {
        key: await admin(),
        body: request.body,
      });
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(leaks(JSON.stringify(response.body), input)).toBe(false);
    });
  }
});

describe('every error the server renders', () => {
  const [dialect] = testDialects as [(typeof testDialects)[number]];
  for (const [what, input] of inputs()) {
    const suite = worldPerSuite(dialect, {
      app: {
        extraRoutes: [throwing(`A workflow named "${input}" already exists.`, `names.${input}`)],
      },
    });
    suite.run(`shows ${what} in a message or a detail as its preview only`, async () => {
      const response = await suite.world.call('POST', '/api/v1/boom');
      expect(response.status).toBe(409);
      const prefix = input.startsWith('op_svc_') ? 'op_svc_' : input.slice(0, 8);
      expect(response.body.error.message).toBe(
        `A workflow named "${prefix}…${input.slice(-4)}" already exists.`,
      );
      expect(leaks(JSON.stringify(response.body), input)).toBe(false);
    });
  }
});

describe('onepin-server on the command line', () => {
  let dataDir: string;
  let errors: string[];
  let env: NodeJS.ProcessEnv;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'onepin-echo-'));
    env = { ONEPIN_DATA_DIR: dataDir, ONEPIN_LOG_LEVEL: 'silent' };
    errors = [];
    vi.spyOn(console, 'error').mockImplementation((line: string) => errors.push(line));
  });
  afterEach(() => {
    vi.restoreAllMocks();
    rmSync(dataDir, { recursive: true, force: true });
  });

  for (const [what, input] of inputs()) {
    it.each([
      ['an unknown command', () => [`x${input}`], {}],
      ['an unknown admin command', () => ['admin', input], {}],
      [
        'an unknown scope',
        () => ['admin', 'create-key', '--workspace', 'w', '--name', 'n', '--scopes', `ab${input}`],
        {},
      ],
      [
        'an unknown workspace',
        () => ['admin', 'create-key', '--workspace', input, '--name', 'n'],
        {},
      ],
      [
        'a bad variable',
        () => ['admin', 'wipe-test-data', '--workspace', 'w'],
        { ONEPIN_LOG_LEVEL: input },
      ],
      ['a bad port', () => ['serve'], { ONEPIN_PORT: input }],
    ] as Array<[string, () => string[], NodeJS.ProcessEnv]>)(
      `never prints ${what} given in %s`,
      async (_place, argv, extraEnv) => {
        const code = await runServerCli(argv(), { env: { ...env, ...extraEnv }, print: () => {} });
        expect(code).toBeGreaterThan(0);
        expect(errors.join('\n').length).toBeGreaterThan(0);
        expect(leaks(errors.join('\n'), input)).toBe(false);
      },
    );
  }

  it('refuses to store a key pasted into admin create-user and create-key, and says where', async () => {
    const key = generateApiKey('live');
    const lines: string[] = [];
    expect(
      await runServerCli(
        ['admin', 'create-user', '--email', 'a@example.com', '--workspace', `W ${key}`, '--json'],
        { env, print: (line) => lines.push(line) },
      ),
    ).toBe(1);
    expect(errors.join('\n')).toMatch(
      /refusing to store an API key in plaintext \(workspaces\.name\)/,
    );
    expect(
      await runServerCli(
        ['admin', 'create-user', '--email', 'a@example.com', '--workspace', 'W', '--json'],
        { env, print: (line) => lines.push(line) },
      ),
    ).toBe(0);
    const { workspace } = JSON.parse(lines.pop() ?? '');
    expect(
      await runServerCli(
        ['admin', 'create-key', '--workspace', workspace.id, '--name', `prod_${key}`],
        { env, print: (line) => lines.push(line) },
      ),
    ).toBe(1);
    expect(errors.join('\n')).toMatch(/api_keys\.name/);
    expect(leaks(errors.join('\n') + lines.join('\n'), key)).toBe(false);

    const { openDatabase } = await import('@onepin/db');
    const database = openDatabase({ url: join(dataDir, 'onepin.db') });
    try {
      expect(await findKeysInDatabase(database)).toEqual([]);
    } finally {
      await database.close();
    }
  });
});
