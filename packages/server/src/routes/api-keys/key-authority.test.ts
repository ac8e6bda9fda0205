import type { Scope } from '@onepin/core';
import { dialectAvailable, testDialects } from '@onepin/db/test-support';
import { beforeAll, describe, expect } from 'vitest';
import { buildApp } from '../../app.js';
import { createAppDeps } from '../../deps.js';
import type { TestSession, TestWorkspace } from '../../test-support/world.js';
import { worldPerSuite } from '../../test-support/world.js';

const HOUR = 3_600_000;
const KEY_SHAPED = /op_(live|test)_[0-9A-Za-z]{32}/;

/**
 * Every path that mints or changes a key is bounded by the caller (issue #11, High and
 * Medium): scopes, key type, expiry and rate limit no more than the calling key's own; a
 * rotated-out key manages no keys; only an admin session re-activates a key.
 */
describe.each(testDialects)('$name: key authority', (dialect) => {
  const suite = worldPerSuite(dialect);
  const { run } = suite;
  let workspace: TestWorkspace;
  let adminSession: TestSession;

  beforeAll(async () => {
    if (!dialectAvailable(dialect)) return;
    workspace = await suite.world.createWorkspace('Authority');
    adminSession = await suite.world.signIn(workspace);
  });

  const inHours = (hours: number) => new Date(suite.world.clock.now() + hours * HOUR).toISOString();

  function key(
    options: { scopes?: Scope[]; expiresAt?: string; rateLimitPerMin?: number; name?: string } = {},
  ) {
    return suite.world.createKey(workspace, options);
  }

  /** A key that may manage keys holding `workflows:read`. */
  function manager(options: { expiresAt?: string; rateLimitPerMin?: number } = {}) {
    return key({ scopes: ['api_keys:read', 'api_keys:write', 'workflows:read'], ...options });
  }

  const as = (credential: string | TestSession) =>
    typeof credential === 'string' ? { key: credential } : { session: credential };

  function rotate(id: string, by: string | TestSession, grace = 0) {
    return suite.world.call('PATCH', `/api/v1/api-keys/${id}/rotate`, {
      ...as(by),
      body: { grace_period_seconds: grace },
    });
  }

  function update(id: string, by: string | TestSession, body: Record<string, unknown>) {
    return suite.world.call('PATCH', `/api/v1/api-keys/${id}`, { ...as(by), body });
  }

  function create(by: string, body: Record<string, unknown>) {
    return suite.world.call('POST', '/api/v1/api-keys', { key: by, body });
  }

  async function whoami(plaintext: string) {
    return suite.world.call('GET', '/api/v1/auth/whoami', { key: plaintext });
  }

  describe('rotation mints a key that outlives its caller', () => {
    run(
      'a key expiring in one hour cannot rotate a never-expiring sibling into a permanent plaintext (403)',
      async () => {
        const caller = await manager({ expiresAt: inHours(1) });
        const sibling = await key({ scopes: ['workflows:read'], name: 'forever' });
        const response = await rotate(sibling.id, caller.plaintext);
        expect(response.status).toBe(403);
        expect(response.body.error.code).toBe('FORBIDDEN');
        expect(response.body.error.message).toContain('outlives');
        expect(JSON.stringify(response.body)).not.toMatch(KEY_SHAPED);
        // Nothing changed: the sibling still works and was not rotated out.
        expect((await whoami(sibling.plaintext)).status).toBe(200);
        expect((await rotate(sibling.id, adminSession)).status).toBe(200);
      },
    );

    run(
      'a key may rotate a sibling that expires no later than itself; the expiry is kept',
      async () => {
        const caller = await manager({ expiresAt: inHours(2) });
        const sibling = await key({ scopes: ['workflows:read'], expiresAt: inHours(1) });
        const { status, body } = await rotate(sibling.id, caller.plaintext);
        expect(status).toBe(200);
        expect(body.data.new_key.expires_at).toBe(inHours(1));
      },
    );

    run('a key cannot rotate a sibling with a higher rate limit than its own (403)', async () => {
      const caller = await manager({ rateLimitPerMin: 5 });
      const fast = await key({ scopes: ['workflows:read'], rateLimitPerMin: 50 });
      const unlimited = await key({ scopes: ['workflows:read'] });
      for (const target of [fast, unlimited]) {
        const response = await rotate(target.id, caller.plaintext);
        expect(response.status).toBe(403);
        expect(response.body.error.message).toContain('rate limit');
      }
    });

    run.each(['create', 'update', 'rotate', 'revoke'] as const)(
      'a leaked key inside its own rotation grace period cannot %s keys, e.g. rotate the owner’s new key',
      async (operation) => {
        const leaked = await manager();
        const rotated = await rotate(leaked.id, adminSession, 3600);
        expect(rotated.status).toBe(200);
        const ownersNewKey = rotated.body.data.new_key;
        // The grace period is honoured: the old key still authenticates…
        expect((await whoami(leaked.plaintext)).status).toBe(200);
        // …but manages nothing, so it cannot trade itself for a key without an end.
        const response = await {
          create: () => create(leaked.plaintext, { name: 'permanent', scopes: ['workflows:read'] }),
          update: () => update(ownersNewKey.id, leaked.plaintext, { name: 'mine now' }),
          rotate: () => rotate(ownersNewKey.id, leaked.plaintext),
          revoke: () =>
            suite.world.call('DELETE', `/api/v1/api-keys/${ownersNewKey.id}`, {
              key: leaked.plaintext,
            }),
        }[operation]();
        expect(response.status).toBe(403);
        expect(response.body.error.code).toBe('FORBIDDEN');
        expect(response.body.error.message).toContain('rotated out');
        expect(JSON.stringify(response.body)).not.toMatch(KEY_SHAPED);
        expect((await whoami(ownersNewKey.api_key)).status).toBe(200);
      },
    );

    run(
      'a key rotated out on another node cannot mint there from that node’s cached copy of it',
      async () => {
        const { world } = suite;
        // A second node on the same database, with its own verification cache and no
        // invalidation channel: the worst case, where only the cache TTL would catch up.
        const nodeB = buildApp(
          createAppDeps({ database: world.database.handle, clock: world.clock }),
        );
        const onNodeB = async (method: string, path: string, plaintext: string, body?: unknown) => {
          const response = await nodeB.request(
            path,
            {
              method,
              headers: { authorization: `Bearer ${plaintext}`, 'content-type': 'application/json' },
              ...(body !== undefined && { body: JSON.stringify(body) }),
            },
            { incoming: { socket: { remoteAddress: '127.0.0.1' } } } as never,
          );
          return { status: response.status, body: (await response.json()) as any };
        };
        const leaked = await manager();
        expect((await onNodeB('GET', '/api/v1/auth/whoami', leaked.plaintext)).status).toBe(200);
        expect((await rotate(leaked.id, adminSession, 3600)).status).toBe(200);
        const minted = await onNodeB('POST', '/api/v1/api-keys', leaked.plaintext, {
          name: 'escape',
          scopes: ['workflows:read'],
        });
        expect(minted.status).toBe(403);
        expect(JSON.stringify(minted.body)).not.toMatch(KEY_SHAPED);
      },
    );

    run(
      'an admin session is unbounded: it rotates a permanent key into a permanent key',
      async () => {
        const sibling = await key({ scopes: ['workflows:read'], rateLimitPerMin: 1_000 });
        const { status, body } = await rotate(sibling.id, adminSession);
        expect(status).toBe(200);
        expect(body.data.new_key).toMatchObject({ expires_at: null, rate_limit_per_min: 1_000 });
      },
    );
  });

  describe('rate limit and active are bounded by the caller', () => {
    run(
      'a key capped at 5/min cannot PATCH itself to 1,000,000/min, nor change its own limit',
      async () => {
        const self = await manager({ rateLimitPerMin: 5 });
        for (const limit of [1_000_000, 4, null]) {
          const response = await update(self.id, self.plaintext, { rate_limit_per_min: limit });
          expect(response.status).toBe(403);
          expect(response.body.error.message).toContain('its own rate limit');
        }
        expect((await whoami(self.plaintext)).headers.get('x-ratelimit-limit')).toBe('5');
        // Sending the limit it already has changes nothing and is fine.
        expect((await update(self.id, self.plaintext, { rate_limit_per_min: 5 })).status).toBe(200);
      },
    );

    run(
      'a key capped at 5/min mints no child above 5/min; a child without a limit gets 5, not the server default',
      async () => {
        const caller = await manager({ rateLimitPerMin: 5 });
        const tooFast = await create(caller.plaintext, { name: 'fast', rate_limit_per_min: 6 });
        expect(tooFast.status).toBe(422);
        expect(tooFast.body.error.details[0]).toMatchObject({ field: 'rate_limit_per_min' });
        for (const limit of [undefined, null]) {
          const child = await create(caller.plaintext, {
            name: 'child',
            ...(limit !== undefined && { rate_limit_per_min: limit }),
          });
          expect(child.status).toBe(201);
          expect(child.body.data.rate_limit_per_min).toBe(5);
        }
        const slower = await create(caller.plaintext, { name: 'slow', rate_limit_per_min: 2 });
        expect(slower.body.data.rate_limit_per_min).toBe(2);
      },
    );

    run('a key capped at 5/min cannot raise another key’s limit above 5/min', async () => {
      const caller = await manager({ rateLimitPerMin: 5 });
      const sibling = await key({ scopes: ['workflows:read'], rateLimitPerMin: 3 });
      const raised = await update(sibling.id, caller.plaintext, { rate_limit_per_min: 100 });
      expect(raised.status).toBe(422);
      expect(raised.body.error.details[0].field).toBe('rate_limit_per_min');
      // "No limit" would be the server default (600): it becomes the caller's own instead.
      const cleared = await update(sibling.id, caller.plaintext, { rate_limit_per_min: null });
      expect(cleared.body.data.rate_limit_per_min).toBe(5);
    });

    run('a key without a limit of its own counts as the server default (600)', async () => {
      const caller = await manager();
      expect((await create(caller.plaintext, { name: 'x', rate_limit_per_min: 601 })).status).toBe(
        422,
      );
      expect(
        (await create(caller.plaintext, { name: 'x', rate_limit_per_min: 600 })).body.data
          .rate_limit_per_min,
      ).toBe(600);
      expect((await create(caller.plaintext, { name: 'x' })).body.data.rate_limit_per_min).toBe(
        null,
      );
    });

    run('a key cannot re-activate a key an admin deactivated; an admin session can', async () => {
      const caller = await manager();
      const target = await key({ scopes: ['workflows:read'] });
      expect((await update(target.id, adminSession, { active: false })).status).toBe(200);
      const refused = await update(target.id, caller.plaintext, { active: true });
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('FORBIDDEN');
      expect((await whoami(target.plaintext)).status).toBe(401);
      // Deactivating, and sending the flag the key already has, stay open to keys.
      expect((await update(target.id, caller.plaintext, { active: false })).status).toBe(200);
      expect((await update(target.id, adminSession, { active: true })).status).toBe(200);
      expect((await whoami(target.plaintext)).status).toBe(200);
    });

    run('rotating a deactivated key does not re-activate it', async () => {
      const caller = await manager();
      const target = await key({ scopes: ['workflows:read'] });
      await update(target.id, adminSession, { active: false });
      const { status, body } = await rotate(target.id, caller.plaintext);
      expect(status).toBe(200);
      expect(body.data.new_key.active).toBe(false);
      expect((await whoami(body.data.new_key.api_key)).status).toBe(401);
    });
  });
});
