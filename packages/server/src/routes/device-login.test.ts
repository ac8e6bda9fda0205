import { parseApiKey } from '@onepin/core';
import { dialectAvailable, testDialects } from '@onepin/db/test-support';
import { beforeAll, describe, expect } from 'vitest';
import {
  DEVICE_CODE_TTL_SECONDS,
  MAX_OPEN_DEVICE_AUTHORIZATIONS,
} from '../services/device-login.js';
import {
  type TestSession,
  type TestWorkspace,
  type TestWorld,
  worldPerSuite,
} from '../test-support/world.js';

const PUBLIC_URL = 'http://onepin.test';
const DAY_MS = 24 * 60 * 60_000;
const CODE_SHAPE = /^[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}$/;

/**
 * The device's side of `onepin login --web` (RFC 8628) against the real app, both dialects:
 * codes, polling (pending, slow_down, denial, expiry), the key collected exactly once under
 * the approver's authority, and the key revoking itself at logout.
 */
describe.each(testDialects)('$name: device login, the device side (issue 15)', (dialect) => {
  const suite = worldPerSuite(dialect, { settings: { publicUrl: PUBLIC_URL } });
  let world: TestWorld;
  let addressCounter = 0;

  beforeAll(() => {
    if (dialectAvailable(dialect)) world = suite.world;
  });

  /** Each test asks from an address of its own, so per-address limits stay out of its way. */
  const newAddress = () => `198.51.100.${++addressCounter}`;

  async function startCode(address = newAddress(), body: Record<string, unknown> = {}) {
    const response = await world.call('POST', '/api/v1/device/code', {
      address,
      body: { client_name: 'onepin', client_version: '0.1.0', host_name: 'laptop', ...body },
      headers: { 'user-agent': 'onepin/0.1.0 (linux x64)' },
    });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body.data as {
      device_code: string;
      user_code: string;
      verification_uri: string;
      verification_uri_complete: string;
      expires_in: number;
      interval: number;
    };
  }
  const poll = (deviceCode: string, address = '203.0.113.1') =>
    world.call('POST', '/api/v1/device/token', {
      address,
      body: { device_code: deviceCode, grant_type: 'urn:ietf:params:oauth:grant-type:device_code' },
    });
  const approve = (session: TestSession, body: Record<string, unknown>) =>
    world.call('POST', '/api/v1/device/approve', { session, body });
  const deny = (session: TestSession, userCode: string) =>
    world.call('POST', '/api/v1/device/deny', { session, body: { user_code: userCode } });

  async function adminOf(name: string): Promise<{ workspace: TestWorkspace; admin: TestSession }> {
    const workspace = await world.createWorkspace(name);
    return { workspace, admin: await world.signIn(workspace) };
  }

  suite.run(
    'answers the codes of RFC 8628: device_code, XXXX-XXXX user code, verification URIs, 600 s, 5 s',
    async () => {
      const code = await startCode();
      expect(code.user_code).toMatch(CODE_SHAPE);
      expect(code.device_code).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(code.verification_uri).toBe(`${PUBLIC_URL}/device`);
      expect(code.verification_uri_complete).toBe(`${PUBLIC_URL}/device?code=${code.user_code}`);
      expect(code.expires_in).toBe(600);
      expect(code.interval).toBe(5);
      // No workspace is concerned yet: the log keeps the request (never a code).
      const started = world.logLines.find((line) => line.includes('device login started'));
      expect(started).toContain('"host_name":"laptop"');
      expect(started).toContain('"client":"onepin 0.1.0"');
      expect(world.logLines.join('')).not.toContain(code.device_code);
      expect(world.logLines.join('')).not.toContain(code.user_code);
      // Only hashes at rest: neither code appears in the table.
      const rows = await world.database.handle.db
        .selectFrom('device_authorizations')
        .selectAll()
        .execute();
      const stored = JSON.stringify(rows);
      expect(stored).not.toContain(code.device_code);
      expect(stored).not.toContain(code.user_code);
      expect(stored).not.toContain(code.user_code.replace('-', ''));
    },
  );

  suite.run(
    'pending, then approved: the device collects a key named "CLI on <host>" that works, once; a second poll gets INVALID_GRANT, never a second key',
    async () => {
      const { workspace, admin } = await adminOf('Collect');
      const code = await startCode();
      const pending = await poll(code.device_code);
      expect(pending.status).toBe(400);
      expect(pending.body.error.code).toBe('AUTHORIZATION_PENDING');
      expect(pending.headers.get('retry-after')).toBe('5');

      const approved = await approve(admin, {
        user_code: code.user_code.toLowerCase().replace('-', ' '),
        workspace_id: workspace.id,
      });
      expect(approved.status, JSON.stringify(approved.body)).toBe(200);
      expect(approved.body.data).toMatchObject({
        workspace_id: workspace.id,
        key_name: 'CLI on laptop',
        key_type: 'live',
      });
      expect(approved.body.data.scopes).not.toContain('api_keys:write');

      world.clock.advance(5_000);
      const collected = await poll(code.device_code);
      expect(collected.status, JSON.stringify(collected.body)).toBe(200);
      const key = collected.body.data;
      expect(parseApiKey(key.api_key)).not.toBeNull();
      expect(key).toMatchObject({
        name: 'CLI on laptop',
        workspace_id: workspace.id,
        workspace_name: 'Collect',
        created_by: workspace.userId,
        created_via: 'device_login',
        key_type: 'live',
      });
      expect(Date.parse(key.expires_at) - world.clock.now()).toBe(90 * DAY_MS - 5_000);
      expect(collected.headers.get('cache-control')).toContain('no-store');

      const me = await world.call('GET', '/api/v1/auth/whoami', { key: key.api_key });
      expect(me.status).toBe(200);
      expect(me.body.data).toMatchObject({ workspace_id: workspace.id, key_name: 'CLI on laptop' });

      world.clock.advance(5_000);
      const again = await poll(code.device_code);
      expect(again.status).toBe(400);
      expect(again.body.error.code).toBe('INVALID_GRANT');
      expect(JSON.stringify(again.body)).not.toMatch(/op_live_/);
      const keys = await world.call('GET', '/api/v1/api-keys?status=all', { session: admin });
      expect(
        keys.body.data.filter((k: { name: string }) => k.name === 'CLI on laptop'),
      ).toHaveLength(1);
    },
  );

  suite.run('two polls racing for an approved code get one key between them', async () => {
    const { workspace, admin } = await adminOf('Race');
    const code = await startCode();
    await approve(admin, { user_code: code.user_code, workspace_id: workspace.id });
    const answers = await Promise.all([poll(code.device_code), poll(code.device_code)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 400]);
    expect(answers.find((a) => a.status === 400)?.body.error.code).toBe('INVALID_GRANT');
  });

  suite.run(
    'slow_down: a poll sooner than the interval adds 5 s to it, for this and every later poll',
    async () => {
      const code = await startCode();
      expect((await poll(code.device_code)).body.error.code).toBe('AUTHORIZATION_PENDING');
      world.clock.advance(1_000);
      const fast = await poll(code.device_code);
      expect(fast.body.error.code).toBe('SLOW_DOWN');
      expect(fast.headers.get('retry-after')).toBe('10');
      // 5 s was the old interval: now too soon.
      world.clock.advance(5_000);
      const stillFast = await poll(code.device_code);
      expect(stillFast.body.error.code).toBe('SLOW_DOWN');
      expect(stillFast.headers.get('retry-after')).toBe('15');
      world.clock.advance(15_000);
      const onTime = await poll(code.device_code);
      expect(onTime.body.error.code).toBe('AUTHORIZATION_PENDING');
      expect(onTime.headers.get('retry-after')).toBe('15');
      // However fast it polls, the interval stops at 60 s: the code can still be collected.
      for (let i = 0; i < 12; i++) await poll(code.device_code);
      expect((await poll(code.device_code)).headers.get('retry-after')).toBe('60');
    },
  );

  suite.run(
    'denied: the device gets ACCESS_DENIED and no key, and the code cannot be approved after',
    async () => {
      const { workspace, admin } = await adminOf('Deny');
      const code = await startCode();
      const denied = await deny(admin, code.user_code);
      expect(denied.status).toBe(200);
      const answer = await poll(code.device_code);
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe('ACCESS_DENIED');
      const late = await approve(admin, { user_code: code.user_code, workspace_id: workspace.id });
      expect(late.status).toBe(404);
      world.clock.advance(5_000);
      expect((await poll(code.device_code)).body.error.code).toBe('ACCESS_DENIED');
    },
  );

  suite.run(
    'expiry: after 600 s the device gets EXPIRED_TOKEN and the code can no longer be approved',
    async () => {
      const { workspace, admin } = await adminOf('Expiry');
      const code = await startCode();
      world.clock.advance(DEVICE_CODE_TTL_SECONDS * 1000);
      const expired = await poll(code.device_code);
      expect(expired.status).toBe(400);
      expect(expired.body.error.code).toBe('EXPIRED_TOKEN');
      const late = await approve(admin, { user_code: code.user_code, workspace_id: workspace.id });
      expect(late.status).toBe(404);
      expect(late.body.error.code).toBe('NOT_FOUND');
    },
  );

  suite.run(
    'an approval in the last second leaves the device a minute to collect its key',
    async () => {
      const { workspace, admin } = await adminOf('Late approval');
      const code = await startCode();
      world.clock.advance(DEVICE_CODE_TTL_SECONDS * 1000 - 1_000);
      expect(
        (await approve(admin, { user_code: code.user_code, workspace_id: workspace.id })).status,
      ).toBe(200);
      world.clock.advance(59_000);
      expect((await poll(code.device_code)).status).toBe(200);
    },
  );

  suite.run(
    "the key is minted under the approver's role when the device collects it: demoted meanwhile, the device is denied and no key exists",
    async () => {
      const { workspace, admin } = await adminOf('Demoted');
      const editor = await world.addMember(workspace, 'editor');
      const editorSession = await world.sessionFor(editor);
      const code = await startCode();
      const approved = await approve(editorSession, {
        user_code: code.user_code,
        workspace_id: workspace.id,
        scopes: ['workflows:write'],
      });
      expect(approved.status).toBe(200);
      const demoted = await world.call('PATCH', `/api/v1/members/${editor.userId}`, {
        session: admin,
        body: { role: 'viewer' },
      });
      expect(demoted.status).toBe(200);
      const answer = await poll(code.device_code);
      expect(answer.body.error.code).toBe('ACCESS_DENIED');
      const keys = await world.call('GET', '/api/v1/api-keys?status=all', { session: admin });
      expect(keys.body.data).toEqual([]);

      // Removed from the workspace between approving and the poll: the same.
      const leaving = await world.addMember(workspace, 'admin');
      const second = await startCode();
      await approve(await world.sessionFor(leaving), {
        user_code: second.user_code,
        workspace_id: workspace.id,
      });
      const removed = await world.call('DELETE', `/api/v1/members/${leaving.userId}`, {
        session: admin,
      });
      expect(removed.status).toBe(200);
      expect((await poll(second.device_code)).body.error.code).toBe('ACCESS_DENIED');
      const after = await world.call('GET', '/api/v1/api-keys?status=all', { session: admin });
      expect(after.body.data).toEqual([]);
    },
  );

  suite.run('refuses a grant_type other than the device code one, and unknown fields', async () => {
    const code = await startCode();
    const wrongGrant = await world.call('POST', '/api/v1/device/token', {
      body: { device_code: code.device_code, grant_type: 'password' },
    });
    expect(wrongGrant.status).toBe(422);
    const extra = await world.call('POST', '/api/v1/device/code', {
      address: newAddress(),
      body: { scope: 'everything' },
    });
    expect(extra.status).toBe(422);
  });

  suite.run('a key pasted into what the device reports is refused, never stored', async () => {
    const pasted = (await world.createKey(await world.createWorkspace('Paste'))).plaintext;
    const response = await world.call('POST', '/api/v1/device/code', {
      address: newAddress(),
      body: { host_name: pasted },
    });
    expect(response.status).toBe(422);
    expect(JSON.stringify(response.body)).not.toContain(pasted);
  });

  suite.run(
    'one address may start 10 sign-ins a minute (429 after, with Retry-After)',
    async () => {
      const address = newAddress();
      for (let i = 0; i < 10; i++) await startCode(address);
      const refused = await world.call('POST', '/api/v1/device/code', { address, body: {} });
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(
        (await world.call('POST', '/api/v1/device/code', { address: newAddress(), body: {} }))
          .status,
      ).toBe(200);
    },
  );

  suite.run(
    'the CLI may use any host name; a browser (Origin) only the public one, from its origin (DNS rebinding)',
    async () => {
      const cli = await world.call('POST', '/api/v1/device/code', {
        address: newAddress(),
        body: {},
        headers: { host: 'onepin.internal:8000' },
      });
      expect(cli.status).toBe(200);
      const rebound = await world.call('POST', '/api/v1/device/code', {
        address: newAddress(),
        body: {},
        headers: { host: 'evil.example:8000', origin: 'http://evil.example:8000' },
      });
      expect(rebound.status).toBe(403);
      expect(rebound.body.error.code).toBe('FORBIDDEN');
      const pollRebound = await world.call('POST', '/api/v1/device/token', {
        body: { device_code: cli.body.data.device_code },
        headers: { host: 'evil.example:8000', origin: 'http://evil.example:8000' },
      });
      expect(pollRebound.status).toBe(403);
      const crossSite = await world.call('POST', '/api/v1/device/code', {
        address: newAddress(),
        body: {},
        headers: { origin: 'https://evil.example' },
      });
      expect(crossSite.status).toBe(403);
      expect(crossSite.body.error.code).toBe('CSRF_FAILED');
      const sameOrigin = await world.call('POST', '/api/v1/device/code', {
        address: newAddress(),
        body: {},
        headers: { origin: PUBLIC_URL },
      });
      expect(sameOrigin.status).toBe(200);
    },
  );

  suite.run(
    'logout: a device-login key revokes itself (audited, then 401); a pasted key cannot, nor a session',
    async () => {
      const { workspace, admin } = await adminOf('Logout');
      const code = await startCode();
      await approve(admin, { user_code: code.user_code, workspace_id: workspace.id });
      const key = (await poll(code.device_code)).body.data.api_key as string;
      const revoked = await world.call('DELETE', '/api/v1/auth/key', { key });
      expect(revoked.status).toBe(200);
      expect(revoked.body.data).toMatchObject({ active: false, created_via: 'device_login' });
      expect(revoked.body.data.revoked_at).not.toBeNull();
      const after = await world.call('GET', '/api/v1/auth/whoami', { key });
      expect(after.status).toBe(401);

      const pasted = await world.createKey(workspace, { scopes: ['api_keys:write'] });
      const refused = await world.call('DELETE', '/api/v1/auth/key', { key: pasted.plaintext });
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('FORBIDDEN');
      expect(
        (await world.call('GET', '/api/v1/auth/whoami', { key: pasted.plaintext })).status,
      ).toBe(200);
      expect((await world.call('DELETE', '/api/v1/auth/key', { session: admin })).status).toBe(403);

      const activity = await world.call('GET', '/api/v1/activity', { session: admin });
      const events = activity.body.data as Array<{
        type: string;
        metadata: Record<string, unknown>;
      }>;
      expect(events.find((e) => e.type === 'api_key_revoked')?.metadata).toMatchObject({
        reason: 'device_logout',
      });
      expect(
        events.find((e) => e.type === 'api_key_created' && e.metadata.created_via)?.metadata,
      ).toMatchObject({ created_via: 'device_login', name: 'CLI on laptop' });
      expect(events.find((e) => e.type === 'device_login_approved')?.metadata).toMatchObject({
        host_name: 'laptop',
        client_name: 'onepin',
        client_version: '0.1.0',
      });
    },
  );

  suite.run('a rotated device-login key is no longer the device’s to revoke', async () => {
    const { workspace, admin } = await adminOf('Rotated');
    const code = await startCode();
    await approve(admin, { user_code: code.user_code, workspace_id: workspace.id });
    const key = (await poll(code.device_code)).body.data;
    const rotated = await world.call('PATCH', `/api/v1/api-keys/${key.id}/rotate`, {
      session: admin,
      body: { grace_period_seconds: 0 },
    });
    expect(rotated.status).toBe(200);
    expect(rotated.body.data.new_key.created_via).toBeNull();
    const refused = await world.call('DELETE', '/api/v1/auth/key', {
      key: rotated.body.data.new_key.api_key,
    });
    expect(refused.status).toBe(403);
  });
});

describe.each(testDialects)('$name: device login, guessing device codes', (dialect) => {
  const suite = worldPerSuite(dialect, { failedAuthLimitPerMin: 3 });

  suite.run(
    'an unknown device code is INVALID_GRANT and a failed authentication: past the limit, even a real code waits (429)',
    async () => {
      const { world } = suite;
      const address = '198.51.100.200';
      const real = await world.call('POST', '/api/v1/device/code', { address, body: {} });
      const poll = (deviceCode: string) =>
        world.call('POST', '/api/v1/device/token', { address, body: { device_code: deviceCode } });
      for (let i = 0; i < 3; i++) {
        const unknown = await poll(`${'A'.repeat(42)}${i}`);
        expect(unknown.status).toBe(400);
        expect(unknown.body.error.code).toBe('INVALID_GRANT');
      }
      const throttled = await poll(real.body.data.device_code);
      expect(throttled.status).toBe(429);
      expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
      world.clock.advance(60_000);
      expect((await poll(real.body.data.device_code)).body.error.code).toBe(
        'AUTHORIZATION_PENDING',
      );
    },
  );
});

describe.each(testDialects)('$name: device login, a flood of sign-ins', (dialect) => {
  const suite = worldPerSuite(dialect);

  suite.run(
    'past 10,000 open sign-ins on the server, new ones wait (503, Retry-After) until some end',
    async () => {
      const { world } = suite;
      const now = new Date(world.clock.now()).toISOString();
      const expires = new Date(world.clock.now() + 600_000).toISOString();
      const rows = Array.from({ length: MAX_OPEN_DEVICE_AUTHORIZATIONS }, (_, i) => ({
        id: `flood-${i}`,
        device_code_hash: `device-${i}`,
        user_code_hash: `user-${i}`,
        status: 'pending' as const,
        interval_seconds: 5,
        created_at: now,
        expires_at: expires,
      }));
      for (let i = 0; i < rows.length; i += 500) {
        await world.database.handle.db
          .insertInto('device_authorizations')
          .values(rows.slice(i, i + 500))
          .execute();
      }
      const full = await world.call('POST', '/api/v1/device/code', { body: {} });
      expect(full.status).toBe(503);
      expect(full.body.error.code).toBe('SERVICE_UNAVAILABLE');
      expect(full.headers.get('retry-after')).toBe('60');
      world.clock.advance(600_000);
      expect((await world.call('POST', '/api/v1/device/code', { body: {} })).status).toBe(200);
    },
  );
});
