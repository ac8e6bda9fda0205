import { describe, expect } from 'vitest';
import { databasePerSuite, testDialects } from '../test-support/index.js';
import {
  deleteExpiredSessions,
  deleteSession,
  findSessionForAuthentication,
  insertSession,
  touchSession,
} from './sessions.js';
import { insertUser } from './users.js';
import { insertMembership, insertWorkspace } from './workspaces.js';

const T0 = '2026-01-01T00:00:00.000Z';

function session(id: string, userId: string, overrides: Record<string, string> = {}) {
  return {
    id,
    token_hash: `hash-${id}`,
    user_id: userId,
    created_at: T0,
    last_seen_at: T0,
    expires_at: '2026-01-08T00:00:00.000Z',
    user_agent: 'test',
    ip_address: '127.0.0.1',
    ...overrides,
  };
}

describe.each(testDialects)('$name: sessions repository', (dialect) => {
  const test = databasePerSuite(dialect, async (db) => {
    for (const id of ['u1', 'u2']) {
      await insertUser(db, {
        id,
        email: `${id}@example.com`,
        password_hash: null,
        created_at: T0,
        updated_at: T0,
      });
    }
    for (const [id, created] of [
      ['ws-b', T0],
      ['ws-a', '2026-01-02T00:00:00.000Z'],
    ] as const) {
      await insertWorkspace(db, {
        id,
        name: `Name ${id}`,
        slug: id,
        created_by: 'u1',
        created_at: T0,
        updated_at: T0,
      });
      await insertMembership(db, {
        workspace_id: id,
        user_id: 'u1',
        role: id === 'ws-a' ? 'viewer' : 'admin',
        created_at: created,
      });
    }
  });

  test.run(
    'finds a session by hash with its user and workspaces, oldest membership first',
    async () => {
      const db = test.handle.db;
      await insertSession(db, session('s1', 'u1'));
      const found = await findSessionForAuthentication(db, 'hash-s1');
      expect(found?.session).toEqual(session('s1', 'u1'));
      expect(found?.email).toBe('u1@example.com');
      expect(found?.workspaces).toEqual([
        { id: 'ws-b', name: 'Name ws-b', slug: 'ws-b', role: 'admin' },
        { id: 'ws-a', name: 'Name ws-a', slug: 'ws-a', role: 'viewer' },
      ]);
      expect(await findSessionForAuthentication(db, 'unknown')).toBeUndefined();
    },
  );

  test.run('finds nothing for a user who belongs to no workspace', async () => {
    const db = test.handle.db;
    await insertSession(db, session('lonely', 'u2'));
    expect(await findSessionForAuthentication(db, 'hash-lonely')).toBeUndefined();
  });

  test.run('moves last_seen_at forward only', async () => {
    const db = test.handle.db;
    await insertSession(db, session('t1', 'u1'));
    await touchSession(db, 't1', '2026-01-01T00:05:00.000Z');
    await touchSession(db, 't1', '2026-01-01T00:01:00.000Z');
    const found = await findSessionForAuthentication(db, 'hash-t1');
    expect(found?.session.last_seen_at).toBe('2026-01-01T00:05:00.000Z');
  });

  test.run('deletes one session, and purges expired and idle ones', async () => {
    const db = test.handle.db;
    await insertSession(db, session('d1', 'u1'));
    await deleteSession(db, 'd1');
    expect(await findSessionForAuthentication(db, 'hash-d1')).toBeUndefined();

    await insertSession(db, session('old', 'u1', { expires_at: '2026-01-02T00:00:00.000Z' }));
    await insertSession(db, session('idle', 'u1', { last_seen_at: T0 }));
    await insertSession(db, session('fresh', 'u1', { last_seen_at: '2026-01-03T00:00:00.000Z' }));
    const purged = await deleteExpiredSessions(
      db,
      '2026-01-03T00:00:00.000Z',
      '2026-01-02T12:00:00.000Z',
    );
    expect(purged).toBeGreaterThanOrEqual(2);
    expect(await findSessionForAuthentication(db, 'hash-old')).toBeUndefined();
    expect(await findSessionForAuthentication(db, 'hash-idle')).toBeUndefined();
    expect(await findSessionForAuthentication(db, 'hash-fresh')).toBeDefined();
  });

  test.run('refuses a second session with the same hash', async () => {
    const db = test.handle.db;
    await insertSession(db, session('dup1', 'u1', { token_hash: 'same' }));
    await expect(
      insertSession(db, session('dup2', 'u1', { token_hash: 'same' })),
    ).rejects.toThrow();
  });
});
