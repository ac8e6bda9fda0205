import { describe, expect } from 'vitest';
import { databasePerSuite, testDialects } from '../test-support/index.js';
import {
  consumeInvitation,
  deleteInvitations,
  findUsableInvitation,
  insertInvitation,
} from './invitations.js';
import {
  countAdmins,
  deleteMembership,
  findMember,
  listMembers,
  lockWorkspaceMemberships,
  updateMembershipRole,
} from './members.js';
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
        has_password: true,
        created_at: at(1),
      },
      {
        user_id: 'invited',
        email: 'invited@example.com',
        role: 'viewer',
        has_password: false,
        created_at: at(2),
      },
    ]);
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

  test.run('uses an invitation once, closing the same user’s other invitations', async () => {
    const db = test.handle.db;
    const base = { user_id: 'invited', workspace_id: 'ws', created_by: 'admin', created_at: T0 };
    await insertInvitation(db, { ...base, token_hash: 'i1', expires_at: at(30) });
    await insertInvitation(db, { ...base, token_hash: 'i2', expires_at: at(30) });
    await insertInvitation(db, { ...base, token_hash: 'late', expires_at: at(5) });

    expect(await findUsableInvitation(db, 'late', at(10))).toBeUndefined();
    expect(await consumeInvitation(db, 'late', at(10))).toBeUndefined();
    expect(await findUsableInvitation(db, 'i1', at(10))).toEqual({
      user_id: 'invited',
      email: 'invited@example.com',
      workspace_id: 'ws',
      workspace_name: 'Acme',
    });
    expect(await consumeInvitation(db, 'i1', at(10))).toBe('invited');
    expect(await consumeInvitation(db, 'i1', at(11))).toBeUndefined();
    expect(await findUsableInvitation(db, 'i2', at(11))).toBeUndefined();
  });

  test.run('withdraws invitations of a removed member', async () => {
    const db = test.handle.db;
    await insertInvitation(db, {
      token_hash: 'w1',
      user_id: 'invited',
      workspace_id: 'ws',
      created_by: null,
      created_at: T0,
      expires_at: at(59),
    });
    await deleteInvitations(db, 'ws', 'invited');
    expect(await findUsableInvitation(db, 'w1', T0)).toBeUndefined();
  });
});
