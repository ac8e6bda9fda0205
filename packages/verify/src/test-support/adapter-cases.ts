import { generateApiKey } from '@onepin/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVerifier, type Verifier } from '../verifier.js';
import { FakeOnePin } from './fake-onepin.js';

/** What an adapter's test app serves, whatever the framework. */
export interface AdapterApp {
  /** Sends a GET to the app. */
  request(path: string, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

/**
 * Builds the app under test. It must serve, behind the adapter:
 * - `GET /whoami` with `scopes: ['reports:read']`, answering 200 `{ principal }` (the
 *   principal the adapter left on the request);
 * - `GET /custom` with `scopes: []` and the key read from `X-Api-Key`, answering the same.
 */
export type AdapterAppFactory = (verifier: Verifier) => Promise<AdapterApp>;

/** The cases every adapter passes: the OnePin server's own answers, on a real framework. */
export function describeAdapter(name: string, makeApp: AdapterAppFactory): void {
  describe(`${name} adapter`, () => {
    let fake: FakeOnePin;
    let verifier: Verifier;
    let app: AdapterApp;

    beforeAll(async () => {
      fake = await new FakeOnePin().start();
      verifier = createVerifier({
        baseUrl: fake.url,
        serviceToken: fake.serviceToken,
        events: false,
      });
      app = await makeApp(verifier);
    });

    afterAll(async () => {
      await app.close();
      await verifier.close();
      await fake.stop();
    });

    const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

    interface Envelope {
      error: { code: string; message: string; details?: unknown };
      meta: { request_id: string; timestamp: string };
    }

    async function expectError(
      response: Response,
      status: number,
      code: string,
    ): Promise<Envelope> {
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(response.headers.get('cache-control')).toBe('no-store');
      const body = (await response.json()) as Envelope;
      expect(body).toMatchObject({
        error: { code },
        meta: { request_id: response.headers.get('x-request-id'), timestamp: expect.any(String) },
      });
      return body;
    }

    it('lets a valid key through with its principal and X-RateLimit-* headers', async () => {
      const key = fake.addKey({ scopes: ['reports:read'], rateLimitPerMin: 50 });
      const response = await app.request('/whoami', bearer(key.plaintext));
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({
        principal: {
          keyId: key.id,
          name: key.name,
          workspaceId: 'ws_1',
          workspaceName: 'Acme',
          keyType: 'live',
          scopes: ['reports:read'],
          expiresAt: null,
        },
      });
      expect(response.headers.get('x-ratelimit-limit')).toBe('50');
      expect(response.headers.get('x-ratelimit-remaining')).toBe('49');
      expect(Number(response.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
    });

    it.each([
      ['no Authorization header', {}],
      ['a malformed key', { authorization: 'Bearer op_live_short' }],
      ['not a Bearer credential', { authorization: 'Basic dXNlcjpwYXNz' }],
      ['an unknown key', { authorization: `Bearer ${generateApiKey('live')}` }],
    ])('answers 401 INVALID_API_KEY with WWW-Authenticate for %s', async (_, headers) => {
      const response = await app.request('/whoami', headers);
      const body = await expectError(response, 401, 'INVALID_API_KEY');
      expect(body.error.message).toBe('Invalid API key.');
      expect(response.headers.get('www-authenticate')).toBe('Bearer realm="onepin"');
    });

    it('answers 401 for a revoked key', async () => {
      const key = fake.addKey({ scopes: ['reports:read'] });
      const fresh = createVerifier({
        baseUrl: fake.url,
        serviceToken: fake.serviceToken,
        events: false,
      });
      const other = await makeApp(fresh);
      try {
        fake.revoke(key);
        await expectError(
          await other.request('/whoami', bearer(key.plaintext)),
          401,
          'INVALID_API_KEY',
        );
      } finally {
        await other.close();
        await fresh.close();
      }
    });

    it('answers 403 INSUFFICIENT_SCOPE naming the missing scope', async () => {
      const key = fake.addKey({ scopes: ['other:read'] });
      const body = await expectError(
        await app.request('/whoami', bearer(key.plaintext)),
        403,
        'INSUFFICIENT_SCOPE',
      );
      expect(body.error.message).toBe('This API key lacks the required scope: reports:read.');
      expect(body.error.details).toEqual([{ field: 'scope', message: 'reports:read' }]);
    });

    it('answers 403 WORKSPACE_MISMATCH when X-Workspace-Id names another workspace', async () => {
      const key = fake.addKey({ scopes: ['reports:read'] });
      const body = await expectError(
        await app.request('/whoami', { ...bearer(key.plaintext), 'x-workspace-id': 'ws_other' }),
        403,
        'WORKSPACE_MISMATCH',
      );
      expect(body.error.message).toBe("X-Workspace-Id does not match the API key's workspace.");
      const same = await app.request('/whoami', {
        ...bearer(key.plaintext),
        'x-workspace-id': 'ws_1',
      });
      expect(same.status).toBe(200);
    });

    it('answers 429 RATE_LIMITED with Retry-After and X-RateLimit-* past the limit', async () => {
      const key = fake.addKey({ scopes: ['reports:read'], rateLimitPerMin: 2 });
      expect((await app.request('/whoami', bearer(key.plaintext))).status).toBe(200);
      expect((await app.request('/whoami', bearer(key.plaintext))).status).toBe(200);
      const response = await app.request('/whoami', bearer(key.plaintext));
      const body = await expectError(response, 429, 'RATE_LIMITED');
      expect(body.error.message).toBe('Rate limit of 2 requests per minute exceeded.');
      const retryAfter = Number(response.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(response.headers.get('x-ratelimit-limit')).toBe('2');
      expect(response.headers.get('x-ratelimit-remaining')).toBe('0');
    });

    it('answers 503 SERVICE_UNAVAILABLE when OnePin cannot answer for a new key', async () => {
      fake.failWith = 503;
      try {
        const response = await app.request('/whoami', bearer(fake.addKey().plaintext));
        await expectError(response, 503, 'SERVICE_UNAVAILABLE');
        expect(response.headers.get('retry-after')).toBe('5');
      } finally {
        fake.failWith = null;
      }
    });

    it('reads the key where the route says (here X-Api-Key)', async () => {
      const key = fake.addKey();
      const response = await app.request('/custom', { 'x-api-key': key.plaintext });
      expect(response.status).toBe(200);
      expect(((await response.json()) as { principal: { keyId: string } }).principal.keyId).toBe(
        key.id,
      );
      await expectError(
        await app.request('/custom', bearer(key.plaintext)),
        401,
        'INVALID_API_KEY',
      );
    });
  });
}
