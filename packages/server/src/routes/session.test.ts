import { findSessionForAuthentication } from '@onepin/db';
import { dialectAvailable, testDialects } from '@onepin/db/test-support';
import { beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../auth/sha256.js';
import { createUserWithWorkspace } from '../services/accounts.js';
import { SESSION_LIFETIME_MS } from '../services/sessions.js';
import { issueSetupUrl } from '../services/setup-token.js';
import {
  createTestWorld,
  sessionFromResponse,
  type TestWorld,
  worldPerSuite,
} from '../test-support/world.js';

const PASSWORD = 'correct horse battery';

const sessionFrom = sessionFromResponse;

describe.each(testDialects)('$name: first-run setup', (dialect) => {
  const suite = worldPerSuite(dialect);

  suite.run(
    'creates the first admin once, keeps the link through a typo, and signs them in',
    async () => {
      const { world } = suite;
      const url = await issueSetupUrl(world.deps, 'http://127.0.0.1:8000');
      const token = new URL(url ?? '').searchParams.get('token') ?? '';
      const check = (t: string) => world.call('GET', `/api/v1/setup?token=${t}`);
      expect((await check('nope')).body.data.usable).toBe(false);
      expect((await check(token)).body.data.usable).toBe(true);

      const body = {
        token,
        email: 'Admin@Example.com',
        password: PASSWORD,
        workspace_name: 'Acme',
      };
      const typo = await world.call('POST', '/api/v1/setup', { body: { ...body, email: 'nope' } });
      expect(typo.status).toBe(422);
      expect((await check(token)).body.data.usable).toBe(true);

      const crossSite = await world.call('POST', '/api/v1/setup', {
        body,
        headers: { origin: 'https://evil.example' },
      });
      expect(crossSite.status).toBe(403);
      expect(crossSite.body.error.code).toBe('CSRF_FAILED');

      const done = await world.call('POST', '/api/v1/setup', {
        body,
        headers: { origin: 'http://127.0.0.1:8000' },
      });
      expect(done.status).toBe(201);
      expect(done.body.data.user.email).toBe('admin@example.com');
      expect(done.body.data.workspace).toMatchObject({ name: 'Acme', role: 'admin' });
      // The person who sets the server up runs it: an instance admin (service tokens).
      expect(done.body.data.instance_admin).toBe(true);
      expect(done.headers.get('cache-control')).toBe('no-store');
      const cookie = done.headers.get('set-cookie') ?? '';
      expect(cookie).toMatch(/^onepin_session=[A-Za-z0-9_-]{43};/);
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Lax/);
      expect(cookie).toMatch(/Path=\//);
      expect(cookie).not.toMatch(/Secure/);

      const whoami = await world.call('GET', '/api/v1/auth/whoami', { session: sessionFrom(done) });
      expect(whoami.body.data).toMatchObject({ auth_kind: 'session', role: 'admin' });

      expect((await check(token)).body.data.usable).toBe(false);
      const again = await world.call('POST', '/api/v1/setup', {
        body: { ...body, email: 'b@example.com' },
      });
      expect(again.status).toBe(403);
    },
  );
});

describe.each(testDialects)('$name: sign-in and sign-out', (dialect) => {
  const suite = worldPerSuite(dialect);
  let world: TestWorld;
  let workspaceId: string;
  const email = 'person@example.com';

  beforeAll(async () => {
    if (!dialectAvailable(dialect)) return;
    world = suite.world;
    const { workspace } = await createUserWithWorkspace(world.deps, {
      email,
      password: PASSWORD,
      workspaceName: 'Main',
    });
    workspaceId = workspace.id;
  });

  const signIn = (password: string, address = '10.0.0.1', who = email) =>
    world.call('POST', '/api/v1/session', { body: { email: who, password }, address });

  suite.run('gives an unknown email and a wrong password the same 401', async () => {
    const wrong = await signIn('wrong password', '10.0.0.2');
    const unknown = await signIn(PASSWORD, '10.0.0.2', 'nobody@example.com');
    for (const response of [wrong, unknown]) {
      expect(response.status).toBe(401);
      expect(response.body.error).toEqual({
        code: 'UNAUTHORIZED',
        message: 'Incorrect email or password.',
      });
      expect(response.headers.get('set-cookie')).toBeNull();
    }
  });

  suite.run(
    'signs in, acts with the role, records member_login, and signs out for good',
    async () => {
      const response = await signIn(PASSWORD);
      expect(response.status).toBe(201);
      const session = sessionFrom(response);
      expect(response.body.data.scopes).toContain('api_keys:write');

      const current = await world.call('GET', '/api/v1/session', { session });
      expect(current.status).toBe(200);
      expect(current.body.data.csrf_token).toBe(session.csrfToken);
      expect(current.body.data.workspace.id).toBe(workspaceId);

      const activity = await world.call('GET', '/api/v1/activity', { session });
      expect(activity.body.data).toContainEqual(
        expect.objectContaining({
          type: 'member_login',
          actor: { type: 'user', id: session.userId, name: email },
        }),
      );

      const out = await world.call('DELETE', '/api/v1/session', { session });
      expect(out.status).toBe(200);
      expect(out.headers.get('set-cookie')).toMatch(/Max-Age=0/);
      const after = await world.call('GET', '/api/v1/session', { session });
      expect(after.status).toBe(401);
      expect(after.headers.get('set-cookie')).toMatch(/^onepin_session=; Max-Age=0/);
    },
  );

  suite.run(
    'throttles 5 failures for one email from one address until the 15 minutes end',
    async () => {
      for (let i = 0; i < 5; i++) expect((await signIn('wrong', '10.0.0.9')).status).toBe(401);
      const blocked = await signIn(PASSWORD, '10.0.0.9');
      expect(blocked.status).toBe(429);
      expect(blocked.body.error.code).toBe('RATE_LIMITED');
      expect(Number(blocked.headers.get('retry-after'))).toBe(15 * 60);
      expect((await signIn(PASSWORD, '10.0.0.10')).status).toBe(201);
      world.clock.advance(15 * 60_000);
      expect((await signIn(PASSWORD, '10.0.0.9')).status).toBe(201);
    },
  );

  suite.run(
    'counts failed sign-ins per account across addresses, yet lets its familiar address in',
    async () => {
      await createUserWithWorkspace(world.deps, {
        email: 'spread@example.com',
        password: PASSWORD,
        workspaceName: 'Spread',
      });
      expect((await signIn(PASSWORD, '192.0.2.50', 'spread@example.com')).status).toBe(201);
      for (let i = 0; i < 20; i++) {
        const guess = await signIn(`guess ${i}`, `198.51.100.${i}`, 'spread@example.com');
        expect(guess.status).toBe(401);
      }
      const elsewhere = await signIn(PASSWORD, '203.0.113.9', 'spread@example.com');
      expect(elsewhere.status).toBe(429);
      expect(Number(elsewhere.headers.get('retry-after'))).toBe(15 * 60);
      expect((await signIn(PASSWORD, '192.0.2.50', 'spread@example.com')).status).toBe(201);
    },
  );

  suite.run('throttles an IPv6 client by its /64, however it rotates its address', async () => {
    for (let i = 1; i <= 5; i++) {
      expect((await signIn('wrong', `2001:db8:9:9::${i}`)).status).toBe(401);
    }
    expect((await signIn(PASSWORD, '2001:db8:9:9:ffff:1:2:3')).status).toBe(429);
    expect((await signIn(PASSWORD, '2001:db8:9:a::1')).status).toBe(201);
  });

  suite.run('refuses a cross-site sign-in but accepts a same-origin one', async () => {
    const body = { email, password: PASSWORD };
    const evil = await world.call('POST', '/api/v1/session', {
      body,
      headers: { origin: 'http://evil.example' },
    });
    expect(evil.status).toBe(403);
    expect(evil.body.error.code).toBe('CSRF_FAILED');
    const same = await world.call('POST', '/api/v1/session', {
      body,
      headers: { origin: 'http://localhost:8000', host: 'localhost:8000' },
    });
    expect(same.status).toBe(201);
  });

  suite.run(
    'writes last_seen_at at most once a minute and ends the session after 7 days however active',
    async () => {
      const session = sessionFrom(await signIn(PASSWORD));
      const token = session.cookie.split('=')[1] ?? '';
      const lastSeen = async () =>
        (await findSessionForAuthentication(world.database.handle.db, sha256Hex(token)))?.session
          .last_seen_at;
      const start = await lastSeen();
      world.clock.advance(30_000);
      await world.call('GET', '/api/v1/session', { session });
      expect(await lastSeen()).toBe(start);
      world.clock.advance(31_000);
      await world.call('GET', '/api/v1/session', { session });
      expect(await lastSeen()).toBe(new Date(world.clock.now()).toISOString());

      const hours = SESSION_LIFETIME_MS / 3_600_000;
      for (let h = 0; h < hours - 11; h += 11) {
        world.clock.advance(11 * 3_600_000);
        expect((await world.call('GET', '/api/v1/session', { session })).status).toBe(200);
      }
      world.clock.advance(11 * 3_600_000);
      expect((await world.call('GET', '/api/v1/session', { session })).status).toBe(401);
    },
  );

  suite.run(
    'needs no CSRF token when a request carries an API key, and ignores the cookie then',
    async () => {
      const session = sessionFrom(await signIn(PASSWORD));
      const workspace = { id: workspaceId, name: 'Main', userId: session.userId, email };
      const key = await world.createKey(workspace, { scopes: ['api_keys:write'] });
      const response = await world.call('POST', '/api/v1/api-keys', {
        key: key.plaintext,
        session,
        csrf: false,
        body: { name: 'by key' },
      });
      expect(response.status).toBe(201);
    },
  );

  suite.run('switches workspace with X-Workspace-Id, acting with the role held there', async () => {
    const owner = await world.createWorkspace('Second');
    const session = sessionFrom(await signIn(PASSWORD));
    const now = new Date(world.clock.now()).toISOString();
    const { insertMembership } = await import('@onepin/db');
    await insertMembership(world.database.handle.db, {
      workspace_id: owner.id,
      user_id: session.userId,
      role: 'viewer',
      created_at: now,
    });
    const switched = await world.call('GET', '/api/v1/session', {
      session,
      headers: { 'x-workspace-id': owner.id },
    });
    expect(switched.body.data.workspace).toMatchObject({ id: owner.id, role: 'viewer' });
    expect(switched.body.data.workspaces.map((w: { id: string }) => w.id)).toEqual([
      workspaceId,
      owner.id,
    ]);
    const create = await world.call('POST', '/api/v1/api-keys', {
      session,
      headers: { 'x-workspace-id': owner.id },
      body: { name: 'nope' },
    });
    expect(create.status).toBe(403);
    expect(create.body.error.code).toBe('INSUFFICIENT_SCOPE');
  });
});

describe('session cookie behind https', () => {
  it('is Secure with the __Host- prefix', async () => {
    const world = await createTestWorld(testDialects[0]!, {
      settings: { publicUrl: 'https://onepin.example' },
    });
    try {
      const { workspace } = await createUserWithWorkspace(world.deps, {
        email: 'tls@example.com',
        password: PASSWORD,
        workspaceName: 'TLS',
      });
      const response = await world.call('POST', '/api/v1/session', {
        body: { email: 'tls@example.com', password: PASSWORD },
        headers: { origin: 'https://onepin.example' },
      });
      expect(response.status).toBe(201);
      expect(response.headers.get('set-cookie')).toMatch(/^__Host-onepin_session=.*; Secure/);
      const whoami = await world.call('GET', '/api/v1/auth/whoami', {
        session: sessionFrom(response),
      });
      expect(whoami.body.data.workspace_id).toBe(workspace.id);
    } finally {
      await world.dispose();
    }
  });
});
