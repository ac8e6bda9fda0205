import { sqliteDialect } from '@onepin/db/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorld, type TestWorld } from '../test-support/world.js';

describe('validation messages quoting client input', () => {
  let world: TestWorld;
  let key: string;

  beforeAll(async () => {
    world = await createTestWorld(sqliteDialect);
    const workspace = await world.createWorkspace();
    key = (await world.createKey(workspace, { scopes: ['api_keys:write'] })).plaintext;
  });
  afterAll(() => world?.dispose());

  const create = (rawBody: string) =>
    world.call('POST', '/api/v1/api-keys', {
      key,
      rawBody,
      headers: { 'content-type': 'application/json' },
    });

  it('survive a deeply nested value (found by the fuzzer: it was a 500)', async () => {
    const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    const response = await create(`{"name":"deep","scopes":${deep}}`);
    expect(response.status).toBe(422);
    expect(response.body.error.details).toEqual([
      {
        field: 'scopes.0',
        message: expect.stringMatching(/^unknown scope an array; valid scopes: /),
      },
    ]);
  });

  it('name the official meaning of a OnePin scope this server does not provide', async () => {
    const response = await create(JSON.stringify({ name: 'runs', scopes: ['workflows:run'] }));
    expect(response.status).toBe(422);
    expect(response.body.error.details[0].message).toMatch(
      /^workflows:run is the OnePin scope to start, cancel, pause and resume workflow runs, which this server does not provide; valid scopes: /,
    );
  });

  it('quote at most the start of a long value', async () => {
    const response = await create(JSON.stringify({ name: 'long', scopes: ['x'.repeat(100_000)] }));
    expect(response.status).toBe(422);
    const message: string = response.body.error.details[0].message;
    expect(message).toMatch(/^unknown scope "x{40}…"; valid scopes: /);
    expect(message.length).toBeLessThan(400);
  });
});
