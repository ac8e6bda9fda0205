import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { z } from '@hono/zod-openapi';
import { sqliteDialect } from '@onepin/db/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  JSON_BODY,
  protectedRoute,
  publicRoute,
  type RouteRegistrar,
  STREAMED_BODY,
} from '../routes/route-definition.js';
import { jsonBody } from '../schemas/common.js';
import { createTestWorld, type TestWorld } from '../test-support/world.js';
import { jsonResponse } from './response-headers.js';

const counted = { 200: { description: 'How many bytes arrived' } };

/**
 * Whether a whole web Request was built for this request. @hono/node-server's lazy request
 * builds one on demand (about 0.2 ms of CPU) and keeps it under a private symbol; a JSON body
 * should instead be read straight from the socket. If a new @hono/node-server renames its
 * symbols, this answers "built" and the test below fails: look again at how it reads bodies.
 */
function builtWebRequest(raw: Request): boolean {
  const symbolNamed = (object: object, name: string) =>
    Object.getOwnPropertySymbols(object).find((symbol) => symbol.description === name);
  // Hono's own body limit swaps in a plain Request once it has read a chunked body.
  if (symbolNamed(Object.getPrototypeOf(raw), 'getRequestCache') === undefined) return true;
  const cache = symbolNamed(raw, 'requestCache');
  return cache !== undefined && (raw as unknown as Record<symbol, unknown>)[cache] !== undefined;
}

/** A JSON route that says how its body was read; a streaming route (it reads and limits the
 * body itself) and a form outside the API. */
const extraRoutes: RouteRegistrar[] = [
  (app) =>
    app.openapi(
      protectedRoute(
        null,
        {
          method: 'post',
          path: '/api/v1/test-json',
          request: { body: jsonBody(z.object({ text: z.string() })) },
          responses: counted,
        },
        { body: JSON_BODY },
      ),
      (c) =>
        jsonResponse(
          c,
          { length: c.req.valid('json').text.length, built: builtWebRequest(c.req.raw) },
          200,
        ),
    ),
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

  describe('over HTTP, as @hono/node-server serves them', () => {
    let server: Server;
    let port: number;

    beforeAll(async () => {
      server = createServer(getRequestListener(world.app.fetch, { hostname: '127.0.0.1' }));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as AddressInfo).port;
    });
    afterAll(() => new Promise((resolve) => server?.close(resolve)));

    /** One request over a socket, the body sent as given: announced by Content-Length, or in
     * chunks (Transfer-Encoding: chunked) when `chunked`. */
    function send(
      path: string,
      body: string,
      options: { chunked?: boolean; contentType?: string } = {},
    ): Promise<{ status: number; body: any }> {
      return new Promise((resolve, reject) => {
        const headers: Record<string, string> = {
          authorization: `Bearer ${key}`,
          'content-type': options.contentType ?? 'application/json',
        };
        if (!options.chunked) headers['content-length'] = String(Buffer.byteLength(body));
        const request = httpRequest({ host: '127.0.0.1', port, path, method: 'POST', headers });
        request.on('response', (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk) => {
            text += chunk;
          });
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) }),
          );
        });
        request.on('error', reject);
        if (options.chunked) {
          // Two writes, so the body really travels in chunks.
          request.write(body.slice(0, 10));
          request.end(body.slice(10));
        } else {
          request.end(body);
        }
      });
    }

    it('reads an announced JSON body straight from the socket, never building a web Request', async () => {
      const response = await send('/api/v1/test-json', JSON.stringify({ text: 'hello' }));
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ length: 5, built: false });
    });

    it('counts a chunked body while it streams in, and reads it all', async () => {
      const response = await send('/api/v1/test-json', JSON.stringify({ text: 'y'.repeat(900) }), {
        chunked: true,
      });
      expect(response.status).toBe(200);
      expect(response.body.length).toBe(900);
    });

    it('refuses a body over the limit with 413, announced or chunked', async () => {
      const big = JSON.stringify({ text: 'x'.repeat(2_000) });
      for (const chunked of [false, true]) {
        const response = await send('/api/v1/test-json', big, { chunked });
        expect(response.status).toBe(413);
        expect(response.body.error.code).toBe('PAYLOAD_TOO_LARGE');
      }
    });

    it('answers an empty or broken JSON body with 400, and a wrong content type with 415', async () => {
      expect((await send('/api/v1/test-json', '')).status).toBe(400);
      expect((await send('/api/v1/test-json', '{"text":')).status).toBe(400);
      expect((await send('/api/v1/test-json', '{}', { contentType: 'text/plain' })).status).toBe(
        415,
      );
    });

    it('still refuses an API key pasted into a JSON body (422), read from the socket', async () => {
      const response = await send('/api/v1/api-keys', JSON.stringify({ name: `prod_${key}` }));
      expect(response.status).toBe(422);
      expect(JSON.stringify(response.body)).not.toContain(key);
    });
  });
});
