import { Writable } from 'node:stream';
import { generateApiKey } from '@onepin/core';
import { openDatabase } from '@onepin/db';
import { sqliteDialect } from '@onepin/db/test-support';
import { HTTPException } from 'hono/http-exception';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../api-error.js';
import { buildApp } from '../app.js';
import { createAppDeps } from '../deps.js';
import { createLogger } from '../logger.js';
import { createTestWorld, type TestWorld } from '../test-support/world.js';
import { toApiError } from './error-handler.js';

const pgError = (code: string, message = 'boom') => Object.assign(new Error(message), { code });

describe('toApiError', () => {
  it.each([
    [pgError('22021', 'invalid byte sequence for encoding "UTF8": 0x00'), 400, 'BAD_REQUEST'],
    [pgError('22P02'), 400, 'BAD_REQUEST'],
    [pgError('ECONNREFUSED'), 503, 'SERVICE_UNAVAILABLE'],
    [pgError('57P01'), 503, 'SERVICE_UNAVAILABLE'],
    [new HTTPException(400, { message: 'Malformed JSON in request body' }), 400, 'BAD_REQUEST'],
    [new HTTPException(415), 415, 'UNSUPPORTED_MEDIA_TYPE'],
    [new TypeError('undefined is not a function'), 500, 'INTERNAL_ERROR'],
  ])('maps %o to %i %s', (thrown, status, code) => {
    const error = toApiError(thrown);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(status);
    expect(error.code).toBe(code);
    expect(error.message).not.toContain('UTF8');
  });
});

/** Nothing a client could use to learn about the server's insides. */
function expectNothingRevealed(text: string, secrets: string[] = []) {
  expect(text).not.toMatch(/\bat .*\(.*:\d+:\d+\)|\.ts:\d+|\.js:\d+|node_modules|stack/i);
  for (const secret of secrets) expect(text).not.toContain(secret);
}

describe('internal errors', () => {
  let world: TestWorld;
  const leakedKey = generateApiKey('live');

  beforeAll(async () => {
    world = await createTestWorld(sqliteDialect, {
      app: {
        extraRoutes: [
          (app) =>
            app.get('/test/boom', () => {
              throw new Error(`boom while handling ${leakedKey}`);
            }),
          (app) =>
            app.get('/test/reject', async () => {
              await Promise.reject(new TypeError('Cannot read properties of undefined'));
              return new Response();
            }),
        ],
      },
    });
  });
  afterAll(() => world?.dispose());

  it.each([['/test/boom'], ['/test/reject']])(
    'answer %s with a bare 500 envelope: no message, no stack, no secret',
    async (path) => {
      const response = await world.request('GET', path);
      const text = await response.text();
      expect(response.status).toBe(500);
      expect(JSON.parse(text).error).toEqual({
        code: 'INTERNAL_ERROR',
        message: 'Something went wrong on our side.',
      });
      expect(response.headers.get('x-request-id')).toBeTruthy();
      expectNothingRevealed(text, [leakedKey, 'boom', 'Cannot read']);
    },
  );

  it('are logged with their cause, and the key inside the message redacted', async () => {
    await world.request('GET', '/test/boom');
    const logged = world.logLines.find((line) => line.includes('boom while handling'));
    expect(logged).toBeDefined();
    expect(logged).toContain('"stack"');
    expect(logged).not.toContain(leakedKey);
    expect(logged).toContain(`op_live_…${leakedKey.slice(-4)}`);
  });

  it('from a broken dependency on the request path are a bare 500 too', async () => {
    const broken = await createTestWorld(sqliteDialect, {
      rateLimiter: {
        synchronous: true,
        consume() {
          throw new RangeError('counter exploded at /srv/onepin/rate-limiter.js:12:7');
        },
      },
    });
    try {
      const workspace = await broken.createWorkspace();
      const { plaintext } = await broken.createKey(workspace);
      const response = await broken.request('GET', '/api/v1/auth/whoami', { key: plaintext });
      expect(response.status).toBe(500);
      expectNothingRevealed(await response.text(), [plaintext, 'exploded']);
    } finally {
      await broken.dispose();
    }
  });
});

describe('an unreachable database', () => {
  const lines: string[] = [];
  // Port 1 on the loopback: connections are refused at once.
  const database = openDatabase({ url: 'postgres://onepin@127.0.0.1:1/onepin' });
  const deps = createAppDeps({
    database,
    logger: createLogger(
      'info',
      new Writable({
        write(chunk, _encoding, done) {
          lines.push(String(chunk));
          done();
        },
      }),
    ),
  });
  const app = buildApp(deps);
  const env = { incoming: { socket: { remoteAddress: '127.0.0.1' } } } as never;
  afterAll(() => database.close());

  it('answers 503 SERVICE_UNAVAILABLE with Retry-After where the database is needed', async () => {
    const key = generateApiKey('live');
    const response = await app.request(
      '/api/v1/auth/whoami',
      { headers: { authorization: `Bearer ${key}` } },
      env,
    );
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    const text = await response.text();
    expect(JSON.parse(text).error.code).toBe('SERVICE_UNAVAILABLE');
    expectNothingRevealed(text, ['ECONNREFUSED', '127.0.0.1']);
    expect(lines.join('')).not.toContain(key);
    expect(lines.join('')).toContain('request refused: database unavailable');
  });

  it('keeps /health up and turns /ready to 503', async () => {
    expect((await app.request('/health', {}, env)).status).toBe(200);
    const ready = await app.request('/ready', {}, env);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({
      status: 'unavailable',
      problems: ['database unreachable'],
    });
  });
});
