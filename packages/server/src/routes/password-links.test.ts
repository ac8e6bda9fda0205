import { findUserByEmail } from '@onepin/db';
import { dialectAvailable, testDialects } from '@onepin/db/test-support';
import { beforeAll, describe, expect } from 'vitest';
import { createUserWithWorkspace } from '../services/accounts.js';
import {
  issuePasswordLink,
  issuePasswordLinkForEmail,
  PASSWORD_LINK_TTL_MS,
} from '../services/password-links.js';
import { issueSetupUrl } from '../services/setup-token.js';
import { sessionFromResponse, type TestWorld, worldPerSuite } from '../test-support/world.js';

const PUBLIC_URL = 'http://onepin.test';
const tokenOf = (url: string | null) => new URL(url ?? '').searchParams.get('token') ?? '';

describe.each(testDialects)('$name: set-password links (admin commands)', (dialect) => {
  const suite = worldPerSuite(dialect, { settings: { publicUrl: PUBLIC_URL } });
  let world: TestWorld;

  beforeAll(() => {
    if (dialectAvailable(dialect)) world = suite.world;
  });

  const check = (token: string) => world.call('GET', `/api/v1/password-link?token=${token}`);
  const setPassword = (token: string, password: string) =>
    world.call('POST', '/api/v1/password-link', { body: { token, password } });

  suite.run(
    'gives a password-less account made by create-user its first password, once, and signs in',
    async () => {
      const { user, workspace } = await createUserWithWorkspace(world.deps, {
        email: 'headless@example.com',
        workspaceName: 'Headless',
      });
      const link = await issuePasswordLink(world.deps, user, PUBLIC_URL);
      expect(link.url).toMatch(/^http:\/\/onepin\.test\/set-password\?token=[A-Za-z0-9_-]{43}$/);
      const token = tokenOf(link.url);
      expect((await check(token)).body.data).toEqual({ email: 'headless@example.com' });

      expect((await setPassword(token, 'short')).status).toBe(422);
      const set = await setPassword(token, 'my very own password');
      expect(set.status).toBe(201);
      expect(set.body.data.workspace).toMatchObject({ id: workspace.id, role: 'admin' });
      expect((await setPassword(token, 'a second password!')).status).toBe(403);
      expect((await check(token)).status).toBe(404);
      const signIn = await world.call('POST', '/api/v1/session', {
        body: { email: 'headless@example.com', password: 'my very own password' },
      });
      expect(signIn.status).toBe(201);
      const activity = await world.call('GET', '/api/v1/activity', {
        session: sessionFromResponse(signIn),
      });
      expect(activity.body.data).toContainEqual(
        expect.objectContaining({ type: 'member_password_set' }),
      );
    },
  );

  suite.run(
    'reset-password: a new link ends the old ones, and using it ends every session of the account',
    async () => {
      await createUserWithWorkspace(world.deps, {
        email: 'forgetful@example.com',
        password: 'the old password',
        workspaceName: 'Forgetful',
      });
      const signedIn = sessionFromResponse(
        await world.call('POST', '/api/v1/session', {
          body: { email: 'forgetful@example.com', password: 'the old password' },
        }),
      );
      const first = await issuePasswordLinkForEmail(
        world.deps,
        'Forgetful@Example.com',
        PUBLIC_URL,
      );
      const second = await issuePasswordLinkForEmail(
        world.deps,
        'forgetful@example.com',
        PUBLIC_URL,
      );
      expect((await check(tokenOf(first.url))).status).toBe(404);
      expect((await setPassword(tokenOf(first.url), 'a brand new password')).status).toBe(403);
      // Issuing a link changes nothing by itself: the old password still works until it is used.
      const before = await findUserByEmail(world.database.handle.db, 'forgetful@example.com');
      expect((await world.call('GET', '/api/v1/session', { session: signedIn })).status).toBe(200);

      expect((await setPassword(tokenOf(second.url), 'a brand new password')).status).toBe(201);
      const after = await findUserByEmail(world.database.handle.db, 'forgetful@example.com');
      expect(after?.password_hash).not.toBe(before?.password_hash);
      expect((await world.call('GET', '/api/v1/session', { session: signedIn })).status).toBe(401);
      await expect(
        issuePasswordLinkForEmail(world.deps, 'nobody@example.com', PUBLIC_URL),
      ).rejects.toMatchObject({ status: 404 });
    },
  );

  suite.run('lets a link expire after 24 hours', async () => {
    const { user } = await createUserWithWorkspace(world.deps, {
      email: 'late@example.com',
      workspaceName: 'Late',
    });
    const link = await issuePasswordLink(world.deps, user, PUBLIC_URL);
    world.clock.advance(PASSWORD_LINK_TTL_MS);
    expect((await check(tokenOf(link.url))).status).toBe(404);
    expect((await setPassword(tokenOf(link.url), 'too late for this')).status).toBe(403);
  });

  suite.run('stores only hashes of the links', async () => {
    const { user } = await createUserWithWorkspace(world.deps, {
      email: 'hashed@example.com',
      workspaceName: 'Hashed',
    });
    const token = tokenOf((await issuePasswordLink(world.deps, user, PUBLIC_URL)).url);
    const rows = await world.database.handle.db.selectFrom('password_links').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(token);
  });
});

describe.each(testDialects)('$name: first-run setup link and stage', (dialect) => {
  const suite = worldPerSuite(dialect, { settings: { publicUrl: PUBLIC_URL } });

  suite.run(
    'keeps one setup link at a time: a new start replaces the link printed before',
    async () => {
      const { world } = suite;
      const first = tokenOf(await issueSetupUrl(world.deps, PUBLIC_URL));
      const second = tokenOf(await issueSetupUrl(world.deps, PUBLIC_URL));
      const usable = async (token: string) =>
        (await world.call('GET', `/api/v1/setup?token=${token}`)).body.data.usable;
      expect(await usable(first)).toBe(false);
      expect(await usable(second)).toBe(true);
      const stage = async () => (await world.call('GET', '/api/v1/setup')).body.data;
      expect(await stage()).toEqual({ usable: false, stage: 'no_user' });
      const body = { email: 'a@example.com', password: 'long enough!', workspace_name: 'W' };
      expect(
        (await world.call('POST', '/api/v1/setup', { body: { ...body, token: first } })).status,
      ).toBe(403);

      // create-user without a password: users exist, but no one can sign in yet.
      await createUserWithWorkspace(world.deps, { email: 'cli@example.com', workspaceName: 'CLI' });
      expect(await stage()).toEqual({ usable: false, stage: 'no_password' });
      expect(await issueSetupUrl(world.deps, PUBLIC_URL)).toBeNull();
      const { url } = await issuePasswordLinkForEmail(world.deps, 'cli@example.com', PUBLIC_URL);
      await world.call('POST', '/api/v1/password-link', {
        body: { token: tokenOf(url), password: 'now I can sign in' },
      });
      expect(await stage()).toEqual({ usable: false, stage: 'complete' });
    },
  );
});
