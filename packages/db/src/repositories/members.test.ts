import { describe, expect } from 'vitest';
import { databasePerSuite, testDialects } from '../test-support/index.js';
import {
  consumeInvitation,
  countInvitations,
  deleteInvitation,
  findInvitationByEmail,
  findUsableInvitation,
  listInvitations,
  replaceInvitation,
} from './invitations.js';
import {
  countAdmins,
  deleteMembership,
  findMember,
  findMemberByEmail,
  listMembers,
  lockWorkspaceMemberships,
  updateMembershipRole,
} from './members.js';
import {
  consumePasswordLink,
  findUsablePasswordLink,
  replacePasswordLink,
} from './password-links.js';
import { insertUser } from './users.js';
import { insertMembership, insertWorkspace } from './workspaces.js';

const T0 = '2026-01-01T00:00:00.000Z';
const at = (minute: number) => `2026-01-01T00:${String(minute).padStart(2, '0')}:00.000Z`;

describe.each(testDialects)('$name: members and invitations repositories', (dialect) => {
  const test = databasePerSuite(dialect, async (db) => {
    await insertWorkspace(db, {
      id: 'ws',
      name: 'Acme',
      slug: 'acme',
      created_by: null,
      created_at: T0,
      updated_at: T0,
    });
    const people = [
      ['admin', 'admin', 'hash'],
      ['editor', 'editor', 'hash'],
      ['invited', 'viewer', null],
    ] as const;
    for (const [index, [id, role, password]] of people.entries()) {
      await insertUser(db, {
        id,
        email: `${id}@example.com`,
        password_hash: password,
        created_at: T0,
        updated_at: T0,
      });
      await insertMembership(db, { workspace_id: 'ws', user_id: id, role, created_at: at(index) });
    }
  });

  test.run('lists members oldest first, paged, with a total', async () => {
    const db = test.handle.db;
    const page = await listMembers(db, { workspaceId: 'ws', limit: 2, offset: 1 });
    expect(page.total).toBe(3);
    expect(page.items).toEqual([
      {
        user_id: 'editor',
        email: 'editor@example.com',
        role: 'editor',
        created_at: at(1),
      },
      {
        user_id: 'invited',
        email: 'invited@example.com',
        role: 'viewer',
        created_at: at(2),
      },
    ]);
    expect(await findMemberByEmail(db, 'ws', 'editor@example.com')).toMatchObject({
      user_id: 'editor',
    });
    expect(await findMemberByEmail(db, 'other', 'editor@example.com')).toBeUndefined();
    expect((await listMembers(db, { workspaceId: 'none', limit: 10, offset: 0 })).total).toBe(0);
  });

  test.run('changes a role and removes a member inside a locked transaction', async () => {
    const db = test.handle.db;
    await db.transaction().execute(async (trx) => {
      await lockWorkspaceMemberships(trx, test.handle.dialect, 'ws');
      expect(await countAdmins(trx, 'ws')).toBe(1);
      await updateMembershipRole(trx, 'ws', 'editor', 'admin');
      expect(await countAdmins(trx, 'ws')).toBe(2);
    });
    expect((await findMember(db, 'ws', 'editor'))?.role).toBe('admin');
    await deleteMembership(db, 'ws', 'editor');
    expect(await findMember(db, 'ws', 'editor')).toBeUndefined();
    expect(await countAdmins(db, 'ws')).toBe(1);
  });

  test.run('keeps one invitation per email and workspace, used once by its link', async () => {
    const db = test.handle.db;
    const base = {
      workspace_id: 'ws',
      email: 'new@example.com',
      created_by: 'admin',
      created_at: T0,
    };
    await replaceInvitation(db, {
      ...base,
      id: 'first',
      role: 'viewer',
      token_hash: 'i1',
      expires_at: at(30),
    });
    await replaceInvitation(db, {
      ...base,
      id: 'second',
      role: 'editor',
      token_hash: 'i2',
      expires_at: at(30),
    });
    expect(await findUsableInvitation(db, 'i1', at(10))).toBeUndefined();
    expect(await countInvitations(db, 'ws')).toBe(1);
    expect(await findUsableInvitation(db, 'i2', at(10))).toEqual({
      id: 'second',
      workspace_id: 'ws',
      workspace_name: 'Acme',
      email: 'new@example.com',
      role: 'editor',
      created_by: 'admin',
      created_by_email: 'admin@example.com',
      created_at: T0,
      expires_at: at(30),
    });
    expect(await findUsableInvitation(db, 'i2', at(30))).toBeUndefined();
    expect(await consumeInvitation(db, 'i2', at(30))).toBeUndefined();
    expect((await consumeInvitation(db, 'i2', at(10)))?.id).toBe('second');
    expect(await consumeInvitation(db, 'i2', at(11))).toBeUndefined();
    expect(await listInvitations(db, { workspaceId: 'ws', limit: 10, offset: 0 })).toEqual([]);
  });

  test.run('withdraws an invitation of its own workspace only', async () => {
    const db = test.handle.db;
    await replaceInvitation(db, {
      id: 'w1',
      workspace_id: 'ws',
      email: 'later@example.com',
      role: 'viewer',
      token_hash: 'w1',
      created_by: null,
      created_at: T0,
      expires_at: at(59),
    });
    expect(await findInvitationByEmail(db, 'ws', 'later@example.com')).toMatchObject({ id: 'w1' });
    expect(await deleteInvitation(db, 'other', 'w1')).toBeUndefined();
    expect((await deleteInvitation(db, 'ws', 'w1'))?.email).toBe('later@example.com');
    expect(await findUsableInvitation(db, 'w1', T0)).toBeUndefined();
  });

  test.run('keeps one password link per user, used once, never after it expires', async () => {
    const db = test.handle.db;
    const link = { user_id: 'invited', created_at: T0 };
    await replacePasswordLink(db, { ...link, token_hash: 'p1', expires_at: at(30) });
    await replacePasswordLink(db, { ...link, token_hash: 'p2', expires_at: at(30) });
    expect(await findUsablePasswordLink(db, 'p1', at(1))).toBeUndefined();
    expect(await findUsablePasswordLink(db, 'p2', at(1))).toEqual({
      user_id: 'invited',
      email: 'invited@example.com',
    });
    expect(await consumePasswordLink(db, 'p2', at(30))).toBeUndefined();
    expect(await consumePasswordLink(db, 'p2', at(1))).toBe('invited');
    expect(await consumePasswordLink(db, 'p2', at(2))).toBeUndefined();
  });
});
