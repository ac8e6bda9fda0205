import { sqliteDialect } from '@onepin/db/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  protectedRoute,
  publicRoute,
  type RouteRegistrar,
  STREAMED_BODY,
} from '../routes/route-definition.js';
import { createTestWorld, type TestWorld } from '../test-support/world.js';
import { jsonResponse } from './response-headers.js';

const counted = { 200: { description: 'How many bytes arrived' } };

/** A streaming route (it reads and limits the body itself) and a form outside the API. */
const extraRoutes: RouteRegistrar[] = [
  (app) =>
    app.openapi(
      protectedRoute(
        null,
        { method: 'put', path: '/api/v1/test-stream', responses: counted },
        { body: STREAMED_BODY },
      ),
      async (c) => jsonResponse(c, { bytes: (await c.req.arrayBuffer()).byteLength }, 200),
    ),
  (app) =>
    app.openapi(
      publicRoute(
        { method: 'post', path: '/form', responses: counted },
        { body: { kind: 'bytes' } },
      ),
      async (c) => jsonResponse(c, { bytes: (await c.req.text()).length }, 200),
    ),
];

describe('request bodies', () => {
  let world: TestWorld;
  let key: string;

  beforeAll(async () => {
    world = await createTestWorld(sqliteDialect, {
      settings: { jsonBodyLimitBytes: 1024 },
      app: { extraRoutes },
    });
    const workspace = await world.createWorkspace();
    key = (await world.createKey(workspace, { scopes: ['api_keys:write'] })).plaintext;
  });
  afterAll(() => world?.dispose());

  const create = (headers: Record<string, string>, rawBody?: string) =>
    world.call('POST', '/api/v1/api-keys', {
      key,
      headers,
      ...(rawBody !== undefined && { rawBody }),
    });
  const body = JSON.stringify({ name: 'content types' });

  it.each([
    ['application/json'],
    ['application/json; charset=utf-8'],
    ['application/json;charset="UTF-8"'],
    ['Application/JSON'],
  ])('accepts JSON in UTF-8: %s', async (contentType) => {
    expect((await create({ 'content-type': contentType }, body)).status).toBe(201);
  });

  it.each([
    ['text/plain'],
    ['application/json; charset=utf-16'],
    ['application/json; charset=iso-8859-1'],
    ['application/x-www-form-urlencoded'],
    ['multipart/form-data; boundary=x'],
    ['application/jsonx'],
    ['application/json; boundary=x'],
    [''],
  ])('refuses %j with 415 UNSUPPORTED_MEDIA_TYPE', async (contentType) => {
    const response = await create({ 'content-type': contentType }, body);
    expect(response.status).toBe(415);
    expect(response.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('refuses a body without a content type where JSON is expected', async () => {
    const response = await create({}, body);
    expect(response.status).toBe(415);
  });

  it('refuses a body over the limit with 413, announced or not', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(2_000) });
    const announced = await create({ 'content-type': 'application/json' }, big);
    expect(announced.status).toBe(413);
    expect(announced.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    // Sizes read as a person sets them ("1 KiB"), not as a count of bytes.
    expect(announced.body.error.message).toBe('The request body is larger than 1 KiB.');
    const streamed = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const response = await world.app.request(
      '/api/v1/api-keys',
      {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: streamed,
        duplex: 'half',
      } as RequestInit,
      { incoming: { socket: { remoteAddress: '127.0.0.1' } } } as never,
    );
    expect(response.status).toBe(413);
  });

  it('limits bodies outside the API too, without asking them to be JSON (a `bytes` route)', async () => {
    expect(
      (
        await world.call('POST', '/form', {
          rawBody: 'a=1',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        })
      ).status,
    ).toBe(200);
    expect((await world.call('POST', '/form', { rawBody: 'a'.repeat(2_000) })).status).toBe(413);
  });

  it('leaves streaming routes to their own limit and content type', async () => {
    const response = await world.call('PUT', '/api/v1/test-stream', {
      key,
      rawBody: 'b'.repeat(4_000),
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(response.status).toBe(200);
    expect(response.body.bytes).toBe(4_000);
  });
});
