import { generateApiKey } from '@onepin/core';
import { dialectAvailable, sqliteDialect, testDialects } from '@onepin/db/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APIError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  OnePinError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from './index.js';
import { createSdkWorld, IN_PROCESS_BASE_URL, type SdkWorld } from './test-support/real-app.js';

const UUID_LIKE = /^[0-9a-f-]{36}$/;

for (const dialect of testDialects) {
  describe.skipIf(!dialectAvailable(dialect))(
    `${dialect.name}: errors from the real server`,
    () => {
      let sdk: SdkWorld;

      beforeAll(async () => {
        sdk = await createSdkWorld(dialect);
      });
      afterAll(() => sdk.dispose());

      it("a read-only key's write is a PermissionDeniedError with 403, the code and a request id", async () => {
        const readOnly = await sdk.client(['api_keys:read']);
        const error = await readOnly.apiKeys.create({ name: 'nope' }).catch((e) => e);
        expect(error).toBeInstanceOf(PermissionDeniedError);
        expect(error).toBeInstanceOf(APIError);
        expect(error).toBeInstanceOf(OnePinError);
        expect(error.status).toBe(403);
        expect(error.code).toBe('INSUFFICIENT_SCOPE');
        expect(error.message).toContain('api_keys:write');
        expect(error.requestId).toMatch(UUID_LIKE);
        expect(error.requestId).toBe(error.headers.get('x-request-id'));
        expect(error.name).toBe('PermissionDeniedError');
      });

      it('an unknown (well-formed) key is an AuthenticationError', async () => {
        const error = await sdk
          .clientFor(generateApiKey('live'))
          .auth.whoami()
          .catch((e) => e);
        expect(error).toBeInstanceOf(AuthenticationError);
        expect(error).toMatchObject({ status: 401, code: 'INVALID_API_KEY' });
        expect(error.headers.get('www-authenticate')).toMatch(/^Bearer/);
      });

      it("another workspace's object is a NotFoundError", async () => {
        const mine = await sdk.client(['api_keys:read']);
        const other = await sdk.world.createWorkspace();
        const theirs = await sdk.world.createKey(other);
        const error = await mine.apiKeys.retrieve(theirs.id).catch((e) => e);
        expect(error).toBeInstanceOf(NotFoundError);
        expect(error).toMatchObject({ status: 404, code: 'NOT_FOUND' });
      });

      it('a change to a revoked key is a ConflictError, not retried', async () => {
        const admin = await sdk.client(['api_keys:write']);
        const key = await admin.apiKeys.create({ name: 'gone' });
        await admin.apiKeys.revoke(key.id);
        const before = sdk.requests.length;
        const error = await admin.apiKeys.update(key.id, { name: 'back' }).catch((e) => e);
        expect(error).toBeInstanceOf(ConflictError);
        expect(error.status).toBe(409);
        expect(sdk.requests.length - before).toBe(1);
      });

      it('a validation failure is an UnprocessableEntityError with details per field', async () => {
        const admin = await sdk.client(['api_keys:write']);
        const error = await admin.apiKeys
          // A scope that is not even a string: the request's schema refuses it with the name.
          // (A string not in the catalogue is the service's 422, once the schema passes.)
          .create({ name: '', scopes: [42 as unknown as string] })
          .catch((e) => e);
        expect(error).toBeInstanceOf(UnprocessableEntityError);
        expect(error.code).toBe('VALIDATION_ERROR');
        expect(error.details.map((d: { field: string }) => d.field).sort()).toEqual([
          'name',
          'scopes.0',
        ]);
      });

      it('malformed JSON is a BadRequestError', async () => {
        const key = await sdk.world.createKey(sdk.workspace, { scopes: ['api_keys:write'] });
        const client = sdk.clientFor(key.plaintext, {
          fetch: async (request) =>
            sdk.world.app.request(new Request(request, { body: '{"name": ' })),
        });
        const error = await client.apiKeys.create({ name: 'x' }).catch((e) => e);
        expect(error).toBeInstanceOf(BadRequestError);
        expect(error).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
      });

      it('past the rate limit a POST is a RateLimitError with retryAfter', async () => {
        const key = await sdk.world.createKey(sdk.workspace, {
          scopes: ['api_keys:write'],
          rateLimitPerMin: 1,
        });
        const client = sdk.clientFor(key.plaintext);
        await client.auth.whoami();
        const error = await client.apiKeys.create({ name: 'x' }).catch((e) => e);
        expect(error).toBeInstanceOf(RateLimitError);
        expect(error).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
        expect(error.retryAfter).toBeGreaterThan(0);
        expect(error.retryAfter).toBeLessThanOrEqual(60);
        expect(error.headers.get('x-ratelimit-limit')).toBe('1');
      });

      it('past the rate limit a GET waits for Retry-After and succeeds', async () => {
        const key = await sdk.world.createKey(sdk.workspace, { rateLimitPerMin: 1 });
        const waits: number[] = [];
        const client = sdk.clientFor(key.plaintext, {
          sleep: async (ms) => {
            waits.push(ms);
            sdk.world.clock.advance(ms);
          },
        });
        await client.auth.whoami();
        await expect(client.auth.whoami()).resolves.toMatchObject({ api_key_id: key.id });
        expect(waits).toHaveLength(1);
        expect(waits[0]).toBeGreaterThan(0);
        expect(waits[0]).toBeLessThanOrEqual(60_000);
      });
    },
  );
}

describe('errors from the real server: 5xx', () => {
  it('a failing server is an InternalServerError after the retries', async () => {
    const sdk = await createSdkWorld(sqliteDialect);
    try {
      const client = await sdk.client([]);
      await sdk.world.database.handle.close();
      sdk.requests.length = 0;
      const error = await client.auth.whoami().catch((e) => e);
      expect(error).toBeInstanceOf(InternalServerError);
      expect(error.status).toBeGreaterThanOrEqual(500);
      expect(sdk.requests).toHaveLength(3);
      expect(sdk.requests[0]?.url).toBe(`${IN_PROCESS_BASE_URL}/api/v1/auth/whoami`);
    } finally {
      await sdk.dispose().catch(() => {});
    }
  });
});
