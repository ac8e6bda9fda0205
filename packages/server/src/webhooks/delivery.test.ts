import { claimDueDeliveries } from '@onepin/db';
import { dialectAvailable, KEY_ANYWHERE, testDialects } from '@onepin/db/test-support';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { announceExpiredKeys } from '../services/key-event-sweeps.js';
import { startWebhookReceiver, type WebhookReceiver } from '../test-support/webhook-receiver.js';
import { deliveryWorkerFor, drainEvents } from '../test-support/webhooks.js';
import type { TestSession, TestWorld } from '../test-support/world.js';
import { worldPerSuite } from '../test-support/world.js';
import type { DeliveryWorker } from './delivery-worker.js';

describe.each(testDialects)('$name: webhook delivery (issue 16)', (dialect) => {
  const suite = worldPerSuite(dialect, {
    settings: { allowPrivateWebhooks: true, publicUrl: 'http://onepin.test' },
  });
  let world: TestWorld;
  let receiver: WebhookReceiver;
  let worker: DeliveryWorker;

  beforeAll(async () => {
    if (!dialectAvailable(dialect)) return;
    world = suite.world;
    receiver = await startWebhookReceiver();
    worker = deliveryWorkerFor(world);
  });
  afterAll(async () => receiver?.close());

  /** A fresh workspace, its admin session, and a webhook to the receiver for `events`. */
  async function subscribed(events: string[] = ['*'], extra: Record<string, unknown> = {}) {
    const workspace = await world.createWorkspace();
    const admin = await world.signIn(workspace);
    const made = await world.call('POST', '/api/v1/webhooks', {
      session: admin,
      body: { url: receiver.url, events, ...extra },
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    receiver.secrets = [made.body.data.secret];
    receiver.received.length = 0;
    receiver.respondWith = 204;
    return { workspace, admin, webhook: made.body.data };
  }

  const keyRequest = (admin: TestSession, method: string, path: string, body?: unknown) =>
    world.call(method, `/api/v1/api-keys${path}`, {
      session: admin,
      ...(body !== undefined && { body }),
    });

  const typesReceived = () => receiver.received.map((delivery) => delivery.json.type);

  suite.run(
    'delivers api_key.created signed per Standard Webhooks, checked by an independent verifier',
    async () => {
      const { admin, webhook, workspace } = await subscribed(['api_key.created']);
      expect(webhook.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
      const created = await keyRequest(admin, 'POST', '', { name: 'ci' });
      await drainEvents(world, worker);

      expect(receiver.received).toHaveLength(1);
      const [delivery] = receiver.received;
      expect(delivery?.verifiedWith).toBe(0);
      expect(delivery?.signatures).toHaveLength(1);
      expect(delivery?.timestamp).toBe(String(Math.floor(world.clock.now() / 1000)));
      expect(delivery?.json).toMatchObject({
        type: 'api_key.created',
        data: {
          workspace_id: workspace.id,
          environment: 'live',
          api_key: { id: created.body.data.id, name: 'ci', preview: created.body.data.preview },
          actor: { type: 'user', name: workspace.email },
        },
      });
      // The event's id is the webhook-id: the same for every retry, for receivers to dedupe.
      const log = await world.call('GET', `/api/v1/webhooks/${webhook.id}/deliveries`, {
        session: admin,
      });
      expect(log.body.data[0]).toMatchObject({
        event_id: delivery?.id,
        event_type: 'api_key.created',
        status: 'succeeded',
        attempts: 1,
        last_status_code: 204,
      });
      // Never the plaintext: not in the body sent, not anywhere a webhook reads.
      expect(delivery?.body.match(KEY_ANYWHERE)).toBeNull();
      expect(delivery?.body).not.toContain(created.body.data.api_key);
    },
  );

  suite.run('fires every key and member event the issue lists, once each', async () => {
    const { admin, workspace } = await subscribed(['*']);
    const key = (await keyRequest(admin, 'POST', '', { name: 'k', scopes: ['workflows:read'] }))
      .body.data;
    await keyRequest(admin, 'PATCH', `/${key.id}`, { name: 'k2' });
    const rotated = (await keyRequest(admin, 'PATCH', `/${key.id}/rotate`, {})).body.data;
    await keyRequest(admin, 'DELETE', `/${rotated.new_key.id}`);

    const expiring = await world.createKey(workspace, {
      expiresAt: new Date(world.clock.now() + 60_000).toISOString(),
    });
    const limited = await world.createKey(workspace, { rateLimitPerMin: 1 });
    for (let i = 0; i < 4; i++) {
      await world.call('GET', '/api/v1/auth/whoami', { key: limited.plaintext });
    }

    const invited = await world.call('POST', '/api/v1/members', {
      session: admin,
      body: { email: `joiner-${dialect.name}@example.com`, role: 'viewer' },
    });
    const token = new URL(invited.body.data.invite_url).searchParams.get('token');
    const joined = await world.call('POST', '/api/v1/invitation', {
      body: { token, password: 'correct horse battery' },
    });
    expect(joined.status, JSON.stringify(joined.body)).toBe(201);
    const userId = joined.body.data.user.id;
    await world.call('PATCH', `/api/v1/members/${userId}`, {
      session: admin,
      body: { role: 'editor' },
    });
    await world.call('DELETE', `/api/v1/members/${userId}`, { session: admin });

    world.clock.advance(61_000);
    expect(await announceExpiredKeys(world.deps)).toBeGreaterThanOrEqual(1);
    expect(await announceExpiredKeys(world.deps)).toBe(0);
    await drainEvents(world, worker);

    expect(typesReceived().sort()).toEqual(
      [
        'api_key.created',
        'api_key.created',
        'api_key.created',
        'api_key.updated',
        'api_key.rotated',
        'api_key.revoked',
        'api_key.rate_limited',
        'member.added',
        'member.role_changed',
        'member.removed',
        'api_key.expired',
      ].sort(),
    );
    expect(receiver.received.every((delivery) => delivery.verifiedWith === 0)).toBe(true);
    const byType = (type: string) => receiver.received.find((d) => d.json.type === type)?.json;
    expect(byType('api_key.expired').data.api_key.id).toBe(expiring.id);
    expect(byType('api_key.rate_limited').data).toMatchObject({
      api_key: { id: limited.id },
      limit_per_min: 1,
    });
    expect(byType('api_key.rotated').data).toMatchObject({
      api_key: { id: key.id },
      new_api_key: { id: rotated.new_key.id },
    });
    expect(byType('member.role_changed').data).toMatchObject({
      member: { user_id: userId, role: 'editor' },
      previous_role: 'viewer',
    });
    expect(receiver.received.some((d) => d.body.match(KEY_ANYWHERE) !== null)).toBe(false);
  });

  suite.run(
    'a key device login mints, and its logout, fire api_key.created and api_key.revoked',
    async () => {
      const { admin, workspace } = await subscribed(['api_key.created', 'api_key.revoked']);
      const device = { address: '198.51.100.16' };
      const code = (
        await world.call('POST', '/api/v1/device/code', { ...device, body: { host_name: 'lap' } })
      ).body.data;
      const approved = await world.call('POST', '/api/v1/device/approve', {
        session: admin,
        body: { user_code: code.user_code, workspace_id: workspace.id },
      });
      expect(approved.status, JSON.stringify(approved.body)).toBe(200);
      const collected = await world.call('POST', '/api/v1/device/token', {
        ...device,
        body: {
          device_code: code.device_code,
          grant_type: 'urn:ietf:params:oauth:grant-type:device_code',
        },
      });
      expect(collected.status, JSON.stringify(collected.body)).toBe(200);
      const loggedOut = await world.call('DELETE', '/api/v1/auth/key', {
        key: collected.body.data.api_key,
      });
      expect(loggedOut.status).toBe(200);
      await drainEvents(world, worker);

      // Both are due at once, and sent side by side: in either order.
      expect(typesReceived().sort()).toEqual(['api_key.created', 'api_key.revoked']);
      const event = (type: string) => receiver.received.find((d) => d.json.type === type)?.json;
      const [created, revoked] = [event('api_key.created'), event('api_key.revoked')];
      expect(created.data).toMatchObject({
        api_key: { id: collected.body.data.id, name: 'CLI on lap', created_via: 'device_login' },
        actor: { type: 'user', id: workspace.userId },
      });
      expect(revoked.data).toMatchObject({
        api_key: { id: collected.body.data.id, active: false },
        actor: { type: 'api_key', id: collected.body.data.id },
        reason: 'device_logout',
      });
      expect(receiver.received.some((d) => d.body.match(KEY_ANYWHERE) !== null)).toBe(false);
    },
  );

  suite.run(
    'someone with an account who accepts an invitation signed in fires member.added',
    async () => {
      const { admin, workspace } = await subscribed(['member.added']);
      const elsewhere = await world.createWorkspace();
      const invited = await world.call('POST', '/api/v1/members', {
        session: admin,
        body: { email: elsewhere.email, role: 'editor' },
      });
      expect(invited.status, JSON.stringify(invited.body)).toBe(201);
      const token = new URL(invited.body.data.invite_url).searchParams.get('token');
      const accepted = await world.call('POST', '/api/v1/invitation/accept', {
        session: await world.signIn(elsewhere),
        body: { token },
      });
      expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
      await drainEvents(world, worker);

      expect(typesReceived()).toEqual(['member.added']);
      expect(receiver.received[0]?.json.data).toMatchObject({
        workspace_id: workspace.id,
        member: { user_id: elsewhere.userId, email: elsewhere.email, role: 'editor' },
        actor: { type: 'user', id: elsewhere.userId },
        invited_by: workspace.email,
      });
    },
  );

  suite.run(
    'accepting at the public API’s path (/workspaces/invites/{token}/accept) fires member.added too',
    async () => {
      const { admin, workspace } = await subscribed(['member.added']);
      const elsewhere = await world.createWorkspace();
      const invited = await world.call('POST', `/api/v1/workspaces/${workspace.id}/invites`, {
        session: admin,
        body: { email: elsewhere.email, role: 'viewer' },
      });
      expect(invited.status, JSON.stringify(invited.body)).toBe(201);
      const token = new URL(invited.body.data.invite_url).searchParams.get('token');
      const accepted = await world.call('POST', `/api/v1/workspaces/invites/${token}/accept`, {
        session: await world.signIn(elsewhere),
      });
      expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
      await drainEvents(world, worker);

      expect(typesReceived()).toEqual(['member.added']);
      expect(receiver.received[0]?.json.data).toMatchObject({
        workspace_id: workspace.id,
        member: { user_id: elsewhere.userId, email: elsewhere.email, role: 'viewer' },
        actor: { type: 'user', id: elsewhere.userId },
        invited_by: workspace.email,
      });
    },
  );

  suite.run('announces api_key.rate_limited at most once per key per minute', async () => {
    const { workspace } = await subscribed(['api_key.rate_limited']);
    const limited = await world.createKey(workspace, { rateLimitPerMin: 1 });
    const hammer = async (times: number) => {
      for (let i = 0; i < times; i++) {
        await world.call('GET', '/api/v1/auth/whoami', { key: limited.plaintext });
      }
      await drainEvents(world, worker);
    };
    await hammer(10);
    expect(typesReceived()).toEqual(['api_key.rate_limited']);
    world.clock.advance(30_000 - (world.clock.now() % 60_000) + 60_000);
    await hammer(10);
    expect(typesReceived()).toEqual(['api_key.rate_limited', 'api_key.rate_limited']);
  });

  suite.run('writes no event for a change that did not happen', async () => {
    const { admin } = await subscribed(['*']);
    const key = (await keyRequest(admin, 'POST', '', { name: 'gone' })).body.data;
    await keyRequest(admin, 'DELETE', `/${key.id}`);
    await drainEvents(world, worker);
    receiver.received.length = 0;
    expect((await keyRequest(admin, 'PATCH', `/${key.id}`, { name: 'again' })).status).toBe(409);
    // Revoking twice changes nothing: no second api_key.revoked.
    expect((await keyRequest(admin, 'DELETE', `/${key.id}`)).status).toBe(200);
    await drainEvents(world, worker);
    expect(receiver.received).toEqual([]);
  });

  suite.run(
    'retries a failed delivery with backoff, logging every status code, until it succeeds',
    async () => {
      const { admin, webhook, workspace } = await subscribed(['api_key.created']);
      receiver.respondWith = 500;
      await world.createKey(workspace);
      await drainEvents(world, worker);
      const log = async () =>
        (await world.call('GET', `/api/v1/webhooks/${webhook.id}/deliveries`, { session: admin }))
          .body.data[0];
      const first = await log();
      expect(first).toMatchObject({ status: 'pending', attempts: 1, last_status_code: 500 });
      expect(Date.parse(first.next_attempt_at) - world.clock.now()).toBe(30_000);

      // Not due yet: nothing is sent before the backoff ends.
      world.clock.advance(29_000);
      await drainEvents(world, worker);
      expect(receiver.received).toHaveLength(1);
      world.clock.advance(1_000);
      await drainEvents(world, worker);
      expect(receiver.received).toHaveLength(2);
      expect((await log()).next_attempt_at).toBe(
        new Date(world.clock.now() + 60_000).toISOString(),
      );

      receiver.respondWith = 200;
      world.clock.advance(60_000);
      await drainEvents(world, worker);
      const detail = await world.call(
        'GET',
        `/api/v1/webhooks/${webhook.id}/deliveries/${first.id}`,
        { session: admin },
      );
      expect(detail.body.data).toMatchObject({ status: 'succeeded', attempts: 3 });
      expect(
        detail.body.data.attempts_log.map((a: { status_code: number }) => a.status_code),
      ).toEqual([500, 500, 200]);
      expect(detail.body.data.attempts_log[0].response_excerpt).toBe('no');
      // Every retry is the same message: one webhook-id, one body.
      expect(new Set(receiver.received.map((d) => d.id)).size).toBe(1);
      expect(new Set(receiver.received.map((d) => d.body)).size).toBe(1);
    },
  );

  suite.run('gives up after about 24 hours of failures', async () => {
    const { admin, webhook, workspace } = await subscribed(['api_key.created']);
    receiver.respondWith = 503;
    const started = world.clock.now();
    await world.createKey(workspace);
    await drainEvents(world, worker);
    const log = async () =>
      (await world.call('GET', `/api/v1/webhooks/${webhook.id}/deliveries`, { session: admin }))
        .body.data[0];
    let entry = await log();
    while (entry.status === 'pending') {
      world.clock.set(entry.next_attempt_at);
      await drainEvents(world, worker);
      entry = await log();
    }
    expect(entry.status).toBe('failed');
    expect(entry.next_attempt_at).toBeNull();
    expect(entry.attempts).toBeGreaterThanOrEqual(13);
    expect(entry.attempts).toBeLessThanOrEqual(16);
    const lastAttempt = world.clock.now() - started;
    expect(lastAttempt).toBeGreaterThan(20 * 3_600_000);
    expect(lastAttempt).toBeLessThanOrEqual(24 * 3_600_000);
    expect(receiver.received).toHaveLength(entry.attempts);
  });

  suite.run(
    'redelivers on request, once, with the same webhook-id and a fresh signature',
    async () => {
      const { admin, webhook, workspace } = await subscribed(['api_key.created']);
      await world.createKey(workspace);
      await drainEvents(world, worker);
      const [entry] = (
        await world.call('GET', `/api/v1/webhooks/${webhook.id}/deliveries`, { session: admin })
      ).body.data;
      world.clock.advance(5_000);
      const again = await world.call(
        'POST',
        `/api/v1/webhooks/${webhook.id}/deliveries/${entry.id}/redeliver`,
        { session: admin },
      );
      expect(again.status).toBe(200);
      expect(again.body.data.status).toBe('pending');
      await drainEvents(world, worker);
      expect(receiver.received).toHaveLength(2);
      const [first, second] = receiver.received;
      expect(second?.id).toBe(first?.id);
      expect(second?.timestamp).not.toBe(first?.timestamp);
      expect(second?.verifiedWith).toBe(0);
      const detail = await world.call(
        'GET',
        `/api/v1/webhooks/${webhook.id}/deliveries/${entry.id}`,
        {
          session: admin,
        },
      );
      expect(detail.body.data.attempts_log.map((a: { trigger: string }) => a.trigger)).toEqual([
        'automatic',
        'manual',
      ]);

      // A failed redelivery of a finished delivery is not retried for another day.
      receiver.respondWith = 500;
      await world.call('POST', `/api/v1/webhooks/${webhook.id}/deliveries/${entry.id}/redeliver`, {
        session: admin,
      });
      await drainEvents(world, worker);
      const after = await world.call(
        'GET',
        `/api/v1/webhooks/${webhook.id}/deliveries/${entry.id}`,
        {
          session: admin,
        },
      );
      expect(after.body.data).toMatchObject({ status: 'failed', next_attempt_at: null });
    },
  );

  suite.run(
    'signs with the old and the new secret during a rotation grace, then only the new',
    async () => {
      const { admin, webhook, workspace } = await subscribed(['api_key.created']);
      const oldSecret = webhook.secret;
      const rotated = await world.call('POST', `/api/v1/webhooks/${webhook.id}/rotate-secret`, {
        session: admin,
        body: { grace_period_seconds: 3600 },
      });
      expect(rotated.status).toBe(200);
      const newSecret = rotated.body.data.secret;
      expect(newSecret).not.toBe(oldSecret);
      expect(rotated.body.data.previous_secret_expires_at).toBe(
        new Date(world.clock.now() + 3_600_000).toISOString(),
      );

      await world.createKey(workspace);
      await drainEvents(world, worker);
      const during = receiver.received.at(-1);
      expect(during?.signatures).toHaveLength(2);
      receiver.secrets = [oldSecret];
      expect(receiver.received.length).toBe(1);
      // A receiver still on the old secret and one already on the new both accept it.
      const { verifyStandardWebhook } = await import('../test-support/webhook-receiver.js');
      const headers = {
        id: during?.id ?? '',
        timestamp: during?.timestamp ?? '',
        signature: during?.signatures.join(' ') ?? '',
      };
      expect(verifyStandardWebhook(oldSecret, headers, during?.body ?? '')).toBe(true);
      expect(verifyStandardWebhook(newSecret, headers, during?.body ?? '')).toBe(true);

      world.clock.advance(3_600_001);
      await world.createKey(workspace);
      await drainEvents(world, worker);
      const after = receiver.received.at(-1);
      const afterHeaders = {
        id: after?.id ?? '',
        timestamp: after?.timestamp ?? '',
        signature: after?.signatures.join(' ') ?? '',
      };
      expect(after?.signatures).toHaveLength(1);
      expect(verifyStandardWebhook(newSecret, afterHeaders, after?.body ?? '')).toBe(true);
      expect(verifyStandardWebhook(oldSecret, afterHeaders, after?.body ?? '')).toBe(false);
    },
  );

  suite.run(
    'sends nothing to a disabled webhook, and a test key only to test webhooks',
    async () => {
      const { admin, webhook, workspace } = await subscribed(['api_key.created']);
      const testHook = await world.call('POST', '/api/v1/webhooks', {
        session: admin,
        body: { url: `${receiver.url}?test`, events: ['api_key.created'], environment: 'test' },
      });
      await world.createKey(workspace, { type: 'test' });
      await drainEvents(world, worker);
      expect(receiver.received.map((d) => d.headers.host && d.json.data.environment)).toEqual([
        'test',
      ]);
      expect(testHook.body.data.environment).toBe('test');

      await world.call('PATCH', `/api/v1/webhooks/${webhook.id}`, {
        session: admin,
        body: { active: false },
      });
      await world.createKey(workspace);
      await drainEvents(world, worker);
      expect(receiver.received).toHaveLength(1);
    },
  );

  suite.run('two nodes claiming at once never send one delivery twice', async () => {
    const { workspace } = await subscribed(['api_key.created']);
    for (let i = 0; i < 12; i++) await world.createKey(workspace, { name: `burst ${i}` });
    const other = deliveryWorkerFor(world, { nodeId: 'other-node' });
    await world.deps.rateLimitEvents.settled();
    await Promise.all([
      (async () => {
        while ((await worker.deliverDue()) > 0) {}
      })(),
      (async () => {
        while ((await other.deliverDue()) > 0) {}
      })(),
    ]);
    expect(receiver.received).toHaveLength(12);
    expect(new Set(receiver.received.map((d) => d.id)).size).toBe(12);
  });

  suite.run('a delivery held by a node that died goes out when its lease ends', async () => {
    const { workspace } = await subscribed(['api_key.created']);
    await world.createKey(workspace);
    const now = world.clock.now();
    const taken = await claimDueDeliveries(world.database.handle.db, dialect.name, {
      now: new Date(now).toISOString(),
      leaseUntil: new Date(now + 30_000).toISOString(),
      nodeId: 'killed-node',
      limit: 10,
    });
    expect(taken).toHaveLength(1);
    await drainEvents(world, worker);
    expect(receiver.received).toHaveLength(0);
    world.clock.advance(30_000);
    await drainEvents(world, worker);
    expect(receiver.received).toHaveLength(1);
  });

  suite.run('fails the pending deliveries of a webhook switched off, and says why', async () => {
    const { admin, webhook, workspace } = await subscribed(['api_key.created']);
    await world.createKey(workspace);
    await world.call('PATCH', `/api/v1/webhooks/${webhook.id}`, {
      session: admin,
      body: { active: false },
    });
    await drainEvents(world, worker);
    expect(receiver.received).toHaveLength(0);
    const [entry] = (
      await world.call('GET', `/api/v1/webhooks/${webhook.id}/deliveries`, { session: admin })
    ).body.data;
    expect(entry).toMatchObject({
      status: 'failed',
      next_attempt_at: null,
      last_error: 'the webhook is disabled',
    });
  });

  suite.run(
    'says to rotate the secret when it cannot be decrypted (ONEPIN_SECRET changed)',
    async () => {
      const { admin, webhook, workspace } = await subscribed(['api_key.created']);
      await world.createKey(workspace);
      const { SecretBox } = await import('./secret-box.js');
      const { DeliveryWorker } = await import('./delivery-worker.js');
      const { HttpWebhookSender } = await import('./http-sender.js');
      const otherSecret = new DeliveryWorker({
        database: world.database.handle,
        clock: world.clock,
        newId: world.deps.newId,
        logger: world.deps.logger,
        sender: new HttpWebhookSender({ allowPrivate: true, timeoutMs: 5_000 }),
        secrets: new SecretBox(Buffer.alloc(32, 7)),
        nodeId: 'restarted-with-another-secret',
        leaseMs: 30_000,
      });
      await otherSecret.deliverDue();
      expect(receiver.received).toHaveLength(0);
      const [entry] = (
        await world.call('GET', `/api/v1/webhooks/${webhook.id}/deliveries`, { session: admin })
      ).body.data;
      expect(entry.last_error).toBe(
        'the signing secret cannot be decrypted (was ONEPIN_SECRET changed?): rotate the webhook secret',
      );
    },
  );

  suite.run(
    'announces no expiry that passed more than a week before it was first seen',
    async () => {
      const { workspace } = await subscribed(['api_key.expired']);
      await world.createKey(workspace, {
        expiresAt: new Date(world.clock.now() + 60_000).toISOString(),
      });
      world.clock.advance(8 * 24 * 3_600_000);
      expect(await announceExpiredKeys(world.deps)).toBe(0);
      await drainEvents(world, worker);
      expect(typesReceived()).not.toContain('api_key.expired');
    },
  );

  suite.run('stores the signing secret encrypted, never in plaintext', async () => {
    const { webhook, admin } = await subscribed(['*']);
    const raw = webhook.secret.slice('whsec_'.length);
    const { rows } = await sql<Record<string, unknown>>`select * from webhooks`.execute(
      world.database.handle.db,
    );
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain(raw);
    expect(stored).not.toContain('whsec_');
    const shown = await world.call('GET', `/api/v1/webhooks/${webhook.id}`, { session: admin });
    expect(JSON.stringify(shown.body)).not.toContain(raw);
    expect(world.logLines.join('\n')).not.toContain(raw);
  });
});
