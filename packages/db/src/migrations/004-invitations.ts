import { randomUUID } from 'node:crypto';
import { type OnePinMigration, sqlIn } from './kit.js';

/**
 * Invitations stop being accounts (issue 11). Until now inviting an email created a user
 * without a password, and the link set that user's password — also for accounts that
 * already existed, which let any workspace admin take over any password-less account. From
 * here on an invitation is only an email, a role and a link to join one workspace; the user
 * row is made when a new person accepts, and an existing account joins only when its owner
 * accepts while signed in. Password links (`password_links`) are separate: only the server's
 * admin commands issue them, for one account.
 *
 * Open invitations of the old kind are carried over with their link (same token hash), so
 * links already handed out keep working — under the new rules. Their placeholder membership
 * goes, and so does the placeholder user when nothing else is left of it.
 */
export const invitations: OnePinMigration = {
  async up(db, { timestamp }) {
    await db.schema
      .createTable('member_invitations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) =>
        c.notNull().references('workspaces.id').onDelete('cascade'),
      )
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) =>
        c.notNull().check(sqlIn('role', ['admin', 'editor', 'viewer'])),
      )
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('created_at', timestamp, (c) => c.notNull())
      .addColumn('expires_at', timestamp, (c) => c.notNull())
      .addUniqueConstraint('member_invitations_workspace_email_key', ['workspace_id', 'email'])
      .execute();

    await db.schema
      .createTable('password_links')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('created_at', timestamp, (c) => c.notNull())
      .addColumn('expires_at', timestamp, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('password_links_user_idx')
      .on('password_links')
      .column('user_id')
      .execute();

    const open = await db
      .selectFrom('invitations')
      .innerJoin('users', 'users.id', 'invitations.user_id')
      .innerJoin('memberships', (join) =>
        join
          .onRef('memberships.user_id', '=', 'invitations.user_id')
          .onRef('memberships.workspace_id', '=', 'invitations.workspace_id'),
      )
      .select([
        'invitations.token_hash',
        'invitations.user_id',
        'invitations.workspace_id',
        'invitations.created_by',
        'invitations.created_at',
        'invitations.expires_at',
        'users.email',
        'memberships.role',
      ])
      .where('invitations.used_at', 'is', null)
      .where('users.password_hash', 'is', null)
      .orderBy('invitations.created_at', 'desc')
      .execute();
    const carried = new Set<string>();
    const placeholders = new Set<string>();
    for (const row of open) {
      placeholders.add(row.user_id);
      const key = `${row.workspace_id}\n${row.email}`;
      if (!carried.has(key)) {
        carried.add(key);
        await db
          .insertInto('member_invitations')
          .values({
            id: randomUUID(),
            workspace_id: row.workspace_id,
            email: row.email,
            role: row.role,
            token_hash: row.token_hash,
            created_by: row.created_by,
            created_at: row.created_at,
            expires_at: row.expires_at,
          })
          .execute();
      }
      await db
        .deleteFrom('memberships')
        .where('workspace_id', '=', row.workspace_id)
        .where('user_id', '=', row.user_id)
        .execute();
    }
    for (const userId of placeholders) {
      await db
        .deleteFrom('users')
        .where('id', '=', userId)
        .where('password_hash', 'is', null)
        .where((eb) =>
          eb.not(
            eb.exists(eb.selectFrom('memberships').select('user_id').where('user_id', '=', userId)),
          ),
        )
        .execute();
    }
    await db.schema.dropTable('invitations').execute();
  },
};
