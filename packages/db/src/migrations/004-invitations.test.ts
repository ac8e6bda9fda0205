import { type Migration, Migrator } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../migrate.js';
import {
  createEmptyDatabase,
  dialectAvailable,
  type TestDatabase,
  testDialects,
} from '../test-support/index.js';
import { MIGRATIONS } from './index.js';

const T0 = '2026-01-01T00:00:00.000Z';
const LATER = '2026-01-08T00:00:00.000Z';

/** Applies the migrations before 004, as a server of the previous release left the database. */
async function migrateBefore004(database: TestDatabase) {
  const { handle } = database;
  const context = {
    dialect: handle.dialect,
    timestamp: handle.dialect === 'postgres' ? 'timestamptz' : 'text',
  } as const;
  const migrations: Record<string, Migration> = {};
  for (const [name, migration] of MIGRATIONS.filter(([name]) => name < '004')) {
    migrations[name] = { up: (db) => migration.up(db, context) };
  }
  const result = await new Migrator({
    db: handle.db,
    provider: { getMigrations: async () => migrations },
  }).migrateToLatest();
  if (result.error) throw result.error;
}

describe.each(testDialects)('$name: migration 004-invitations', (dialect) => {
  let database: TestDatabase | undefined;
  afterEach(async () => database?.dispose());

  it.skipIf(!dialectAvailable(dialect))(
    'turns open invitations into invitations without accounts, and leaves real accounts alone',
    async () => {
      database = await createEmptyDatabase(dialect);
      const db = database.handle.db as any;
      await migrateBefore004(database);

      const user = (id: string, password: string | null) => ({
        id,
        email: `${id}@example.com`,
        password_hash: password,
        created_at: T0,
        updated_at: T0,
      });
      await db
        .insertInto('users')
        .values([
          user('owner', 'hash'),
          user('placeholder', null),
          user('headless', null),
          user('accepted', 'hash'),
        ])
        .execute();
      const workspace = (id: string) => ({
        id,
        name: id,
        slug: id,
        created_by: null,
        created_at: T0,
        updated_at: T0,
      });
      await db
        .insertInto('workspaces')
        .values([workspace('a'), workspace('b')])
        .execute();
      const member = (workspace_id: string, user_id: string, role: string) => ({
        workspace_id,
        user_id,
        role,
        created_at: T0,
      });
      await db
        .insertInto('memberships')
        .values([
          member('a', 'owner', 'admin'),
          member('a', 'placeholder', 'editor'),
          member('b', 'headless', 'admin'),
          member('a', 'headless', 'viewer'),
          member('a', 'accepted', 'viewer'),
        ])
        .execute();
      const invitation = (token_hash: string, user_id: string, used_at: string | null) => ({
        token_hash,
        user_id,
        workspace_id: 'a',
        created_by: 'owner',
        created_at: T0,
        expires_at: LATER,
        used_at,
      });
      await db
        .insertInto('invitations')
        .values([
          invitation('for-placeholder', 'placeholder', null),
          invitation('for-headless', 'headless', null),
          invitation('used', 'accepted', T0),
        ])
        .execute();

      await migrateToLatest(database.handle);

      const invitations = await db
        .selectFrom('member_invitations')
        .select(['workspace_id', 'email', 'role', 'token_hash', 'created_by', 'expires_at'])
        .orderBy('email')
        .execute();
      expect(invitations).toEqual([
        {
          workspace_id: 'a',
          email: 'headless@example.com',
          role: 'viewer',
          token_hash: 'for-headless',
          created_by: 'owner',
          expires_at: LATER,
        },
        {
          workspace_id: 'a',
          email: 'placeholder@example.com',
          role: 'editor',
          token_hash: 'for-placeholder',
          created_by: 'owner',
          expires_at: LATER,
        },
      ]);
      const users = await db.selectFrom('users').select('id').orderBy('id').execute();
      // The placeholder had nothing but the invitation: gone. The headless admin of b stays.
      expect(users.map((u: { id: string }) => u.id)).toEqual(['accepted', 'headless', 'owner']);
      const memberships = await db
        .selectFrom('memberships')
        .select(['workspace_id', 'user_id'])
        .orderBy('workspace_id')
        .orderBy('user_id')
        .execute();
      expect(memberships).toEqual([
        { workspace_id: 'a', user_id: 'accepted' },
        { workspace_id: 'a', user_id: 'owner' },
        { workspace_id: 'b', user_id: 'headless' },
      ]);
    },
  );
});
