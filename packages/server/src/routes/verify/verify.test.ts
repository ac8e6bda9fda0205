import { generateApiKey, generateServiceToken } from '@onepin/core';
import { listVerificationCounts } from '@onepin/db';
import { sqliteDialect, testDialects } from '@onepin/db/test-support';
import { describe, expect } from 'vitest';
import { SERVICE_TOKEN_REQUIRED } from '../../auth/service-token-auth.js';
import { FULL_AUTHORITY, revokeApiKey } from '../../services/api-keys.js';
import { createServiceToken, revokeServiceTokenById } from '../../services/service-tokens.js';
import { type TestWorld, worldPerSuite } from '../../test-support/world.js';

const system = (workspaceId: string) => ({
  type: 'system' as const,
  id: null,
  name: 'test',
  workspaceId,
  userId: null,
});

async function serviceToken(world: TestWorld, name = 'billing-api') {
  return createServiceToken(world.deps, { name, createdBy: null });
}

function verify(world: TestWorld, token: string, body: unknown, path = '/api/v1/keys/verify') {
  return world.call('POST', path, { headers: { authorization: `Bearer ${token}` }, body });
}

describe('the service token check and the failed-authentication throttle', () => {
  const suite = worldPerSuite(sqliteDialect, { failedAuthLimitPerMin: 5 });

  suite.run(
    'misses count against the address: 429 before any lookup, a cached token still passes',
    async () => {
      const { world } = suite;
      const cachedToken = (await serviceToken(world)).token;
      const freshToken = (await serviceToken(world)).token;
      const address = '203.0.113.77';
      const call = (token: string) =>
        world.call('POST', '/api/v1/keys/verify', {
          headers: { authorization: `Bearer ${token}` },
          body: { key: 'x' },
          address,
        });
      expect((await call(cachedToken)).status).toBe(200);
      for (let i = 0; i < 5; i++) expect((await call(generateServiceToken())).status).toBe(401);
      const blocked = await call(freshToken);
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
      // A token this node verified moments ago is served from memory, as cached keys are.
      expect((await call(cachedToken)).status).toBe(200);
      world.clock.advance(60_000);
      expect((await call(freshToken)).status).toBe(200);
    },
  );
});

for (const dialect of testDialects) {
  describe(`${dialect.name}: POST /api/v1/keys/verify`, () => {
    const suite = worldPerSuite(dialect);
    const { run } = suite;

    run('VALID for a live key, with the key, its rate limit and no missing scopes', async () => {
      const { world } = suite;
      const { token } = await serviceToken(world);
      const workspace = await world.createWorkspace('Verify');
      const key = await world.createKey(workspace, { scopes: ['api_keys:read'], name: 'svc' });
      const response = await verify(world, token, {
        key: key.plaintext,
        scopes: ['api_keys:read'],
        workspace_id: workspace.id,
      });
      expect(response.status).toBe(200);
      expect(response.body.data).toEqual({
        valid: true,
        code: 'VALID',
        missing_scopes: [],
        key: {
          id: key.id,
          name: 'svc',
          workspace_id: workspace.id,
          workspace_name: 'Verify',
          key_type: 'live',
          scopes: ['api_keys:read'],
          expires_at: null,
        },
        rate_limit: { limit: 600, remaining: 599, reset: expect.any(Number) },
      });
      expect(response.body.data.rate_limit.reset).toBeGreaterThan(world.clock.now() / 1000);
      // The verify response is the service's, not the key's: no X-RateLimit-* of the key.
      expect(response.headers.get('x-ratelimit-limit')).toBeNull();
    });

    run('INVALID for every kind of bad key, saying nothing more', async () => {
      const { world } = suite;
      const { token } = await serviceToken(world);
      const workspace = await world.createWorkspace();
      const revoked = await world.createKey(workspace);
      await revokeApiKey(world.deps, system(workspace.id), FULL_AUTHORITY, revoked.id);
      const expiring = await world.createKey(workspace, {
        expiresAt: new Date(world.clock.now() + 60_000).toISOString(),
      });
      const live = await world.createKey(workspace);
      const badChecksum = `${live.plaintext.slice(0, -1)}${live.plaintext.endsWith('A') ? 'B' : 'A'}`;
      const cases = [
        generateApiKey('live'),
        revoked.plaintext,
        badChecksum,
        'not a key',
        '',
        live.plaintext.slice(0, -1),
        generateServiceToken(),
      ];
      for (const key of cases) {
        const response = await verify(world, token, { key });
        expect(response.status).toBe(200);
        expect(response.body.data).toEqual({
          valid: false,
          code: 'INVALID',
          missing_scopes: [],
          key: null,
          rate_limit: null,
        });
      }
      expect((await verify(world, token, { key: expiring.plaintext })).body.data.code).toBe(
        'VALID',
      );
      world.clock.advance(61_000);
      expect((await verify(world, token, { key: expiring.plaintext })).body.data.code).toBe(
        'INVALID',
      );
    });

    run('checks in order: rate limit, then workspace, then scopes', async () => {
      const { world } = suite;
      world.clock.advance(60_000);
      const { token } = await serviceToken(world);
      const workspace = await world.createWorkspace();
      const other = await world.createWorkspace();
      const key = await world.createKey(workspace, {
        scopes: ['api_keys:read'],
        rateLimitPerMin: 3,
      });
      const mismatch = await verify(world, token, {
        key: key.plaintext,
        workspace_id: other.id,
        scopes: ['webhooks:write'],
      });
      expect(mismatch.body.data).toMatchObject({
        valid: false,
        code: 'WORKSPACE_MISMATCH',
        missing_scopes: [],
        key: { id: key.id },
        rate_limit: { limit: 3, remaining: 2 },
      });
      const scopes = await verify(world, token, {
        key: key.plaintext,
        workspace_id: workspace.id,
        scopes: ['api_keys:read', 'webhooks:write', 'custom:thing'],
      });
      expect(scopes.body.data).toMatchObject({
        valid: false,
        code: 'INSUFFICIENT_SCOPE',
        missing_scopes: ['webhooks:write', 'custom:thing'],
        rate_limit: { remaining: 1 },
      });
      expect((await verify(world, token, { key: key.plaintext })).body.data.code).toBe('VALID');
      const limited = await verify(world, token, {
        key: key.plaintext,
        workspace_id: other.id,
        scopes: ['webhooks:write'],
      });
      expect(limited.body.data).toMatchObject({
        valid: false,
        code: 'RATE_LIMITED',
        missing_scopes: [],
        key: { id: key.id },
        rate_limit: { limit: 3, remaining: 0 },
      });
    });

    run("shares the key's rate limit with its own API calls", async () => {
      const { world } = suite;
      world.clock.advance(60_000);
      const { token } = await serviceToken(world);
      const workspace = await world.createWorkspace();
      const key = await world.createKey(workspace, { rateLimitPerMin: 2 });
      expect((await world.call('GET', '/api/v1/auth/whoami', { key: key.plaintext })).status).toBe(
        200,
      );
      expect((await verify(world, token, { key: key.plaintext })).body.data.code).toBe('VALID');
      expect((await world.call('GET', '/api/v1/auth/whoami', { key: key.plaintext })).status).toBe(
        429,
      );
      expect((await verify(world, token, { key: key.plaintext })).body.data.code).toBe(
        'RATE_LIMITED',
      );
    });

    run(
      'records last use and counts verifications per key per hour, flushed in batches',
      async () => {
        const { world } = suite;
        const { token } = await serviceToken(world);
        const workspace = await world.createWorkspace();
        const key = await world.createKey(workspace);
        const auditBefore = await world.database.handle.db
          .selectFrom('audit_events')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow();
        for (let i = 0; i < 3; i++) await verify(world, token, { key: key.plaintext });
        expect(world.deps.usage.lastUsedAt(key.id)).toBe(world.clock.now());
        expect(await listVerificationCounts(world.database.handle.db, key.id)).toEqual([]);
        await world.deps.usage.flush();
        const counts = await listVerificationCounts(world.database.handle.db, key.id);
        expect(counts).toHaveLength(1);
        expect(counts[0]?.count).toBe(3);
        await verify(world, token, { key: key.plaintext });
        await world.deps.usage.flush();
        expect((await listVerificationCounts(world.database.handle.db, key.id))[0]?.count).toBe(4);
        const row = await world.database.handle.db
          .selectFrom('api_keys')
          .select('last_used_at')
          .where('id', '=', key.id)
          .executeTakeFirstOrThrow();
        expect(row.last_used_at).not.toBeNull();
        const auditAfter = await world.database.handle.db
          .selectFrom('audit_events')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow();
        expect(Number(auditAfter.n)).toBe(Number(auditBefore.n));
      },
    );

    run('batch: verdicts in order, mixed; 1..100 keys else 422', async () => {
      const { world } = suite;
      const { token } = await serviceToken(world);
      const workspace = await world.createWorkspace();
      const key = await world.createKey(workspace, { scopes: ['api_keys:read'] });
      const response = await verify(
        world,
        token,
        {
          keys: [
            { key: key.plaintext },
            { key: 'nope' },
            { key: key.plaintext, scopes: ['webhooks:read'] },
          ],
        },
        '/api/v1/keys/verify/batch',
      );
      expect(response.status).toBe(200);
      expect(response.body.data.results.map((r: { code: string }) => r.code)).toEqual([
        'VALID',
        'INVALID',
        'INSUFFICIENT_SCOPE',
      ]);
      const hundred = Array.from({ length: 100 }, () => ({ key: 'x' }));
      expect(
        (await verify(world, token, { keys: hundred }, '/api/v1/keys/verify/batch')).status,
      ).toBe(200);
      for (const keys of [[...hundred, { key: 'x' }], []]) {
        const refused = await verify(world, token, { keys }, '/api/v1/keys/verify/batch');
        expect(refused.status).toBe(422);
        expect(refused.body.error.code).toBe('VALIDATION_ERROR');
      }
    });

    run('malformed bodies get 4xx, never 500', async () => {
      const { world } = suite;
      const { token } = await serviceToken(world);
      const auth = { authorization: `Bearer ${token}` };
      for (const path of [
        '/api/v1/keys/verify',
        '/api/v1/keys/verify/batch',
        '/api/v1/keys/verify/usage',
      ]) {
        for (const rawBody of [
          '{',
          '[]',
          'null',
          '{"key": 5}',
          '{"keys": "x"}',
          '{"usage": [{}]}',
        ]) {
          const response = await world.call('POST', path, {
            headers: { ...auth, 'content-type': 'application/json' },
            rawBody,
          });
          expect(response.status, `${path} ${rawBody}`).toBeGreaterThanOrEqual(400);
          expect(response.status, `${path} ${rawBody}`).toBeLessThan(500);
        }
      }
      const extra = await verify(world, token, { key: 'x', other: 1 });
      expect(extra.status).toBe(422);
    });

    run(
      'the service token is required: API keys, sessions and revoked tokens get 401',
      async () => {
        const { world } = suite;
        const workspace = await world.createWorkspace();
        const key = await world.createKey(workspace);
        const session = await world.signIn(workspace);
        const made = await serviceToken(world);
        const expect401 = (response: { status: number; body: any }) => {
          expect(response.status).toBe(401);
          expect(response.body.error.code).toBe('INVALID_API_KEY');
          expect(response.body.error.message).toBe(SERVICE_TOKEN_REQUIRED);
        };
        expect401(await verify(world, key.plaintext, { key: key.plaintext }));
        expect401(
          await world.call('POST', '/api/v1/keys/verify', {
            session,
            body: { key: key.plaintext },
          }),
        );
        expect401(await world.call('POST', '/api/v1/keys/verify', { body: { key: 'x' } }));
        expect401(await verify(world, generateServiceToken(), { key: 'x' }));
        // Cached, then revoked: refused on the very next request.
        expect((await verify(world, made.token, { key: 'x' })).status).toBe(200);
        await revokeServiceTokenById(world.deps, made.id);
        expect401(await verify(world, made.token, { key: 'x' }));
      },
    );

    run('a service token anywhere else is a bad API key (the same 401)', async () => {
      const { world } = suite;
      const { token } = await serviceToken(world);
      const response = await world.call('GET', '/api/v1/auth/whoami', { key: token });
      expect(response.status).toBe(401);
      expect(response.body.error.code).toBe('INVALID_API_KEY');
      expect(response.body.error.message).toBe('Invalid API key.');
    });

    run('records the service token’s last use with the usage flush', async () => {
      const { world } = suite;
      const made = await serviceToken(world);
      await verify(world, made.token, { key: 'x' });
      await world.deps.usage.flush();
      const row = await world.database.handle.db
        .selectFrom('service_tokens')
        .select(['last_used_at', 'token_hash'])
        .where('id', '=', made.id)
        .executeTakeFirstOrThrow();
      expect(row.last_used_at).toBe(new Date(world.clock.now()).toISOString());
      expect(row.token_hash).not.toContain(made.token);
    });

    run(
      'usage: consumes counts by lineage, floors at 0, answers valid:false for dead keys',
      async () => {
        const { world } = suite;
        world.clock.advance(60_000);
        const { token } = await serviceToken(world);
        const workspace = await world.createWorkspace();
        const key = await world.createKey(workspace, { rateLimitPerMin: 10 });
        const dead = await world.createKey(workspace);
        await revokeApiKey(world.deps, system(workspace.id), FULL_AUTHORITY, dead.id);
        expect(
          (await verify(world, token, { key: key.plaintext })).body.data.rate_limit.remaining,
        ).toBe(9);
        const report = (usage: unknown) =>
          verify(world, token, { usage }, '/api/v1/keys/verify/usage');
        const first = await report([
          { key_id: key.id, count: 4 },
          { key_id: dead.id, count: 1 },
          { key_id: 'key_unknown', count: 2 },
        ]);
        expect(first.status).toBe(200);
        expect(first.body.data.results).toEqual([
          {
            key_id: key.id,
            valid: true,
            rate_limit: { limit: 10, remaining: 5, reset: expect.any(Number) },
          },
          { key_id: dead.id, valid: false, rate_limit: null },
          { key_id: 'key_unknown', valid: false, rate_limit: null },
        ]);
        const second = await report([{ key_id: key.id, count: 100 }]);
        expect(second.body.data.results[0].rate_limit.remaining).toBe(0);
        // The key's own requests share the spent budget.
        expect(
          (await world.call('GET', '/api/v1/auth/whoami', { key: key.plaintext })).status,
        ).toBe(429);
        await world.deps.usage.flush();
        const counts = await listVerificationCounts(world.database.handle.db, key.id);
        expect(counts.reduce((sum, c) => sum + c.count, 0)).toBe(105);
        // A key not verified by this node yet (no cached hash): read from the database.
        const fresh = await world.createKey(workspace, { rateLimitPerMin: 10 });
        const third = await report([{ key_id: fresh.id, count: 3 }]);
        expect(third.body.data.results[0]).toMatchObject({
          valid: true,
          rate_limit: { remaining: 7 },
        });
        for (const usage of [
          [],
          [{ key_id: key.id, count: 0 }],
          [{ key_id: key.id, count: 1_000_001 }],
        ]) {
          expect((await report(usage)).status).toBe(422);
        }
      },
    );
  });
}
