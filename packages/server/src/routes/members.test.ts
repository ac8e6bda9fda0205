import { dialectAvailable, testDialects } from '@onepin/db/test-support';
import { beforeAll, describe, expect } from 'vitest';
import {
  type TestSession,
  type TestWorkspace,
  type TestWorld,
  worldPerSuite,
} from '../test-support/world.js';

describe.each(testDialects)('$name: members', (dialect) => {
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
    remove: (userId: string, query = '') =>
      world.call('DELETE', `/api/v1/members/${userId}${query}`, { session }),
    keys: (userId: string) => world.call('GET', `/api/v1/members/${userId}/api-keys`, { session }),
    list: () => world.call('GET', '/api/v1/members', { session }),
  });
  const whoami = (key: string) => world.call('GET', '/api/v1/auth/whoami', { key });

  /** A second admin of `workspace` who makes a key through the API, as a person would. */
  async function memberWithKey(workspace: TestWorkspace, name: string) {
    const person = await world.addMember(workspace, 'admin');
    const session = await world.sessionFor(person);
    const made = await world.call('POST', '/api/v1/api-keys', {
      session,
      body: { name, scopes: ['workspace:read'] },
    });
    expect(made.status).toBe(201);
    return { person, session, key: made.body.data as { id: string; api_key: string } };
  }

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

  suite.run('refuses to invite someone already in the workspace (409)', async () => {
    const member = await world.addMember(home, 'viewer');
    const again = await as(admin).add({ email: member.email, role: 'admin' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('CONFLICT');
  });

  suite.run(
    'lists members, then pending invitations as "invited" with who invited and when, and marks the only admin',
    async () => {
      const solo = await world.createWorkspace('Listing');
      const owner = await world.signIn(solo);
      world.clock.advance(1000);
      const editor = await world.addMember(solo, 'editor');
      world.clock.advance(1000);
      await as(owner).add({ email: 'pending@example.com', role: 'viewer' });
      const listed = await as(owner).list();
      expect(listed.body.pagination.total).toBe(3);
      expect(listed.body.data).toEqual([
        expect.objectContaining({
          id: solo.userId,
          user_id: solo.userId,
          status: 'active',
          role: 'admin',
          joined_at: expect.any(String),
          last_admin: true,
        }),
        expect.objectContaining({ user_id: editor.userId, status: 'active', last_admin: false }),
        expect.objectContaining({
          user_id: null,
          email: 'pending@example.com',
          status: 'invited',
          joined_at: null,
          invited_at: new Date(world.clock.now()).toISOString(),
          invited_by: solo.userId,
          invited_by_email: solo.email,
          expires_at: expect.any(String),
          last_admin: false,
        }),
      ]);
      const secondPage = await world.call('GET', '/api/v1/members?limit=1&offset=2', {
        session: owner,
      });
      expect(secondPage.body.data.map((m: { email: string }) => m.email)).toEqual([
        'pending@example.com',
      ]);
      const viewer = await world.signIn(solo, 'viewer');
      expect((await as(viewer).list()).status).toBe(200);
    },
  );

  suite.run('never leaves a workspace without an admin, and records every change', async () => {
    const solo = await world.createWorkspace('Solo');
    const owner = await world.signIn(solo);
    const demote = await as(owner).patch(solo.userId, { role: 'viewer' });
    expect(demote.status).toBe(409);
    expect(demote.body.error.message).toMatch(/at least one admin/);
    expect((await as(owner).remove(solo.userId)).status).toBe(409);

    const other = await world.addMember(solo, 'editor');
    const promoted = await as(owner).patch(other.userId, { role: 'admin' });
    expect(promoted.body.data).toMatchObject({ role: 'admin', last_admin: false });
    expect((await as(owner).patch(solo.userId, { role: 'viewer' })).status).toBe(200);
    // The former owner is a viewer now: the server refuses them on the next request.
    expect((await as(owner).remove(other.userId)).status).toBe(403);

    const newAdmin = await world.sessionFor(other);
    const removed = await as(newAdmin).remove(solo.userId);
    expect(removed.status).toBe(200);
    expect(removed.body.data.member.email).toBe(solo.email);
    const gone = await world.call('GET', '/api/v1/session', { session: owner });
    expect(gone.status).toBe(401);

    const events = await world.call('GET', '/api/v1/activity', { session: newAdmin });
    const types = events.body.data.map((e: { type: string }) => e.type);
    expect(types).toEqual(expect.arrayContaining(['member_role_changed', 'member_removed']));
    expect((await as(newAdmin).remove('no-such-user')).status).toBe(404);
  });

  suite.run(
    "revokes a removed member's keys in the same action by default, at once on this node, and records it",
    async () => {
      const {
        person,
        session: leaverSession,
        key,
      } = await memberWithKey(home, 'made by the leaver');
      // Made by another person's key: not theirs, so it keeps working.
      const child = await world.call('POST', '/api/v1/api-keys', {
        key: (await world.createKey(home, { scopes: ['api_keys:write', 'workspace:read'] }))
          .plaintext,
        body: { name: 'not theirs' },
      });
      expect(child.status).toBe(201);
      expect((await whoami(key.api_key)).status).toBe(200); // now in the verification cache
      // Theirs too: a key their key made, and a key of theirs an admin deactivated (it could
      // be re-activated).
      const writer = await world.call('POST', '/api/v1/api-keys', {
        session: leaverSession,
        body: { name: 'writer', scopes: ['api_keys:write', 'workspace:read'] },
      });
      const grandchild = await world.call('POST', '/api/v1/api-keys', {
        key: writer.body.data.api_key,
        body: { name: 'made by their key', scopes: ['workspace:read'] },
      });
      expect(grandchild.status).toBe(201);
      await world.call('PATCH', `/api/v1/api-keys/${writer.body.data.id}`, {
        session: admin,
        body: { active: false },
      });
      const theirs = [key.id, writer.body.data.id, grandchild.body.data.id];

      const removed = await as(admin).remove(person.userId);
      expect(removed.status).toBe(200);
      expect((await whoami(key.api_key)).status).toBe(401);
      expect(removed.body.data.revoked_keys.map((k: { id: string }) => k.id).sort()).toEqual(
        theirs.sort(),
      );
      for (const revoked of removed.body.data.revoked_keys) {
        expect(revoked).toMatchObject({ active: false, revoked_at: expect.any(String) });
      }
      expect((await whoami(grandchild.body.data.api_key)).status).toBe(401);
      expect((await whoami(child.body.data.api_key)).status).toBe(200);
      expect(removed.body.data.kept_keys).toEqual([]);

      const events = await world.call('GET', '/api/v1/activity', { session: admin });
      expect(events.body.data).toContainEqual(
        expect.objectContaining({
          type: 'member_removed',
          metadata: expect.objectContaining({
            email: person.email,
            revoke_keys: true,
            revoked_keys: expect.arrayContaining([{ id: key.id, name: 'made by the leaver' }]),
            kept_keys: [],
          }),
        }),
      );
      expect(events.body.data).toContainEqual(
        expect.objectContaining({
          type: 'api_key_revoked',
          target: { type: 'api_key', id: key.id },
          metadata: {
            name: 'made by the leaver',
            preview: expect.stringMatching(/^op_live_…\w{4}$/),
            reason: 'member_removed',
          },
        }),
      );
    },
  );

  suite.run(
    'keeps a removed member’s keys working when the admin says so, and records that',
    async () => {
      const { person, key } = await memberWithKey(home, 'kept on purpose');
      // What the removal dialog lists first: the keys they made here that still work.
      const listed = await as(admin).keys(person.userId);
      expect(listed.body.data.map((k: { id: string }) => k.id)).toEqual([key.id]);
      const removed = await as(admin).remove(person.userId, '?revoke_keys=false');
      expect(removed.status).toBe(200);
      expect(removed.body.data.revoked_keys).toEqual([]);
      expect(removed.body.data.kept_keys).toEqual([expect.objectContaining({ id: key.id })]);
      expect((await whoami(key.api_key)).status).toBe(200);
      const events = await world.call('GET', '/api/v1/activity', { session: admin });
      expect(events.body.data).toContainEqual(
        expect.objectContaining({
          type: 'member_removed',
          metadata: expect.objectContaining({
            revoke_keys: false,
            kept_keys: [{ id: key.id, name: 'kept on purpose' }],
          }),
        }),
      );
      expect((await as(admin).remove(person.userId, '?revoke_keys=maybe')).status).toBe(422);
      expect((await as(admin).keys(person.userId)).status).toBe(404);
    },
  );
});
