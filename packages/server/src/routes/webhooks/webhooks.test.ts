import { dialectAvailable, testDialects } from '@onepin/db/test-support';
import { beforeAll, describe, expect } from 'vitest';
import { MAX_WEBHOOKS_PER_WORKSPACE } from '../../services/webhooks.js';
import { seedDelivery, seedWebhook } from '../../test-support/webhooks.js';
import { type TestSession, type TestWorld, worldPerSuite } from '../../test-support/world.js';

describe.each(testDialects)('$name: the webhooks API (issue 16)', (dialect) => {
  const suite = worldPerSuite(dialect);
  let world: TestWorld;

  beforeAll(() => {
    if (dialectAvailable(dialect)) world = suite.world;
  });

  const create = (session: TestSession, body: Record<string, unknown>) =>
    world.call('POST', '/api/v1/webhooks', { session, body });

  suite.run('shows the signing secret once, at creation, and never again', async () => {
    const admin = await world.signIn(await world.createWorkspace());
    const made = await create(admin, {
      url: 'https://hooks.example.com/onepin',
      events: ['api_key.revoked', 'api_key.leaked', 'api_key.revoked'],
      description: 'pager',
    });
    expect(made.status).toBe(201);
    expect(made.body.data).toMatchObject({
      url: 'https://hooks.example.com/onepin',
      events: ['api_key.leaked', 'api_key.revoked'],
      description: 'pager',
      environment: 'live',
      active: true,
      previous_secret_expires_at: null,
    });
    const secret: string = made.body.data.secret;
    expect(secret).toMatch(/^whsec_/);
    const shown = await world.call('GET', `/api/v1/webhooks/${made.body.data.id}`, {
      session: admin,
    });
    const listed = await world.call('GET', '/api/v1/webhooks', { session: admin });
    expect(shown.body.data.secret).toBeUndefined();
    expect(JSON.stringify([shown.body, listed.body])).not.toContain(secret.slice(6));
    expect(listed.body.data).toHaveLength(1);
  });

  suite.run.each([
    ['http://127.0.0.1/hook', '127.0.0.1 is a loopback address'],
    ['http://localhost:8080/hook', 'localhost'],
    ['http://[::1]/hook', '::1 is a loopback address'],
    ['http://169.254.169.254/latest/meta-data', '169.254.169.254 is a link-local address'],
    ['http://10.1.2.3/hook', '10.1.2.3 is a private address'],
    ['http://[::ffff:192.168.0.1]/hook', 'private address'],
  ])('refuses a webhook to %s (SSRF)', async (url, message) => {
    const admin = await world.signIn(await world.createWorkspace());
    const refused = await create(admin, { url, events: ['*'] });
    expect(refused.status).toBe(422);
    expect(refused.body.error.details[0].field).toBe('url');
    expect(refused.body.error.details[0].message).toContain(message);
  });

  suite.run.each([
    [{ url: 'ftp://example.com/x', events: ['*'] }, 'url', 'must be an http:// or https:// URL'],
    [{ url: 'not a url', events: ['*'] }, 'url', 'must be an http:// or https:// URL'],
    [{ url: 'https://example.com', events: [] }, 'events', 'name at least one event'],
    [
      { url: 'https://example.com', events: ['api_key.exploded'] },
      'events.0',
      'unknown event "api_key.exploded"',
    ],
    [
      { url: 'https://example.com', events: ['*'], secret: 'mine' },
      'secret',
      'is not a known field',
    ],
  ])('refuses a malformed webhook (%j)', async (body, field, message) => {
    const admin = await world.signIn(await world.createWorkspace());
    const refused = await create(admin, body);
    expect(refused.status).toBe(422);
    const detail = refused.body.error.details.find(
      (d: { field: string; message: string }) => d.field === field || d.message.includes(message),
    );
    expect(detail?.message ?? '').toContain(message);
  });

  suite.run('keeps live and test webhooks apart, like keys', async () => {
    const workspace = await world.createWorkspace();
    const testKey = await world.createKey(workspace, {
      type: 'test',
      scopes: ['webhooks:read', 'webhooks:write'],
    });
    const liveKey = await world.createKey(workspace, {
      scopes: ['webhooks:read', 'webhooks:write'],
    });
    const made = await world.call('POST', '/api/v1/webhooks', {
      key: testKey.plaintext,
      body: { url: 'https://hooks.example.com/t', events: ['*'] },
    });
    expect(made.body.data.environment).toBe('test');
    const crossing = await world.call('POST', '/api/v1/webhooks', {
      key: testKey.plaintext,
      body: { url: 'https://hooks.example.com/t', events: ['*'], environment: 'live' },
    });
    expect(crossing.status).toBe(403);
    const live = await world.call('POST', '/api/v1/webhooks', {
      key: liveKey.plaintext,
      body: { url: 'https://hooks.example.com/l', events: ['*'] },
    });
    const seenByTest = await world.call('GET', '/api/v1/webhooks', { key: testKey.plaintext });
    expect(seenByTest.body.data.map((w: { id: string }) => w.id)).toEqual([made.body.data.id]);
    expect(
      (await world.call('GET', `/api/v1/webhooks/${live.body.data.id}`, { key: testKey.plaintext }))
        .status,
    ).toBe(404);
    const admin = await world.signIn(workspace);
    expect(
      (await world.call('GET', '/api/v1/webhooks', { session: admin })).body.data,
    ).toHaveLength(2);
  });

  suite.run(`allows ${MAX_WEBHOOKS_PER_WORKSPACE} webhooks per workspace`, async () => {
    const workspace = await world.createWorkspace();
    for (let i = 0; i < MAX_WEBHOOKS_PER_WORKSPACE; i++) await seedWebhook(world, workspace);
    const admin = await world.signIn(workspace);
    const refused = await create(admin, { url: 'https://hooks.example.com/21', events: ['*'] });
    expect(refused.status).toBe(409);
  });

  suite.run('changes, disables and deletes a webhook; its deliveries go with it', async () => {
    const workspace = await world.createWorkspace();
    const admin = await world.signIn(workspace);
    const { webhookId, deliveryId } = await seedDelivery(world, workspace);
    const changed = await world.call('PATCH', `/api/v1/webhooks/${webhookId}`, {
      session: admin,
      body: { events: ['*'], active: false, url: 'https://other.example.com/h', description: null },
    });
    expect(changed.body.data).toMatchObject({
      events: ['*'],
      active: false,
      url: 'https://other.example.com/h',
    });
    const redeliver = await world.call(
      'POST',
      `/api/v1/webhooks/${webhookId}/deliveries/${deliveryId}/redeliver`,
      { session: admin },
    );
    expect(redeliver.status).toBe(409);
    expect(
      (await world.call('PATCH', `/api/v1/webhooks/${webhookId}`, { session: admin, body: {} }))
        .status,
    ).toBe(422);

    expect(
      (await world.call('DELETE', `/api/v1/webhooks/${webhookId}`, { session: admin })).status,
    ).toBe(200);
    expect(
      (await world.call('GET', `/api/v1/webhooks/${webhookId}`, { session: admin })).status,
    ).toBe(404);
    expect(
      (
        await world.call('GET', `/api/v1/webhooks/${webhookId}/deliveries/${deliveryId}`, {
          session: admin,
        })
      ).status,
    ).toBe(404);
    const activity = await world.call('GET', '/api/v1/activity', { session: admin });
    const types = activity.body.data.map((e: { type: string }) => e.type);
    expect(types).toEqual(expect.arrayContaining(['webhook_updated', 'webhook_deleted']));
  });

  suite.run(
    "a hostile admin cannot reach another workspace's delivery through their own webhook",
    async () => {
      const victim = await world.createWorkspace('Victim');
      const attacker = await world.createWorkspace('Attacker');
      const theirs = await seedDelivery(world, victim);
      const mine = await seedWebhook(world, attacker);
      const admin = await world.signIn(attacker);
      for (const [method, suffix] of [
        ['GET', ''],
        ['POST', '/redeliver'],
      ] as const) {
        const response = await world.call(
          method,
          `/api/v1/webhooks/${mine.id}/deliveries/${theirs.deliveryId}${suffix}`,
          { session: admin },
        );
        expect(response.status).toBe(404);
      }
    },
  );

  suite.run('lists deliveries by status', async () => {
    const workspace = await world.createWorkspace();
    const admin = await world.signIn(workspace);
    const { webhookId } = await seedDelivery(world, workspace);
    const pending = await world.call(
      'GET',
      `/api/v1/webhooks/${webhookId}/deliveries?status=pending`,
      {
        session: admin,
      },
    );
    expect(pending.body.data).toHaveLength(1);
    expect(pending.body.pagination.total).toBe(1);
    const none = await world.call('GET', `/api/v1/webhooks/${webhookId}/deliveries?status=failed`, {
      session: admin,
    });
    expect(none.body.data).toHaveLength(0);
    const bad = await world.call('GET', `/api/v1/webhooks/${webhookId}/deliveries?status=lost`, {
      session: admin,
    });
    expect(bad.status).toBe(422);
  });
});
