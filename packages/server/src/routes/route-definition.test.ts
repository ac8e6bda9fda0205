import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from '@hono/zod-openapi';
import { sqliteDialect, type TestDatabase } from '@onepin/db/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../api-error.js';
import { buildApp } from '../app.js';
import { createAppDeps } from '../deps.js';
import { jsonResponse } from '../http/response-headers.js';
import { openApiDocument } from '../openapi.js';
import { jsonBody } from '../schemas/common.js';
import { createTestWorld, type TestKey, type TestWorld } from '../test-support/world.js';
import {
  protectedRoute,
  publicRoute,
  type RouteRegistrar,
  STREAMED_BODY,
  serviceTokenRoute,
  sessionRoute,
  signedUrlRoute,
} from './route-definition.js';

const ok = { 200: { description: 'OK' } };

/** One route per way in and per body policy, declared as any route file declares its own. */
const probes: RouteRegistrar[] = [
  (app) =>
    app.openapi(publicRoute({ method: 'post', path: '/api/v1/probe/public', responses: ok }), (c) =>
      jsonResponse(c, { principal: c.get('principal') ?? null }, 200),
    ),
  (app) =>
    app.openapi(
      protectedRoute('workflows:write', {
        method: 'post',
        path: '/api/v1/probe/scoped',
        responses: ok,
      }),
      (c) => jsonResponse(c, { kind: c.get('principal').kind }, 200),
    ),
  (app) =>
    app.openapi(
      sessionRoute('admin', { method: 'get', path: '/api/v1/probe/admins', responses: ok }),
      (c) => jsonResponse(c, { kind: c.get('principal').kind }, 200),
    ),
  (app) =>
    app.openapi(
      signedUrlRoute(
        { method: 'put', path: '/probe/signed', responses: ok },
        { body: STREAMED_BODY },
      ),
      async (c) => jsonResponse(c, { bytes: (await c.req.text()).length }, 200),
    ),
  (app) =>
    app.openapi(
      publicRoute(
        { method: 'post', path: '/api/v1/probe/small', responses: ok },
        { body: { kind: 'json', maxBytes: 16 } },
      ),
      (c) => jsonResponse(c, {}, 200),
    ),
  (app) =>
    app.openapi(
      publicRoute(
        {
          method: 'post',
          path: '/api/v1/probe/signed-body',
          request: { body: jsonBody(z.object({ n: z.number() })) },
          responses: ok,
        },
        {
          body: { kind: 'json', maxBytes: 64, acceptsApiKey: true },
          // Stands in for a signature over the raw body: the proof is the bytes' length.
          checks: [
            async (c, next) => {
              const raw = await c.req.text();
              if (c.req.header('x-proof') !== String(raw.length)) {
                throw new ApiError('UNAUTHORIZED', 'Not proven.');
              }
              return next();
            },
          ],
        },
      ),
      (c) => jsonResponse(c, c.req.valid('json'), 200),
    ),
];

describe('a service-token route', () => {
  let world: TestWorld;
  beforeAll(async () => {
    world = await createTestWorld(sqliteDialect, {
      app: {
        extraRoutes: [
          (app) =>
            app.openapi(
              serviceTokenRoute({
                method: 'post',
                path: '/api/v1/probe/service',
                request: { body: jsonBody(z.object({ n: z.number() })) },
                responses: ok,
              }),
              (c) => jsonResponse(c, { token: c.get('serviceToken').name }, 200),
            ),
        ],
      },
    });
  });
  afterAll(() => world?.dispose());

  it('takes a service token and nothing else; the key guard runs for its body', async () => {
    const workspace = await world.createWorkspace();
    const key = await world.createKey(workspace, { scopes: ['workflows:write'] });
    const { token } = await world.createServiceToken('probe');
    const call = (authorization: string | undefined, body: unknown = { n: 1 }) =>
      world.call('POST', '/api/v1/probe/service', {
        body,
        headers: authorization ? { authorization } : {},
      });
    expect((await call(`Bearer ${token}`)).body).toEqual({ token: 'probe' });
    for (const refused of [undefined, `Bearer ${key.plaintext}`]) {
      const response = await call(refused);
      expect(response.status).toBe(401);
      expect(response.body.error.message).toMatch(/service token/);
    }
    const pasted = await call(`Bearer ${token}`, { n: 1, note: key.plaintext });
    expect(pasted.status).toBe(422);
  });
});

describe('route declarations', () => {
  let world: TestWorld;
  let writer: TestKey;
  let reader: TestKey;

  beforeAll(async () => {
    world = await createTestWorld(sqliteDialect, { app: { extraRoutes: probes } });
    const workspace = await world.createWorkspace();
    writer = await world.createKey(workspace, { scopes: ['workflows:write'] });
    reader = await world.createKey(workspace, { scopes: ['workflows:read'] });
  });
  afterAll(() => world?.dispose());

  it('a public route answers without a credential, and authenticates no one', async () => {
    const response = await world.call('POST', '/api/v1/probe/public', {
      key: writer.plaintext,
      body: {},
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ principal: null });
  });

  it('a protected route wants a credential, then its scope', async () => {
    expect((await world.call('POST', '/api/v1/probe/scoped', { body: {} })).status).toBe(401);
    const unscoped = await world.call('POST', '/api/v1/probe/scoped', {
      key: reader.plaintext,
      body: {},
    });
    expect(unscoped.status).toBe(403);
    expect(unscoped.body.error.code).toBe('INSUFFICIENT_SCOPE');
    const scoped = await world.call('POST', '/api/v1/probe/scoped', {
      key: writer.plaintext,
      body: {},
    });
    expect(scoped.body).toEqual({ kind: 'api_key' });
  });

  it('a session route refuses API keys, and people without its role', async () => {
    const workspace = await world.createWorkspace();
    const key = await world.createKey(workspace, { scopes: ['workflows:write'] });
    expect((await world.call('GET', '/api/v1/probe/admins', { key: key.plaintext })).status).toBe(
      403,
    );
    const viewer = await world.signIn(workspace, 'viewer');
    expect((await world.call('GET', '/api/v1/probe/admins', { session: viewer })).status).toBe(403);
    const admin = await world.signIn(workspace);
    const response = await world.call('GET', '/api/v1/probe/admins', { session: admin });
    expect(response.body).toEqual({ kind: 'session' });
  });

  it('checks the body policy before the credential: 415 and 413 come first', async () => {
    const typed = await world.call('POST', '/api/v1/probe/scoped', {
      rawBody: 'x',
      headers: { 'content-type': 'text/plain' },
    });
    expect(typed.status).toBe(415);
    const large = await world.call('POST', '/api/v1/probe/small', { body: { a: 'x'.repeat(20) } });
    expect(large.status).toBe(413);
    expect((await world.call('POST', '/api/v1/probe/small', { body: {} })).status).toBe(200);
  });

  it("a public route's own checks see the raw bytes after the body policy, before the validators", async () => {
    const post = (rawBody: string, proof: number) =>
      world.call('POST', '/api/v1/probe/signed-body', {
        rawBody,
        headers: { 'content-type': 'application/json', 'x-proof': String(proof) },
      });
    const spaced = '{ "n" :  1 }';
    expect((await post(spaced, spaced.length)).body).toEqual({ n: 1 });
    // Unproven: 401 whatever the body, even one the validator would refuse.
    expect((await post('{"n": ', 0)).status).toBe(401);
    expect((await post('{"n":1}', 8)).status).toBe(401);
    expect((await post('{"n": ', 6)).status).toBe(400);
    // The body policy comes first; the validator after a passed check.
    expect((await post(`{"n": "${'x'.repeat(80)}"}`, 88)).status).toBe(413);
    expect((await post('{"n":"1"}', 9)).status).toBe(422);
  });

  it('a streamed body is left to the route: no JSON, no limit', async () => {
    const response = await world.call('PUT', '/probe/signed', {
      rawBody: 'b'.repeat(4_000),
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(response.body).toEqual({ bytes: 4_000 });
  });

  describe('a request no route takes', () => {
    it('under /api/v1: 401 without a credential, so it learns nothing; 404 with one', async () => {
      expect((await world.call('GET', '/api/v1/no-such-thing')).status).toBe(401);
      const known = await world.call('DELETE', '/api/v1/no-such-thing', { key: reader.plaintext });
      expect(known.status).toBe(404);
      expect(known.body.error.code).toBe('NOT_FOUND');
      expect(known.headers.get('x-ratelimit-limit')).toBe('600');
    });

    it('elsewhere: 404, after the size limit', async () => {
      expect((await world.call('POST', '/nowhere', { rawBody: 'a=1' })).status).toBe(404);
      const large = await world.call('POST', '/nowhere', { rawBody: 'a'.repeat(1_100_000) });
      expect(large.status).toBe(413);
    });
  });
});

describe('buildApp', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await sqliteDialect.create();
  });
  afterAll(() => database?.dispose());
  const build = async (extra: RouteRegistrar) => () =>
    buildApp(createAppDeps({ database: database.handle }), { extraRoutes: [extra] });

  it.each<[string, RouteRegistrar]>([
    ['a GET under /api/ (it would be public)', (app) => app.get('/api/v1/leak', (c) => c.text(''))],
    ['a POST anywhere (a body nobody limits)', (app) => app.post('/upload', (c) => c.text(''))],
    ['middleware under /api/', (app) => app.use('/api/v1/workflows/*', (_c, next) => next())],
  ])('refuses %s registered without its rules', async (_label, register) => {
    expect(await build(register)).toThrow(/registered without their rules/);
  });

  it('accepts a page outside /api/ without a declaration', async () => {
    expect(await build((app) => app.get('/about', (c) => c.text('')))).not.toThrow();
  });
});

describe('the declared routes', () => {
  it('need no credential on exactly these /api/v1 operations', async () => {
    // A route that becomes public is a decision: it shows up here.
    const world = await createTestWorld(sqliteDialect);
    try {
      const paths = openApiDocument(world.app).paths ?? {};
      const open = Object.entries(paths).flatMap(([path, item]) =>
        Object.entries(item as Record<string, { security?: unknown[] }>)
          .filter(([, op]) => (op.security?.length ?? 0) === 0)
          .map(([method]) => `${method.toUpperCase()} ${path}`),
      );
      expect(open.sort()).toEqual([
        'GET /api/v1/invitation',
        'GET /api/v1/password-link',
        'GET /api/v1/setup',
        'POST /api/v1/credentials/revoke',
        'POST /api/v1/device/code',
        'POST /api/v1/device/token',
        'POST /api/v1/invitation',
        'POST /api/v1/password-link',
        'POST /api/v1/secret-scanning/github',
        'POST /api/v1/session',
        'POST /api/v1/setup',
        'PUT /uploads/{id}',
      ]);
    } finally {
      await world.dispose();
    }
  });
});

describe('the server source', () => {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const sources = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === 'test-support' ? [] : sources(path);
      return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
    });

  const linesMatching = (pattern: RegExp) =>
    sources(root).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, index) =>
          pattern.test(line) && !/^\s*(\*|\/\/|\/\*)/.test(line)
            ? [`${relative(root, file)}:${index + 1}`]
            : [],
        ),
    );

  it('never answers with c.json or sets headers with c.header: jsonResponse writes them', () => {
    // Both build a `Headers` object, and a header set there is written again by
    // `completeHeaders`; the server's headers live on the context until `jsonResponse`.
    expect(linesMatching(/\bc\.(json|header)\(/)).toEqual([]);
  });

  it('reads context variables with c.get, never c.var (a copy of all of them per read)', () => {
    expect(linesMatching(/\bc\.var\b/)).toEqual([]);
  });
});
