import { testDialects } from '@onepin/db/test-support';
import { describe, expect } from 'vitest';
import { sha256Hex } from '../../auth/sha256.js';
import {
  FULL_AUTHORITY,
  revokeApiKey,
  rotateApiKey,
  updateApiKey,
} from '../../services/api-keys.js';
import { purgeOldEvents } from '../../services/key-event-sweeps.js';
import { removeMember } from '../../services/members.js';
import { createServiceToken, revokeServiceTokenById } from '../../services/service-tokens.js';
import { readSse } from '../../test-support/sse.js';
import { type TestWorld, worldPerSuite } from '../../test-support/world.js';

const EVENTS = '/api/v1/keys/verify/events';

const system = (workspaceId: string) => ({
  type: 'system' as const,
  id: null,
  name: 'test',
  workspaceId,
  userId: null,
});

async function connect(
  world: TestWorld,
  token: string,
  headers: Record<string, string> = {},
  query = '',
) {
  const response = await world.request('GET', `${EVENTS}${query}`, {
    headers: { authorization: `Bearer ${token}`, ...headers },
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  return readSse(response);
}

for (const dialect of testDialects) {
  describe(`${dialect.name}: GET /api/v1/keys/verify/events`, () => {
    const suite = worldPerSuite(dialect, {
      settings: { verifyEventsHeartbeatMs: 50, verifyEventsStreamsPerToken: 3 },
    });
    const { run } = suite;

    run(
      'sends ready, then an invalidate per revoked, rotated, updated key, with its hash',
      async () => {
        const { world } = suite;
        const { token } = await createServiceToken(world.deps, { name: 'events', createdBy: null });
        const workspace = await world.createWorkspace();
        const actor = system(workspace.id);
        const [a, b, c] = [
          await world.createKey(workspace),
          await world.createKey(workspace),
          await world.createKey(workspace),
        ];
        const stream = await connect(world, token);
        try {
          const ready = await stream.nextEvent();
          expect(ready?.event).toBe('ready');
          expect(JSON.parse(ready?.data ?? '')).toEqual({ heartbeat_ms: 50 });
          const readyId = Number(ready?.id);
          expect(Number.isInteger(readyId)).toBe(true);

          await revokeApiKey(world.deps, actor, FULL_AUTHORITY, a.id);
          const revoked = await stream.nextEvent();
          expect(revoked?.event).toBe('invalidate');
          expect(JSON.parse(revoked?.data ?? '')).toEqual({
            key_hash: sha256Hex(a.plaintext),
            reason: 'revoked',
          });
          expect(Number(revoked?.id)).toBeGreaterThan(readyId);

          await rotateApiKey(world.deps, actor, FULL_AUTHORITY, b.id, 0);
          const rotated = await stream.nextEvent();
          expect(JSON.parse(rotated?.data ?? '')).toEqual({
            key_hash: sha256Hex(b.plaintext),
            reason: 'rotated',
          });

          await updateApiKey(world.deps, actor, FULL_AUTHORITY, c.id, { name: 'renamed' });
          const updated = await stream.nextEvent();
          expect(JSON.parse(updated?.data ?? '')).toEqual({
            key_hash: sha256Hex(c.plaintext),
            reason: 'updated',
          });
          expect(Number(updated?.id)).toBeGreaterThan(Number(rotated?.id));

          // A service token's revocation is no key event.
          const other = await createServiceToken(world.deps, { name: 'other', createdBy: null });
          await revokeServiceTokenById(world.deps, other.id);
          // Heartbeats keep coming meanwhile.
          const heartbeat = await stream.next();
          expect(heartbeat).toEqual({ event: 'comment', data: 'heartbeat' });
        } finally {
          await stream.close();
        }
      },
    );

    run('removing a member sends the invalidation of each of their keys', async () => {
      const { world } = suite;
      const { token } = await createServiceToken(world.deps, { name: 'members', createdBy: null });
      const workspace = await world.createWorkspace();
      const member = await world.addMember(workspace, 'admin');
      const session = await world.sessionFor(member);
      const made = await world.call('POST', '/api/v1/api-keys', {
        session,
        body: { name: 'member key', scopes: ['workspace:read'] },
      });
      expect(made.status).toBe(201);
      const stream = await connect(world, token);
      try {
        expect((await stream.nextEvent())?.event).toBe('ready');
        await removeMember(
          world.deps,
          { ...system(workspace.id), userId: workspace.userId },
          member.userId,
          {
            revokeKeys: true,
          },
        );
        const event = await stream.nextEvent();
        expect(JSON.parse(event?.data ?? '')).toEqual({
          key_hash: sha256Hex(made.body.data.api_key),
          reason: 'revoked',
        });
      } finally {
        await stream.close();
      }
    });

    run(
      'resumes with Last-Event-ID (header or query), and resets for unknown or pruned ids',
      async () => {
        const { world } = suite;
        const { token } = await createServiceToken(world.deps, { name: 'resume', createdBy: null });
        const workspace = await world.createWorkspace();
        const actor = system(workspace.id);
        const keys = [
          await world.createKey(workspace),
          await world.createKey(workspace),
          await world.createKey(workspace),
        ];
        const first = await connect(world, token);
        const start = Number((await first.nextEvent())?.id);
        await first.close();
        for (const key of keys) await revokeApiKey(world.deps, actor, FULL_AUTHORITY, key.id);

        const hashes = (frames: Array<{ data: string } | null>) =>
          frames.map((f) => JSON.parse(f?.data ?? '{}').key_hash);
        const byHeader = await connect(world, token, { 'last-event-id': String(start) });
        try {
          const ready = await byHeader.nextEvent();
          expect(ready?.event).toBe('ready');
          const replayed = [
            await byHeader.nextEvent(),
            await byHeader.nextEvent(),
            await byHeader.nextEvent(),
          ];
          expect(hashes(replayed)).toEqual(keys.map((k) => sha256Hex(k.plaintext)));
          expect(Number(ready?.id)).toBe(Number(replayed[2]?.id));
        } finally {
          await byHeader.close();
        }
        const byQuery = await connect(world, token, {}, `?last_event_id=${start + 1}`);
        try {
          expect((await byQuery.nextEvent())?.event).toBe('ready');
          expect(hashes([await byQuery.nextEvent(), await byQuery.nextEvent()])).toEqual(
            keys.slice(1).map((k) => sha256Hex(k.plaintext)),
          );
        } finally {
          await byQuery.close();
        }

        for (const id of ['999999999', 'abc', '-1']) {
          const unknown = await connect(world, token, { 'last-event-id': id });
          try {
            expect((await unknown.nextEvent())?.event).toBe('ready');
            const reset = await unknown.nextEvent();
            expect(reset?.event).toBe('reset');
            expect(JSON.parse(reset?.data ?? '')).toEqual({ reason: 'unknown_event_id' });
          } finally {
            await unknown.close();
          }
        }

        // 24 hours later the rows are pruned (the webhook worker's sweep): too old to replay.
        world.clock.advance(25 * 60 * 60 * 1000);
        const later = await world.createKey(workspace);
        await purgeOldEvents(world.deps);
        await revokeApiKey(world.deps, actor, FULL_AUTHORITY, later.id);
        const pruned = await connect(world, token, { 'last-event-id': String(start) });
        try {
          expect((await pruned.nextEvent())?.event).toBe('ready');
          const reset = await pruned.nextEvent();
          expect(reset?.event).toBe('reset');
          expect(JSON.parse(reset?.data ?? '')).toEqual({ reason: 'expired' });
        } finally {
          await pruned.close();
        }
      },
    );

    run(
      'a key reported leaked (public revocation) and a device logout send their events',
      async () => {
        const { world } = suite;
        const { token } = await createServiceToken(world.deps, { name: 'leaks', createdBy: null });
        const workspace = await world.createWorkspace();
        const leaked = await world.createKey(workspace);
        const device = await world.createKey(workspace, { createdVia: 'device_login' });
        const stream = await connect(world, token);
        try {
          expect((await stream.nextEvent())?.event).toBe('ready');
          const reported = await world.call('POST', '/api/v1/credentials/revoke', {
            body: { credentials: [leaked.plaintext] },
            address: '198.51.100.14',
          });
          expect(reported.status).toBe(202);
          await world.processLeakReports();
          expect(JSON.parse((await stream.nextEvent())?.data ?? '')).toEqual({
            key_hash: sha256Hex(leaked.plaintext),
            reason: 'leaked',
          });
          const logout = await world.call('DELETE', '/api/v1/auth/key', { key: device.plaintext });
          expect(logout.status).toBe(200);
          expect(JSON.parse((await stream.nextEvent())?.data ?? '')).toEqual({
            key_hash: sha256Hex(device.plaintext),
            reason: 'revoked',
          });
        } finally {
          await stream.close();
        }
      },
    );

    run('open streams hold no database connection while idle (PostgreSQL pool)', async (ctx) => {
      const { world } = suite;
      const pool = world.database.handle.pool;
      if (pool === undefined) return ctx.skip();
      const { token } = await createServiceToken(world.deps, { name: 'idle', createdBy: null });
      const streams = [await connect(world, token), await connect(world, token)];
      try {
        for (const stream of streams) expect((await stream.nextEvent())?.event).toBe('ready');
        await new Promise((resolve) => setTimeout(resolve, 100));
        expect(pool.totalCount - pool.idleCount).toBe(0);
      } finally {
        await Promise.all(streams.map((stream) => stream.close()));
      }
    });

    run('limits the streams one token holds open; closed streams free their place', async () => {
      const { world } = suite;
      const { token, id } = await createServiceToken(world.deps, {
        name: 'limit',
        createdBy: null,
      });
      const open = [
        await connect(world, token),
        await connect(world, token),
        await connect(world, token),
      ];
      const refused = await world.call('GET', EVENTS, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(refused.status).toBe(429);
      expect(refused.body.error.code).toBe('RATE_LIMITED');
      await open[0]?.close();
      await new Promise((resolve) => setTimeout(resolve, 20));
      const again = await connect(world, token);
      await Promise.all([again, ...open.slice(1)].map((s) => s?.close()));
      // A revoked token's streams: new ones are refused at once.
      await revokeServiceTokenById(world.deps, id);
      const revoked = await world.call('GET', EVENTS, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(revoked.status).toBe(401);
    });

    run('the hub ends every stream when the server shuts down', async () => {
      const { world } = suite;
      const { token } = await createServiceToken(world.deps, { name: 'shutdown', createdBy: null });
      const stream = await connect(world, token);
      expect((await stream.nextEvent())?.event).toBe('ready');
      expect(world.deps.verifyEvents.streamCount).toBeGreaterThan(0);
      world.deps.verifyEvents.close();
      expect(await stream.nextEvent()).toBeNull();
      expect(world.deps.verifyEvents.streamCount).toBe(0);
      const after = await world.call('GET', EVENTS, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(after.status).toBe(503);
    });
  });
}
