import { findUserByEmail } from '@onepin/db';
import { dialectAvailable, testDialects } from '@onepin/db/test-support';
import { beforeAll, describe, expect } from 'vitest';
import { createUserWithWorkspace } from '../services/accounts.js';
import { INVITATION_TTL_MS } from '../services/invitations.js';
import { issuePasswordLinkForEmail } from '../services/password-links.js';
import {
  sessionFromResponse,
  type TestSession,
  type TestWorkspace,
  type TestWorld,
  worldPerSuite,
} from '../test-support/world.js';

const PUBLIC_URL = 'http://onepin.test';
const tokenOf = (url: string) => new URL(url).searchParams.get('token') ?? '';

describe.each(testDialects)('$name: invitations (issue 11)', (dialect) => {
  const suite = worldPerSuite(dialect, { settings: { publicUrl: PUBLIC_URL } });
  let world: TestWorld;

  beforeAll(() => {
    if (dialectAvailable(dialect)) world = suite.world;
  });

  const invite = (admin: TestSession, email: string, role = 'viewer') =>
    world.call('POST', '/api/v1/members', { session: admin, body: { email, role } });
  const createAccount = (token: string, password: string) =>
    world.call('POST', '/api/v1/invitation', { body: { token, password } });
  const accept = (session: TestSession, token: string) =>
    world.call('POST', '/api/v1/invitation/accept', { session, body: { token } });
  const signIn = (email: string, password: string, address = '10.9.0.1') =>
    world.call('POST', '/api/v1/session', { body: { email, password }, address });
  /** Whether `session` can act in `workspace` at all (GET /session with X-Workspace-Id). */
  const reaches = async (session: TestSession, workspace: { id: string }) =>
    (
      await world.call('GET', '/api/v1/session', {
        session,
        headers: { 'x-workspace-id': workspace.id },
      })
    ).status === 200;

  async function adminOf(name: string): Promise<{ workspace: TestWorkspace; admin: TestSession }> {
    const workspace = await world.createWorkspace(name);
    return { workspace, admin: await world.signIn(workspace) };
  }

  suite.run(
    'red team: an unrelated workspace admin cannot take over a password-less account made by admin create-user',
    async () => {
      // The operator's documented headless path: no --password.
      const { workspace: victimCorp } = await createUserWithWorkspace(world.deps, {
        email: 'victim@corp.example',
        workspaceName: 'Victim Corp',
      });
      const { admin: attacker } = await adminOf('Attacker Inc');

      const invited = await invite(attacker, 'victim@corp.example');
      expect(invited.status).toBe(201);
      const takeover = await createAccount(
        tokenOf(invited.body.data.invite_url),
        'attacker chosen password',
      );
      // No session, no password set: the account exists, so only its owner may accept.
      expect(takeover.status).toBe(409);
      expect(takeover.headers.get('set-cookie')).toBeNull();
      const victim = await findUserByEmail(world.database.handle.db, 'victim@corp.example');
      expect(victim?.password_hash).toBeNull();
      expect((await signIn('victim@corp.example', 'attacker chosen password')).status).toBe(401);

      // Signed in as themselves, the attacker cannot use the link either, nor reach Victim Corp.
      const asAttacker = await accept(attacker, tokenOf(invited.body.data.invite_url));
      expect(asAttacker.status).toBe(403);
      expect(await reaches(attacker, { id: victimCorp.id })).toBe(false);
    },
  );

  suite.run(
    'red team: workspace B squatting the email workspace A invited can deny A its member but never take over A',
    async () => {
      const a = await adminOf('Workspace A');
      const b = await adminOf('Workspace B');
      const email = 'newcomer@example.com';

      const invitedByA = await invite(a.admin, email, 'admin');
      expect(invitedByA.status).toBe(201);
      // B hears of it, invites the same email and uses its own link to make the account first.
      const invitedByB = await invite(b.admin, email, 'viewer');
      const squat = await createAccount(
        tokenOf(invitedByB.body.data.invite_url),
        'b owns this now',
      );
      expect(squat.status).toBe(201);
      const squatter = sessionFromResponse(squat);

      // The account B made belongs to B's workspace only: nothing of A, whatever B tries.
      expect(squat.body.data.workspaces.map((w: { id: string }) => w.id)).toEqual([b.workspace.id]);
      expect(await reaches(squatter, a.workspace)).toBe(false);
      expect((await accept(squatter, tokenOf(invitedByB.body.data.invite_url))).status).toBe(403);
      const reinvite = await invite(b.admin, email, 'admin');
      expect(reinvite.status).toBe(409);
      const signedIn = sessionFromResponse(await signIn(email, 'b owns this now'));
      expect(await reaches(signedIn, a.workspace)).toBe(false);

      // The real newcomer, with A's link, is refused — denied, not taken over — and A's
      // invitation stays open, so nothing of A changed hands.
      const denied = await createAccount(
        tokenOf(invitedByA.body.data.invite_url),
        'my own password',
      );
      expect(denied.status).toBe(409);
      expect(denied.body.error.message).toMatch(/sign in as newcomer@example\.com/);
      expect((await signIn(email, 'my own password')).status).toBe(401);
      const aMembers = await world.call('GET', '/api/v1/members', { session: a.admin });
      expect(aMembers.body.data).toContainEqual(
        expect.objectContaining({ email, status: 'invited', role: 'admin', user_id: null }),
      );

      // The way out: the operator prints a set-password link for the real person; B's
      // sessions end, and the newcomer accepts A's link signed in as themselves.
      const { url } = await issuePasswordLinkForEmail(world.deps, email, PUBLIC_URL);
      const reset = await world.call('POST', '/api/v1/password-link', {
        body: { token: tokenOf(url), password: 'my own password' },
      });
      expect(reset.status).toBe(201);
      expect((await world.call('GET', '/api/v1/session', { session: squatter })).status).toBe(401);
      expect((await world.call('GET', '/api/v1/session', { session: signedIn })).status).toBe(401);
      const joined = await accept(
        sessionFromResponse(reset),
        tokenOf(invitedByA.body.data.invite_url),
      );
      expect(joined.status).toBe(200);
      expect(joined.body.data.workspace).toMatchObject({ id: a.workspace.id, role: 'admin' });
    },
  );

  suite.run(
    'answers an invitation the same for a new email, an account with a password and one without',
    async () => {
      const { admin } = await adminOf('Even');
      await createUserWithWorkspace(world.deps, {
        email: 'has-password@example.com',
        password: 'a long enough password',
        workspaceName: 'Theirs',
      });
      await createUserWithWorkspace(world.deps, {
        email: 'no-password@example.com',
        workspaceName: 'Headless',
      });
      const shapes = [];
      for (const email of [
        'brand-new@example.com',
        'has-password@example.com',
        'no-password@example.com',
      ]) {
        const response = await invite(admin, email);
        expect(response.status).toBe(201);
        const { member, invite_url } = response.body.data;
        expect(invite_url).toMatch(/^http:\/\/onepin\.test\/invite\?token=[A-Za-z0-9_-]{43}$/);
        shapes.push({
          keys: Object.keys(member).sort(),
          status: member.status,
          user_id: member.user_id,
          joined_at: member.joined_at,
        });
        const check = await world.call('GET', `/api/v1/invitation?token=${tokenOf(invite_url)}`);
        expect(Object.keys(check.body.data).sort()).toEqual([
          'email',
          'expires_at',
          'invited_by_email',
          'role',
          'workspace_name',
        ]);
      }
      expect(shapes[1]).toEqual(shapes[0]);
      expect(shapes[2]).toEqual(shapes[0]);
      expect(shapes[0]).toMatchObject({ status: 'invited', user_id: null, joined_at: null });
    },
  );

  suite.run(
    'lets a new person create their account with the link, once, and records that they joined',
    async () => {
      const { workspace, admin } = await adminOf('Home');
      const added = await invite(admin, ' New.Person@Example.com ', 'editor');
      expect(added.body.data.member).toMatchObject({
        email: 'new.person@example.com',
        role: 'editor',
        status: 'invited',
        invited_by_email: admin.email,
      });
      const token = tokenOf(added.body.data.invite_url);
      const check = await world.call('GET', `/api/v1/invitation?token=${token}`);
      expect(check.body.data).toEqual({
        email: 'new.person@example.com',
        workspace_name: 'Home',
        role: 'editor',
        invited_by_email: admin.email,
        expires_at: new Date(world.clock.now() + INVITATION_TTL_MS).toISOString(),
      });
      expect(await findUserByEmail(world.database.handle.db, 'new.person@example.com')).toBe(
        undefined,
      );

      expect((await createAccount(token, 'short')).status).toBe(422);
      const created = await createAccount(token, 'a long enough password');
      expect(created.status).toBe(201);
      expect(created.body.data.workspace).toMatchObject({ id: workspace.id, role: 'editor' });
      expect(created.headers.get('set-cookie')).toMatch(/^onepin_session=/);

      expect((await createAccount(token, 'another long password')).status).toBe(403);
      expect((await world.call('GET', `/api/v1/invitation?token=${token}`)).status).toBe(404);
      expect((await signIn('new.person@example.com', 'a long enough password')).status).toBe(201);

      const members = await world.call('GET', '/api/v1/members', { session: admin });
      expect(members.body.data).toContainEqual(
        expect.objectContaining({
          email: 'new.person@example.com',
          status: 'active',
          role: 'editor',
          joined_at: expect.any(String),
        }),
      );
      const activity = await world.call('GET', '/api/v1/activity', { session: admin });
      expect(activity.body.data).toContainEqual(
        expect.objectContaining({
          type: 'member_joined',
          actor: expect.objectContaining({ name: 'new.person@example.com' }),
          metadata: { email: 'new.person@example.com', role: 'editor', invited_by: admin.email },
        }),
      );
      expect(activity.body.data).toContainEqual(
        expect.objectContaining({ type: 'member_invited' }),
      );
    },
  );

  suite.run(
    'joins an existing account only when its owner accepts signed in as the invited email',
    async () => {
      const { workspace, admin } = await adminOf('Team');
      const owner = await world.createWorkspace('Own');
      const ownerSession = await world.signIn(owner);
      const stranger = await world.signIn(await world.createWorkspace('Stranger'));
      const added = await invite(admin, owner.email.toUpperCase(), 'editor');
      const token = tokenOf(added.body.data.invite_url);

      const wrongAccount = await accept(stranger, token);
      expect(wrongAccount.status).toBe(403);
      expect(wrongAccount.body.error.message).toContain(`This invitation is for ${owner.email}`);
      const noCsrf = await world.call('POST', '/api/v1/invitation/accept', {
        session: ownerSession,
        csrf: false,
        body: { token },
      });
      expect(noCsrf.body.error.code).toBe('CSRF_FAILED');

      const accepted = await accept(ownerSession, token);
      expect(accepted.status).toBe(200);
      expect(accepted.body.data.workspace).toMatchObject({ id: workspace.id, role: 'editor' });
      expect(accepted.body.data.workspaces.map((w: { id: string }) => w.id).sort()).toEqual(
        [owner.id, workspace.id].sort(),
      );
      expect(await reaches(ownerSession, workspace)).toBe(true);
      expect((await accept(ownerSession, token)).status).toBe(403);
      // The existing account's password was never asked for nor touched.
      expect((await invite(admin, owner.email)).status).toBe(409);
    },
  );

  suite.run(
    're-issues a pending invitation’s link (the old one stops) and withdraws it',
    async () => {
      const { admin } = await adminOf('Reissue');
      const first = await invite(admin, 'lost-link@example.com', 'viewer');
      const second = await invite(admin, 'lost-link@example.com', 'editor');
      expect(second.status).toBe(201);
      expect(second.body.data.member.role).toBe('editor');
      const oldToken = tokenOf(first.body.data.invite_url);
      const newToken = tokenOf(second.body.data.invite_url);
      expect((await world.call('GET', `/api/v1/invitation?token=${oldToken}`)).status).toBe(404);
      expect((await createAccount(oldToken, 'a long enough password')).status).toBe(403);
      const listed = await world.call('GET', '/api/v1/members', { session: admin });
      expect(
        listed.body.data.filter((m: { email: string }) => m.email === 'lost-link@example.com'),
      ).toHaveLength(1);

      const cancelled = await world.call(
        'DELETE',
        `/api/v1/members/invitations/${second.body.data.member.id}`,
        { session: admin },
      );
      expect(cancelled.status).toBe(200);
      expect((await world.call('GET', `/api/v1/invitation?token=${newToken}`)).status).toBe(404);
      const activity = await world.call('GET', '/api/v1/activity', { session: admin });
      expect(activity.body.data).toContainEqual(
        expect.objectContaining({
          type: 'member_invitation_cancelled',
          metadata: { email: 'lost-link@example.com', role: 'editor' },
        }),
      );
      const again = await world.call(
        'DELETE',
        `/api/v1/members/invitations/${second.body.data.member.id}`,
        { session: admin },
      );
      expect(again.status).toBe(404);
    },
  );

  suite.run('lets a link expire after 7 days', async () => {
    const { workspace, admin } = await adminOf('Expiry');
    const added = await invite(admin, 'slow@example.com');
    const token = tokenOf(added.body.data.invite_url);
    world.clock.advance(INVITATION_TTL_MS);
    expect((await world.call('GET', `/api/v1/invitation?token=${token}`)).status).toBe(404);
    expect((await createAccount(token, 'a long enough password')).status).toBe(403);
    // Still listed, so an admin can issue a new link (the admin's session is new: 7 days passed).
    const listed = await world.call('GET', '/api/v1/members', {
      session: await world.signIn(workspace),
    });
    expect(listed.body.data).toContainEqual(
      expect.objectContaining({ email: 'slow@example.com', status: 'invited' }),
    );
  });
});
