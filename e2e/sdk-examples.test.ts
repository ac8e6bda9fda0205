import { execFile } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { serve } from '@hono/node-server';
import { sqliteDialect } from '@onepin/db/test-support';
import { createTestWorld, type TestWorkspace, type TestWorld } from '@onepin/server/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The SDK's examples, run as a reader would (`npx tsx packages/sdk/examples/…`), against
// the real server listening on 127.0.0.1 on a free port.

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));

let world: TestWorld;
let workspace: TestWorkspace;
let server: ReturnType<typeof serve>;
let baseUrl: string;
let apiKey: string;

beforeAll(async () => {
  world = await createTestWorld(sqliteDialect);
  workspace = await world.createWorkspace('Examples Inc');
  const key = await world.createKey(workspace, {
    name: 'examples',
    scopes: ['api_keys:read', 'api_keys:write', 'workspace:read'],
  });
  apiKey = key.plaintext;
  server = serve({ fetch: world.app.fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await world.dispose();
});

async function example(name: string, env: Record<string, string> = {}) {
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', `packages/sdk/examples/${name}.ts`],
    {
      cwd: root,
      env: { ...process.env, ONEPIN_API_KEY: apiKey, ONEPIN_BASE_URL: baseUrl, ...env },
      timeout: 60_000,
    },
  );
  return stdout;
}

describe('SDK examples against a running server', () => {
  it('quickstart prints the key and its workspace', async () => {
    const out = await example('quickstart');
    expect(out).toContain('Key "examples" of workspace "Examples Inc"');
    expect(out).toContain('Scopes: api_keys:read, api_keys:write, workspace:read');
  });

  it('error-handling shows each kind of failure', async () => {
    const out = await example('error-handling');
    expect(out).toMatch(/^Configuration: The token is not a well-formed/m);
    expect(out).toContain('Not found, as expected.');
    expect(out).toMatch(/\[VALIDATION_ERROR\] The request is not valid\. name: /);
    expect(out).toContain('Cannot reach the server');
    expect(out).not.toContain(apiKey);
  });

  it('pagination walks every key, the matching workflows and the audit log', async () => {
    const writer = await world.createKey(workspace, { scopes: ['workflows:write'] });
    for (const name of [
      'Episode 3',
      'episode 1',
      'Trailer',
      'Episode 12',
      'Episode 2',
      'Episode 10',
      'Episode 11',
    ]) {
      const made = await world.call('POST', '/api/v1/workflows', {
        key: writer.plaintext,
        body: { name },
      });
      expect(made.status).toBe(201);
    }
    // The keys last, so they are the newest events of the audit log (the clock is the
    // world's fake one: without the step, the events would tie on time).
    world.clock.advance(1000);
    for (let i = 0; i < 25; i++) await world.createKey(workspace, { name: `bulk ${i}` });
    const reader = await world.createKey(workspace, {
      name: 'pagination',
      scopes: ['api_keys:read', 'workflows:read', 'workspace:read'],
    });
    const out = await example('pagination', { ONEPIN_API_KEY: reader.plaintext });
    expect(out).toMatch(/^2[6-9] active keys$/m);
    expect(out).toMatch(/^page 1: 10 of 2\d$/m);
    expect(out).toMatch(/^page 3: \d+ keys from offset 20$/m);
    expect(out).toContain(
      '6 workflows match "episode": episode 1, Episode 10, Episode 11, Episode 12, Episode 2, Episode 3',
    );
    expect(out.match(/ api_key_created /g)?.length).toBe(5);
  });

  it('key-rotation rotates with a grace period, then ends it', async () => {
    const out = await example('key-rotation');
    expect(out).toContain('old key still works: Examples Inc');
    expect(out).toContain('new key works:       Examples Inc');
    expect(out).toMatch(/old key refused: \[INVALID_API_KEY\]/);
    expect(out).toContain('Revoked the example key.');
  });
});
