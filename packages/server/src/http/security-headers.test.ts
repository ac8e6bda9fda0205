import { sqliteDialect } from '@onepin/db/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { protectedRoute } from '../routes/route-definition.js';
import { createTestWorld, type TestWorld } from '../test-support/world.js';

const API_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'cache-control': 'no-store',
};

function headersOf(response: { headers: Headers }, names: string[]) {
  return Object.fromEntries(names.map((name) => [name, response.headers.get(name)]));
}

describe('security headers', () => {
  let world: TestWorld;
  let key: string;

  beforeAll(async () => {
    world = await createTestWorld(sqliteDialect, {
      app: {
        extraRoutes: [
          (app) =>
            app.get('/own-policy', (c) =>
              c.html('<p>hi</p>', 200, { 'Content-Security-Policy': "default-src 'self'" }),
            ),
          // Response.redirect() makes headers that cannot change, as fetch() responses have.
          (app) =>
            app.openapi(
              protectedRoute(null, {
                method: 'get',
                path: '/api/v1/passed-through',
                responses: { 302: { description: 'Elsewhere' } },
              }),
              () => Response.redirect('http://127.0.0.1/x', 302),
            ),
        ],
      },
    });
    const workspace = await world.createWorkspace();
    key = (await world.createKey(workspace, { scopes: ['api_keys:write'] })).plaintext;
  });
  afterAll(() => world?.dispose());

  it.each([
    ['a success', 'GET', '/api/v1/auth/whoami', true],
    ['a created key (a plaintext in the body)', 'POST', '/api/v1/api-keys', true],
    ['a 401', 'GET', '/api/v1/auth/whoami', false],
    ['an unknown route', 'GET', '/api/v1/nothing-here', true],
    ['the health check', 'GET', '/health', false],
    ['the readiness check', 'GET', '/ready', false],
    ['the OpenAPI document', 'GET', '/openapi.json', false],
  ])('are on %s, with no-store', async (_label, method, path, withKey) => {
    const response = await world.call(method, path, {
      key: withKey ? key : null,
      ...(method === 'POST' && { body: { name: 'headers' } }),
    });
    expect(headersOf(response, Object.keys(API_HEADERS))).toEqual(API_HEADERS);
    expect(response.headers.get('strict-transport-security')).toBeNull();
  });

  it('are added to a response whose headers cannot change, by copying it', async () => {
    const response = await world.call('GET', '/api/v1/passed-through', { key });
    expect(response.status).toBe(302);
    expect(headersOf(response, Object.keys(API_HEADERS))).toEqual(API_HEADERS);
    // With the request id and the key's rate-limit headers, like every other response.
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get('x-ratelimit-limit')).toBe('600');
  });

  it('are on pages too, where a route may choose its own Content-Security-Policy', async () => {
    const docs = await world.request('GET', '/docs');
    expect(docs.headers.get('x-content-type-options')).toBe('nosniff');
    expect(docs.headers.get('x-frame-options')).toBe('DENY');
    expect(docs.headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
    const own = await world.request('GET', '/own-policy');
    expect(own.headers.get('content-security-policy')).toBe("default-src 'self'");
    expect(own.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('include Strict-Transport-Security only when the public URL is https', async () => {
    const https = await createTestWorld(sqliteDialect, {
      settings: { publicUrl: 'https://keys.example.com' },
    });
    try {
      const response = await https.request('GET', '/health');
      expect(response.headers.get('strict-transport-security')).toBe(
        'max-age=31536000; includeSubDomains',
      );
    } finally {
      await https.dispose();
    }
  });
});
