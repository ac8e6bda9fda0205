import { generateApiKey } from '@onepin/core';
import { sqliteDialect } from '@onepin/db/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorld, type TestKey, type TestWorld } from '../test-support/world.js';
import { loggablePath } from './request-context.js';

describe('the access log', () => {
  let world: TestWorld;
  let key: TestKey;

  beforeAll(async () => {
    world = await createTestWorld(sqliteDialect);
    key = await world.createKey(await world.createWorkspace(), { scopes: ['workspace:read'] });
  });
  afterAll(() => world?.dispose());

  const lastLine = () => JSON.parse(world.logLines.at(-1) as string);

  it('writes one line per request: its id, method, path, status, time and caller', async () => {
    const before = world.logLines.length;
    const response = await world.call('GET', '/api/v1/auth/whoami', { key: key.plaintext });
    expect(world.logLines.length).toBe(before + 1);
    expect(lastLine()).toEqual({
      level: 30,
      time: expect.any(Number),
      request_id: response.headers.get('x-request-id'),
      method: 'GET',
      path: '/api/v1/auth/whoami',
      status: 200,
      ms: expect.any(Number),
      workspace_id: key.workspaceId,
      api_key_id: key.id,
    });
  });

  it('hides a key pasted into the path, keeping its preview', async () => {
    const pasted = generateApiKey('live');
    await world.call('GET', `/api/v1/keys/${pasted}`);
    expect(world.logLines.at(-1)).not.toContain(pasted.slice(8));
    expect(lastLine().path).toBe(`/api/v1/keys/op_live_…${pasted.slice(-4)}`);
  });

  it('hides an invitation token in the path (the public accept route)', async () => {
    const token = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde';
    await world.call('POST', `/api/v1/workspaces/invites/${token}/accept`);
    expect(world.logLines.at(-1)).not.toContain(token);
    expect(lastLine().path).toBe('/api/v1/workspaces/invites/[redacted]/accept');
    expect(loggablePath(`//api/v1/Workspaces//invites/${token}`)).not.toContain(token);
    expect(loggablePath('/api/v1/workspaces/ws_1/invites/inv_1')).toBe(
      '/api/v1/workspaces/ws_1/invites/inv_1',
    );
  });
});
