import { ROLE_SCOPES } from '@onepin/core';
import { dialectAvailable, testDialects } from '@onepin/db/test-support';
import { beforeAll, describe, expect } from 'vitest';
import { UserCodeThrottle } from '../auth/user-code-throttle.js';
import { pendingUserCode } from '../test-support/device-contract-cases.js';
import {
  type TestSession,
  type TestWorkspace,
  type TestWorld,
  worldPerSuite,
} from '../test-support/world.js';

const DAY_MS = 24 * 60 * 60_000;

/**
 * The member's side of `onepin login --web`: the approval page's lookup, what a role may
 * grant, the choice of workspace, environment and expiry, and the user-code throttle.
 */
describe.each(testDialects)('$name: device login, the approval (issue 15)', (dialect) => {
  const suite = worldPerSuite(dialect, { settings: { publicUrl: 'http://onepin.test' } });
  let world: TestWorld;
  let addressCounter = 0;

  beforeAll(() => {
    if (dialectAvailable(dialect)) world = suite.world;
  });

  const newAddress = () => `192.0.2.${++addressCounter}`;
  const lookup = (session: TestSession, userCode: string, address = newAddress()) =>
    world.call('GET', `/api/v1/device?user_code=${encodeURIComponent(userCode)}`, {
      session,
      address,
    });
  const approve = (session: TestSession, body: Record<string, unknown>, address = newAddress()) =>
    world.call('POST', '/api/v1/device/approve', { session, body, address });
  async function adminOf(name: string): Promise<{ workspace: TestWorkspace; admin: TestSession }> {
    const workspace = await world.createWorkspace(name);
    return { workspace, admin: await world.signIn(workspace) };
  }

  suite.run(
    'shows what is asking — CLI version, host, OS, the address and time the server saw — and what each workspace allows',
    async () => {
      const { workspace, admin } = await adminOf('Lookup');
      const userCode = await pendingUserCode(world, 'mybox');
      const shown = await lookup(admin, userCode.toLowerCase());
      expect(shown.status, JSON.stringify(shown.body)).toBe(200);
      expect(shown.body.data).toMatchObject({
        user_code: userCode,
        client_name: 'onepin',
        client_version: '0.1.0',
        host_name: 'mybox',
        os: 'linux x64',
        ip_address: '192.0.2.10',
        user_agent: 'onepin/0.1.0',
        requested_at: new Date(world.clock.now()).toISOString(),
        key_name: 'CLI on mybox',
        default_expires_in_days: 90,
        max_expires_in_days: 365,
      });
      expect(shown.body.data.workspaces).toEqual([
        {
          id: workspace.id,
          name: 'Lookup',
          role: 'admin',
          grantable_scopes: [...ROLE_SCOPES.admin],
          default_scopes: ROLE_SCOPES.admin.filter((s) => s !== 'api_keys:write'),
        },
      ]);
    },
  );

  suite.run(
    'a viewer cannot grant api_keys:write (403 naming it), nor an editor; by default each gets what the role allows',
    async () => {
      const { workspace } = await adminOf('Roles');
      const viewer = await world.signIn(workspace, 'viewer');
      const editor = await world.signIn(workspace, 'editor');
      for (const session of [viewer, editor]) {
        const userCode = await pendingUserCode(world);
        const refused = await approve(session, {
          user_code: userCode,
          workspace_id: workspace.id,
          scopes: ['workflows:read', 'api_keys:write'],
        });
        expect(refused.status).toBe(403);
        expect(refused.body.error.code).toBe('INSUFFICIENT_SCOPE');
        expect(refused.body.error.message).toContain('api_keys:write');
        expect(refused.body.error.message).not.toContain('workflows:read');
        // Still waiting: the refusal decided nothing.
        expect((await lookup(session, userCode)).status).toBe(200);
      }
      const userCode = await pendingUserCode(world);
      const byDefault = await approve(viewer, { user_code: userCode, workspace_id: workspace.id });
      expect(byDefault.status).toBe(200);
      expect(byDefault.body.data.scopes).toEqual([...ROLE_SCOPES.viewer]);
      const asEditor = await approve(editor, {
        user_code: await pendingUserCode(world),
        workspace_id: workspace.id,
        scopes: ['uploads:write'],
      });
      expect(asEditor.status).toBe(200);
    },
  );

  suite.run(
    'an admin may tick api_keys:write, and pick a test key with a 7-day expiry',
    async () => {
      const { workspace, admin } = await adminOf('Admin grants');
      const approved = await approve(admin, {
        user_code: await pendingUserCode(world),
        workspace_id: workspace.id,
        scopes: ['api_keys:write', 'api_keys:read', 'api_keys:write'],
        key_type: 'test',
        expires_in_days: 7,
      });
      expect(approved.status).toBe(200);
      expect(approved.body.data).toMatchObject({
        key_type: 'test',
        scopes: ['api_keys:read', 'api_keys:write'],
        key_expires_at: new Date(world.clock.now() + 7 * DAY_MS).toISOString(),
      });
    },
  );

  suite.run(
    "approves for any of the member's workspaces, never one they are not in (404, the code still waits)",
    async () => {
      const { workspace: mine, admin } = await adminOf('Mine');
      const { workspace: theirs } = await adminOf('Theirs');
      const other = await world.createWorkspace('Second of mine');
      await world.database.handle.db
        .insertInto('memberships')
        .values({
          workspace_id: other.id,
          user_id: mine.userId,
          role: 'viewer',
          created_at: new Date(world.clock.now()).toISOString(),
        })
        .execute();
      const userCode = await pendingUserCode(world);
      const foreign = await approve(admin, { user_code: userCode, workspace_id: theirs.id });
      expect(foreign.status).toBe(404);
      const shown = await lookup(admin, userCode);
      expect(shown.body.data.workspaces.map((w: { name: string }) => w.name).sort()).toEqual([
        'Mine',
        'Second of mine',
      ]);
      const asViewer = await approve(admin, {
        user_code: userCode,
        workspace_id: other.id,
        scopes: ['workflows:write'],
      });
      expect(asViewer.status).toBe(403);
      const approved = await approve(admin, { user_code: userCode, workspace_id: other.id });
      expect(approved.status).toBe(200);
      expect(approved.body.data).toMatchObject({
        workspace_id: other.id,
        scopes: [...ROLE_SCOPES.viewer],
      });
      const activity = await world.call('GET', '/api/v1/activity', {
        session: admin,
        headers: { 'x-workspace-id': other.id },
      });
      const events = activity.body.data as Array<{ type: string }>;
      expect(events.find((e) => e.type === 'device_login_approved')).toMatchObject({
        metadata: { host_name: 'build-box', ip_address: '192.0.2.10', key_type: 'live' },
      });
    },
  );

  suite.run('a code is decided once: approving or denying it again is a 404', async () => {
    const { workspace, admin } = await adminOf('Once');
    const userCode = await pendingUserCode(world);
    expect((await approve(admin, { user_code: userCode, workspace_id: workspace.id })).status).toBe(
      200,
    );
    expect((await approve(admin, { user_code: userCode, workspace_id: workspace.id })).status).toBe(
      404,
    );
    const deny = await world.call('POST', '/api/v1/device/deny', {
      session: admin,
      body: { user_code: userCode },
      address: newAddress(),
    });
    expect(deny.status).toBe(404);
    expect((await lookup(admin, userCode)).status).toBe(404);
  });

  suite.run('a denial is audited with what asked', async () => {
    const { admin } = await adminOf('Denial');
    const userCode = await pendingUserCode(world, 'suspicious');
    const denied = await world.call('POST', '/api/v1/device/deny', {
      session: admin,
      body: { user_code: userCode.replace('-', '') },
      address: newAddress(),
    });
    expect(denied.status).toBe(200);
    const activity = await world.call('GET', '/api/v1/activity', { session: admin });
    const events = activity.body.data as Array<{ type: string }>;
    expect(events.find((e) => e.type === 'device_login_denied')).toMatchObject({
      metadata: { host_name: 'suspicious', ip_address: '192.0.2.10' },
    });
  });

  suite.run('refuses an expiry outside 1–365 days and unknown scopes (422)', async () => {
    const { workspace, admin } = await adminOf('Bounds');
    for (const extra of [
      { expires_in_days: 0 },
      { expires_in_days: 366 },
      { expires_in_days: 1.5 },
      { scopes: ['everything'] },
      { key_type: 'prod' },
    ]) {
      const response = await approve(admin, {
        user_code: await pendingUserCode(world),
        workspace_id: workspace.id,
        ...extra,
      });
      expect(response.status, JSON.stringify(extra)).toBe(422);
    }
  });
});

describe.each(testDialects)('$name: device login, guessing user codes', (dialect) => {
  const suite = worldPerSuite(dialect, {
    userCodeThrottle: new UserCodeThrottle({ perAddress: 3, perAccount: 4, global: 6 }),
  });

  const guess = (world: TestWorld, session: TestSession, address: string) =>
    world.call('GET', '/api/v1/device?user_code=BBBB-BBBB', { session, address });

  suite.run(
    'wrong codes are throttled per address, per account and for the node; the right code waits too',
    async () => {
      const { world } = suite;
      const workspace = await world.createWorkspace('Guessing');
      const guesser = await world.signIn(workspace, 'viewer');
      const userCode = await pendingUserCode(world);

      // Per address: 3 wrong codes, then even the right one waits.
      for (let i = 0; i < 3; i++)
        expect((await guess(world, guesser, '10.0.0.1')).status).toBe(404);
      const blocked = await world.call('GET', `/api/v1/device?user_code=${userCode}`, {
        session: guesser,
        address: '10.0.0.1',
      });
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);

      // Per account: one more wrong code from elsewhere reaches the account's 4.
      expect((await guess(world, guesser, '10.0.0.2')).status).toBe(404);
      expect((await guess(world, guesser, '10.0.0.3')).status).toBe(429);

      // Another person at another address is not held up by them…
      const colleague = await world.signIn(workspace, 'viewer');
      expect(
        (
          await world.call('GET', `/api/v1/device?user_code=${userCode}`, {
            session: colleague,
            address: '10.0.1.1',
          })
        ).status,
      ).toBe(200);
      // …until the node has seen 6 wrong codes in the minute.
      expect((await guess(world, colleague, '10.0.1.2')).status).toBe(404);
      expect((await guess(world, colleague, '10.0.1.3')).status).toBe(404);
      expect((await guess(world, colleague, '10.0.1.4')).status).toBe(429);

      world.clock.advance(60_000);
      expect(
        (
          await world.call('GET', `/api/v1/device?user_code=${userCode}`, {
            session: guesser,
            address: '10.0.0.1',
          })
        ).status,
      ).toBe(200);
    },
  );
});
