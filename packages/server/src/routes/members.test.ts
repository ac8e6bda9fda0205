import { dialectAvailable, testDialects } from '@onepin/db/test-support';
import { beforeAll, describe, expect } from 'vitest';
import { createUserWithWorkspace } from '../services/accounts.js';
import {
  type TestSession,
  type TestWorkspace,
  type TestWorld,
  worldPerSuite,
} from '../test-support/world.js';

describe.each(testDialects)('$name: members and invitations', (dialect) => {
  const suite = worldPerSuite(dialect, { settings: { publicUrl: 'http://onepin.test' } });
  let world: TestWorld;
  let home: TestWorkspace;
  let admin: TestSession;

  beforeAll(async () => {
    if (!dialectAvailable(dialect)) return;
    world = suite.world;
    home = await world.createWorkspace('Home');
    admin = await world.signIn(home);
  });

  const as = (session: TestSession) => ({
    add: (body: unknown) => world.call('POST', '/api/v1/members', { session, body }),
    patch: (userId: string, body: unknown) =>
      world.call('PATCH', `/api/v1/members/${userId}`, { session, body }),
    remove: (userId: string) => world.call('DELETE', `/api/v1/members/${userId}`, { session }),
    list: () => world.call('GET', '/api/v1/members', { session }),
  });

  suite.run(
    'adds a new person with a one-time link to set their password, which signs them in',
    async () => {
      const added = await as(admin).add({ email: ' New.Person@Example.com ', role: 'editor' });
      expect(added.status).toBe(201);
      expect(added.body.data.member).toMatchObject({
        email: 'new.person@example.com',
        role: 'editor',
        pending: true,
      });
      const link = new URL(added.body.data.invite_url);
      expect(link.origin + link.pathname).toBe('http://onepin.test/invite');
      const token = link.searchParams.get('token') ?? '';

      const check = await world.call('GET', `/api/v1/invitation?token=${token}`);
      expect(check.body.data).toEqual({ email: 'new.person@example.com', workspace_name: 'Home' });

      const short = await world.call('POST', '/api/v1/invitation', {
        body: { token, password: 'short' },
      });
      expect(short.status).toBe(422);
      const accepted = await world.call('POST', '/api/v1/invitation', {
        body: { token, password: 'a long enough password' },
      });
      expect(accepted.status).toBe(201);
      expect(accepted.body.data.workspace).toMatchObject({ id: home.id, role: 'editor' });
      expect(accepted.headers.get('set-cookie')).toMatch(/^onepin_session=/);

      const reused = await world.call('POST', '/api/v1/invitation', {
        body: { token, password: 'another long password' },
      });
      expect(reused.status).toBe(403);
      expect((await world.call('GET', `/api/v1/invitation?token=${token}`)).status).toBe(404);

      const signIn = await world.call('POST', '/api/v1/session', {
        body: { email: 'new.person@example.com', password: 'a long enough password' },
      });
      expect(signIn.status).toBe(201);
      const listed = await as(admin).list();
      expect(listed.body.data).toContainEqual(
        expect.objectContaining({ email: 'new.person@example.com', pending: false }),
      );
    },
  );

  suite.run('adds someone who already has a password without a link, and only once', async () => {
    await createUserWithWorkspace(world.deps, {
      email: 'has@example.com',
      password: 'a long enough password',
      workspaceName: 'Theirs',
    });
    const added = await as(admin).add({ email: 'has@example.com', role: 'viewer' });
    expect(added.status).toBe(201);
    expect(added.body.data.invite_url).toBeNull();
    expect(added.body.data.member.pending).toBe(false);
    const again = await as(admin).add({ email: 'has@example.com', role: 'admin' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('CONFLICT');
  });

  suite.run('validates the email and the role', async () => {
    const bad = await as(admin).add({ email: 'not-an-email', role: 'owner' });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.map((d: { field: string }) => d.field)).toContain('role');
    const badEmail = await as(admin).add({ email: 'not-an-email', role: 'viewer' });
    expect(badEmail.status).toBe(422);
    expect(badEmail.body.error.details).toEqual([
      { field: 'email', message: 'must be an email address' },
    ]);
  });

  suite.run('never leaves a workspace without an admin, and records every change', async () => {
    const solo = await world.createWorkspace('Solo');
    const owner = await world.signIn(solo);
    const demote = await as(owner).patch(solo.userId, { role: 'viewer' });
    expect(demote.status).toBe(409);
    expect(demote.body.error.message).toMatch(/at least one admin/);
    expect((await as(owner).remove(solo.userId)).status).toBe(409);

    const other = await world.addMember(solo, 'editor');
    expect((await as(owner).patch(other.userId, { role: 'admin' })).body.data.role).toBe('admin');
    expect((await as(owner).patch(solo.userId, { role: 'viewer' })).status).toBe(200);
    // The former owner is a viewer now: the server refuses them on the next request.
    expect((await as(owner).remove(other.userId)).status).toBe(403);

    const newAdmin = await world.sessionFor(other);
    const removed = await as(newAdmin).remove(solo.userId);
    expect(removed.status).toBe(200);
    expect(removed.body.data.email).toBe(solo.email);
    const gone = await world.call('GET', '/api/v1/session', { session: owner });
    expect(gone.status).toBe(401);

    const events = await world.call('GET', '/api/v1/activity', { session: newAdmin });
    const types = events.body.data.map((e: { type: string }) => e.type);
    expect(types).toEqual(expect.arrayContaining(['member_role_changed', 'member_removed']));
    expect((await as(newAdmin).remove('no-such-user')).status).toBe(404);
  });
});
