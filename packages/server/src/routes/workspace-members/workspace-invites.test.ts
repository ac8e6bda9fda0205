import { findUserByEmail } from '@onepin/db';
import { dialectAvailable, testDialects } from '@onepin/db/test-support';
import { beforeAll, describe, expect, vi } from 'vitest';
import { INVITATION_TTL_MS } from '../../services/invitations.js';
import {
  type TestSession,
  type TestWorkspace,
  type TestWorld,
  worldPerSuite,
} from '../../test-support/world.js';

const tokenOf = (url: string) => new URL(url).searchParams.get('token') ?? '';

describe.each(testDialects)(
  '$name: invitations as objects at the public API’s paths',
  (dialect) => {
    const suite = worldPerSuite(dialect, { settings: { publicUrl: 'http://onepin.test' } });
    let world: TestWorld;

    beforeAll(() => {
      if (dialectAvailable(dialect)) world = suite.world;
    });

    let counter = 0;
    const freshEmail = (prefix: string) => `${prefix}-${++counter}-${Date.now()}@example.com`;

    async function adminOf(
      name: string,
    ): Promise<{ workspace: TestWorkspace; admin: TestSession }> {
      const workspace = await world.createWorkspace(name);
      return { workspace, admin: await world.signIn(workspace) };
    }

    const invite = async (admin: TestSession, ws: string, email: string, role = 'viewer') => {
      const response = await world.call('POST', `/api/v1/workspaces/${ws}/invites`, {
        session: admin,
        body: { email, role },
      });
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      return response.body.data as { id: string; email: string; invite_url: string };
    };
    const invitePath = (ws: string, id: string) => `/api/v1/workspaces/${ws}/invites/${id}`;
    const revoke = (session: TestSession, ws: string, id: string) =>
      world.call('DELETE', invitePath(ws, id), { session });
    const reRole = (session: TestSession, ws: string, id: string, role: string) =>
      world.call('PATCH', invitePath(ws, id), { session, body: { role } });
    const accept = (session: TestSession | undefined, token: string, csrf = true) =>
      world.call('POST', `/api/v1/workspaces/invites/${token}/accept`, {
        ...(session && { session }),
        csrf,
      });
    const listed = async (admin: TestSession, ws: string) =>
      (await world.call('GET', `/api/v1/workspaces/${ws}/members`, { session: admin })).body.data;
    /** Whether `session` can act in `workspace` at all. */
    const reaches = async (session: TestSession, workspace: { id: string }) =>
      (
        await world.call('GET', '/api/v1/session', {
          session,
          headers: { 'x-workspace-id': workspace.id },
        })
      ).status === 200;

    suite.run(
      'changes the role a pending invitation grants (same link), then withdraws it, audited',
      async () => {
        const { workspace, admin } = await adminOf('Objects');
        const email = freshEmail('pending');
        const made = await invite(admin, workspace.id, email, 'editor');

        const changed = await reRole(admin, workspace.id, made.id, 'viewer');
        expect(changed.status).toBe(200);
        expect(changed.body.data).toEqual({
          id: made.id,
          email,
          role: 'viewer',
          status: 'pending',
          expires_at: expect.any(String),
          invited_by: workspace.userId,
          created_at: expect.any(String),
        });
        expect(await listed(admin, workspace.id)).toContainEqual(
          expect.objectContaining({ id: made.id, role: 'viewer', status: 'invited' }),
        );
        // The link still works, for the new role: checked by our own link page.
        const check = await world.call(
          'GET',
          `/api/v1/invitation?token=${tokenOf(made.invite_url)}`,
        );
        expect(check.body.data).toMatchObject({ email, role: 'viewer' });

        const revoked = await revoke(admin, workspace.id, made.id);
        expect(revoked.status).toBe(200);
        expect(revoked.body.data).toMatchObject({ id: made.id, email, status: 'revoked' });
        expect(revoked.body.data).not.toHaveProperty('invite_url');
        expect((await listed(admin, workspace.id)).map((m: { id: string }) => m.id)).not.toContain(
          made.id,
        );
        const gone = await world.call(
          'GET',
          `/api/v1/invitation?token=${tokenOf(made.invite_url)}`,
        );
        expect(gone.status).toBe(404);
        // Withdrawn: not found to either operation.
        expect((await revoke(admin, workspace.id, made.id)).status).toBe(404);
        expect((await reRole(admin, workspace.id, made.id, 'admin')).status).toBe(404);

        const activity = await world.call('GET', '/api/v1/activity', { session: admin });
        expect(activity.body.data).toContainEqual(
          expect.objectContaining({
            type: 'member_invitation_role_changed',
            metadata: { email, from: 'editor', to: 'viewer' },
          }),
        );
        expect(activity.body.data).toContainEqual(
          expect.objectContaining({
            type: 'member_invitation_cancelled',
            metadata: { email, role: 'viewer' },
          }),
        );
      },
    );

    suite.run(
      'red team: an admin of another workspace can neither withdraw nor re-role an invitation (404)',
      async () => {
        const victim = await adminOf('Victim');
        const attacker = await adminOf('Attacker');
        const made = await invite(
          victim.admin,
          victim.workspace.id,
          freshEmail('target'),
          'viewer',
        );

        // Through the victim's workspace in the path: the attacker is not a member there.
        const viaVictim = await revoke(attacker.admin, victim.workspace.id, made.id);
        expect(viaVictim.status).toBe(404);
        expect((await reRole(attacker.admin, victim.workspace.id, made.id, 'admin')).status).toBe(
          404,
        );
        // Through their own workspace in the path, with the victim's invitation id.
        const viaOwn = await revoke(attacker.admin, attacker.workspace.id, made.id);
        expect(viaOwn.status).toBe(404);
        expect(viaOwn.body.error.code).toBe('NOT_FOUND');
        const reRoled = await reRole(attacker.admin, attacker.workspace.id, made.id, 'admin');
        expect(reRoled.status).toBe(404);
        // Their own workspace in the path, the victim's in X-Workspace-Id: refused outright.
        const mixed = await world.call('DELETE', invitePath(attacker.workspace.id, made.id), {
          session: attacker.admin,
          headers: { 'x-workspace-id': victim.workspace.id },
        });
        expect(mixed.status).toBe(403);
        // Odd ids are not found either (no 500, no lookup of junk).
        const junk = await revoke(attacker.admin, attacker.workspace.id, 'x%00y');
        expect(junk.status).toBe(404);

        // A member of the victim's workspace who is not an admin may not either.
        const editor = await world.signIn(victim.workspace, 'editor');
        const asEditor = await reRole(editor, victim.workspace.id, made.id, 'admin');
        expect(asEditor.status).toBe(403);
        expect(asEditor.body.error.code).toBe('FORBIDDEN');
        expect((await revoke(editor, victim.workspace.id, made.id)).status).toBe(403);

        // Nothing changed: still pending, still a viewer, the link still works.
        expect(await listed(victim.admin, victim.workspace.id)).toContainEqual(
          expect.objectContaining({ id: made.id, role: 'viewer', status: 'invited' }),
        );
        const check = await world.call(
          'GET',
          `/api/v1/invitation?token=${tokenOf(made.invite_url)}`,
        );
        expect(check.status).toBe(200);
      },
    );

    suite.run(
      'accepts by token only for the signed-in owner of the invited email, once, without touching passwords',
      async () => {
        const { workspace, admin } = await adminOf('Team');
        const owner = await world.createWorkspace('Own');
        const ownerSession = await world.signIn(owner);
        const stranger = await world.signIn(await world.createWorkspace('Stranger'));
        const made = await invite(admin, workspace.id, owner.email.toUpperCase(), 'editor');
        const token = tokenOf(made.invite_url);
        const before = await findUserByEmail(world.database.handle.db, owner.email);

        // Nobody signed in: 401, and nothing is made or said about the account.
        const anonymous = await accept(undefined, token);
        expect(anonymous.status).toBe(401);
        expect(JSON.stringify(anonymous.body)).not.toContain(owner.email);
        // Someone else, signed in as another email: 403, and they reach nothing.
        const wrongAccount = await accept(stranger, token);
        expect(wrongAccount.status).toBe(403);
        expect(wrongAccount.body.error.message).toContain(`This invitation is for ${owner.email}`);
        expect(await reaches(stranger, workspace)).toBe(false);
        // The owner, without the CSRF token: refused before anything.
        const noCsrf = await accept(ownerSession, token, false);
        expect(noCsrf.body.error.code).toBe('CSRF_FAILED');
        // An API key of the owner's own workspace: sessions only.
        const key = await world.createKey(owner, { scopes: ['workspace:read'] });
        const byKey = await world.call('POST', `/api/v1/workspaces/invites/${token}/accept`, {
          key: key.plaintext,
        });
        expect(byKey.status).toBe(403);

        const accepted = await accept(ownerSession, token);
        expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
        expect(accepted.body.data).toEqual({ workspace_id: workspace.id, role: 'editor' });
        expect(await reaches(ownerSession, workspace)).toBe(true);
        expect(await listed(admin, workspace.id)).toContainEqual(
          expect.objectContaining({ user_id: owner.userId, role: 'editor', status: 'active' }),
        );

        // Twice: the link is used (410), and the invitation is no object any more (404).
        const again = await accept(ownerSession, token);
        expect(again.status).toBe(410);
        expect(again.body.error.code).toBe('GONE');
        expect((await revoke(admin, workspace.id, made.id)).status).toBe(404);
        expect((await reRole(admin, workspace.id, made.id, 'admin')).status).toBe(404);

        const after = await findUserByEmail(world.database.handle.db, owner.email);
        expect(after?.password_hash).toBe(before?.password_hash);
        const activity = await world.call('GET', '/api/v1/activity', { session: admin });
        expect(activity.body.data).toContainEqual(
          expect.objectContaining({
            type: 'member_joined',
            metadata: { email: owner.email, role: 'editor', invited_by: admin.email },
          }),
        );
      },
    );

    suite.run(
      'answers 410 to a withdrawn or expired link, 409 to re-roling an expired invitation, which may still be withdrawn',
      async () => {
        const { workspace } = await adminOf('Lapsed');
        let admin = await world.signIn(workspace);
        const invitee = await world.createWorkspace('Invitee');

        const withdrawn = await invite(admin, workspace.id, invitee.email, 'admin');
        expect((await revoke(admin, workspace.id, withdrawn.id)).status).toBe(200);
        const late = await accept(await world.signIn(invitee), tokenOf(withdrawn.invite_url));
        expect(late.status).toBe(410);

        const lapsing = await invite(admin, workspace.id, invitee.email, 'viewer');
        world.clock.advance(INVITATION_TTL_MS);
        admin = await world.signIn(workspace);
        const inviteeSession = await world.signIn(invitee);
        const expired = await accept(inviteeSession, tokenOf(lapsing.invite_url));
        expect(expired.status).toBe(410);
        expect(await reaches(inviteeSession, workspace)).toBe(false);
        const reRoled = await reRole(admin, workspace.id, lapsing.id, 'admin');
        expect(reRoled.status).toBe(409);
        expect(reRoled.body.error.message).toContain('has expired');
        expect(await listed(admin, workspace.id)).toContainEqual(
          expect.objectContaining({ id: lapsing.id, role: 'viewer' }),
        );
        expect((await revoke(admin, workspace.id, lapsing.id)).status).toBe(200);
      },
    );

    suite.run('counts an unusable token as a failed authentication of the address', async () => {
      const person = await world.signIn(await world.createWorkspace('Guesser'));
      const recorded = vi.spyOn(world.deps.failedAuth, 'recordFailure');
      try {
        const guess = await accept(person, 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
        expect(guess.status).toBe(410);
        expect(recorded).toHaveBeenCalledTimes(1);
        const long = await accept(person, 'x'.repeat(201));
        expect(long.status).toBe(422);
      } finally {
        recorded.mockRestore();
      }
    });
  },
);
