import { insertMembership } from '@onepin/db';
import { testDialects } from '@onepin/db/test-support';
import { describe, expect } from 'vitest';
import { worldPerSuite } from '../../test-support/world.js';

describe.each(testDialects)('$name: members at /workspaces/{ws_id}/…', (dialect) => {
  const suite = worldPerSuite(dialect);
  const { run } = suite;

  /** A person who is a viewer of their oldest workspace and an admin of a newer one. */
  async function personInTwoWorkspaces() {
    const world = suite.world;
    const viewed = await world.createWorkspace('Viewed');
    const owned = await world.createWorkspace('Owned');
    await insertMembership(world.database.handle.db, {
      workspace_id: viewed.id,
      user_id: owned.userId,
      role: 'viewer',
      // Older than their own workspace: without a path or header, this one is selected.
      created_at: '2000-01-01T00:00:00.000Z',
    });
    const session = await world.sessionFor({ userId: owned.userId, email: owned.email });
    return { viewed, owned, session };
  }

  run('acts in the workspace of the path, with the role held there', async () => {
    const { viewed, owned, session } = await personInTwoWorkspaces();
    const email = `new-${Date.now()}@example.com`;
    const invited = await suite.world.call('POST', `/api/v1/workspaces/${owned.id}/invites`, {
      session,
      body: { email, role: 'editor' },
    });
    expect(invited.status).toBe(201);
    expect(invited.body.data).toMatchObject({
      email,
      role: 'editor',
      status: 'pending',
      invited_by: owned.userId,
      invite_url: expect.stringMatching(/\/invite\?token=/),
    });
    const asViewer = await suite.world.call('POST', `/api/v1/workspaces/${viewed.id}/invites`, {
      session,
      body: { email: `other-${Date.now()}@example.com`, role: 'viewer' },
    });
    expect(asViewer.status).toBe(403);
    expect(asViewer.body.error.code).toBe('FORBIDDEN');

    const members = await suite.world.call('GET', `/api/v1/workspaces/${owned.id}/members`, {
      session,
    });
    expect(members.status).toBe(200);
    // Both joined at the same fake instant: their order is the user id's.
    expect(members.body.data).toHaveLength(2);
    expect(members.body.data).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ user_id: owned.userId, role: 'admin', status: 'active' }),
        expect.objectContaining({
          id: invited.body.data.id,
          email,
          role: 'editor',
          status: 'invited',
        }),
      ]),
    );
    // The same people as this server's own path, for the workspace the path names.
    const own = await suite.world.call('GET', '/api/v1/members', {
      session,
      headers: { 'x-workspace-id': owned.id },
    });
    expect(own.body.data.map((m: any) => m.user_id)).toEqual(
      members.body.data.map((m: any) => m.user_id),
    );
  });

  run('refuses an X-Workspace-Id that contradicts the path with 403', async () => {
    const { viewed, owned, session } = await personInTwoWorkspaces();
    const response = await suite.world.call('GET', `/api/v1/workspaces/${owned.id}/members`, {
      session,
      headers: { 'x-workspace-id': viewed.id },
    });
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('FORBIDDEN');
  });

  run('changes roles and removes members with the same rules (the last admin stays)', async () => {
    const { owned, session } = await personInTwoWorkspaces();
    const path = (id: string) => `/api/v1/workspaces/${owned.id}/members/${id}`;
    const demote = await suite.world.call('PATCH', path(owned.userId), {
      session,
      body: { role: 'viewer' },
    });
    expect(demote.status).toBe(409);
    const member = await suite.world.addMember(owned, 'viewer');
    const promoted = await suite.world.call('PATCH', path(member.userId), {
      session,
      body: { role: 'editor' },
    });
    expect(promoted.body.data).toMatchObject({ id: member.userId, role: 'editor' });
    const removed = await suite.world.call('DELETE', path(member.userId), { session });
    expect(removed.status).toBe(200);
    expect((await suite.world.call('DELETE', path(member.userId), { session })).status).toBe(404);
  });

  run('answers an invitation of someone already a member with 409', async () => {
    const { owned, session } = await personInTwoWorkspaces();
    const member = await suite.world.addMember(owned, 'viewer');
    const response = await suite.world.call('POST', `/api/v1/workspaces/${owned.id}/invites`, {
      session,
      body: { email: member.email, role: 'admin' },
    });
    expect(response.status).toBe(409);
  });
});
