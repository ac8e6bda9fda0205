import { SCOPES } from '@onepin/core';
import { sqliteDialect } from '@onepin/db/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorld, type TestWorld } from '../test-support/world.js';

describe('HTTP errors and envelopes', () => {
  let world: TestWorld;
  let key: string;

  beforeAll(async () => {
    world = await createTestWorld(sqliteDialect);
    key = (await world.createKey(await world.createWorkspace(), { scopes: [...SCOPES] })).plaintext;
  });
  afterAll(async () => world?.dispose());

  function expectEnvelope(body: any, code: string) {
    expect(body.error.code).toBe(code);
    expect(typeof body.error.message).toBe('string');
    expect(body.meta.request_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Date(body.meta.timestamp).toISOString()).toBe(body.meta.timestamp);
  }

  it('wraps success in {data, meta} with the request id also in X-Request-Id', async () => {
    const { status, body, headers } = await world.call('GET', '/api/v1/auth/whoami', { key });
    expect(status).toBe(200);
    expect(body.meta.request_id).toBe(headers.get('x-request-id'));
    expect(body.meta.timestamp).toBe(new Date(world.clock.now()).toISOString());
  });

  it('gives every request its own id', async () => {
    const a = await world.call('GET', '/health');
    const b = await world.call('GET', '/health');
    expect(a.headers.get('x-request-id')).not.toBe(b.headers.get('x-request-id'));
  });

  it.each([
    ['{"name": "x"', 'truncated JSON'],
    ['{name: "x"}', 'unquoted key'],
    ['', 'an empty body'],
    ['nul\u0000l', 'binary junk'],
  ])('answers malformed JSON (%j, %s) with 400 BAD_REQUEST', async (rawBody) => {
    const { status, body } = await world.call('POST', '/api/v1/api-keys', {
      key,
      rawBody,
      headers: { 'content-type': 'application/json' },
    });
    expect(status).toBe(400);
    expectEnvelope(body, 'BAD_REQUEST');
  });

  it.each([
    ['a JSON array', '[]'],
    ['a JSON string', '"name"'],
    ['JSON null', 'null'],
  ])('answers %s where an object belongs with 422', async (_label, rawBody) => {
    const { status, body } = await world.call('POST', '/api/v1/api-keys', {
      key,
      rawBody,
      headers: { 'content-type': 'application/json' },
    });
    expect(status).toBe(422);
    expectEnvelope(body, 'VALIDATION_ERROR');
  });

  it('answers a body over 1 MiB with 413 PAYLOAD_TOO_LARGE', async () => {
    const { status, body } = await world.call('POST', '/api/v1/api-keys', {
      key,
      body: { name: 'x', padding: 'y'.repeat(1024 * 1024) },
    });
    expect(status).toBe(413);
    expectEnvelope(body, 'PAYLOAD_TOO_LARGE');
  });

  it('answers a non-JSON content type with 415', async () => {
    const { status, body } = await world.call('POST', '/api/v1/api-keys', {
      key,
      rawBody: 'name=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(status).toBe(415);
    expectEnvelope(body, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers a missing body with 422 naming the required field', async () => {
    const { status, body } = await world.call('POST', '/api/v1/api-keys', { key });
    expect(status).toBe(422);
    expect(body.error.details).toEqual([{ field: 'name', message: expect.any(String) }]);
  });

  it('answers an unknown route with 404 in the envelope, after authentication', async () => {
    const anonymous = await world.call('GET', '/api/v1/nope');
    expect(anonymous.status).toBe(401);
    const { status, body } = await world.call('GET', '/api/v1/nope', { key });
    expect(status).toBe(404);
    expectEnvelope(body, 'NOT_FOUND');
    expect((await world.call('GET', '/nope')).status).toBe(404);
  });

  it.each([
    [401, 'a missing key', () => world.call('GET', '/api/v1/auth/whoami')],
    [404, 'an unknown API route', () => world.call('GET', '/api/v1/nope', { key })],
    [404, 'an unknown page', () => world.call('GET', '/nope')],
    [
      413,
      'a body over 1 MiB',
      () =>
        world.call('POST', '/api/v1/api-keys', {
          key,
          body: { name: 'x', padding: 'y'.repeat(1024 * 1024) },
        }),
    ],
    [
      415,
      'a body that is not JSON',
      () =>
        world.call('POST', '/api/v1/api-keys', {
          key,
          rawBody: 'name=x',
          headers: { 'content-type': 'text/plain' },
        }),
    ],
  ])(
    'names the request in X-Request-Id on a %i (%s), as in meta.request_id',
    async (status, _label, send) => {
      const response = await send();
      expect(response.status).toBe(status);
      expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      expect(response.body.meta.request_id).toBe(response.headers.get('x-request-id'));
    },
  );

  it('never reveals internals in a 500', async () => {
    const broken = await createTestWorld(sqliteDialect);
    const brokenKey = (
      await broken.createKey(await broken.createWorkspace(), { scopes: ['workspace:read'] })
    ).plaintext;
    await broken.call('GET', '/api/v1/auth/whoami', { key: brokenKey });
    await broken.database.handle.db.schema.dropTable('audit_events').execute();
    const { status, body } = await broken.call('GET', '/api/v1/activity', { key: brokenKey });
    expect(status).toBe(500);
    expectEnvelope(body, 'INTERNAL_ERROR');
    expect(JSON.stringify(body)).not.toMatch(/audit_events|sqlite|at .*\.ts/i);
    expect(broken.logLines.join('')).toContain('request failed');
    await broken.dispose();
  });
});
