import { sql } from 'kysely';
import { type OnePinMigration, sqlIn } from './kit.js';

/**
 * Workflows and uploads. Every row carries its workspace and its environment (`live` or
 * `test`, SPEC §8), and every query filters on both, so one data set never sees the other.
 */
export const resources: OnePinMigration = {
  async up(db, { timestamp }) {
    await db.schema
      .createTable('workflows')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) =>
        c.notNull().references('workspaces.id').onDelete('cascade'),
      )
      .addColumn('environment', 'text', (c) =>
        c.notNull().check(sqlIn('environment', ['live', 'test'])),
      )
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('definition', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('created_at', timestamp, (c) => c.notNull())
      .addColumn('updated_at', timestamp, (c) => c.notNull())
      .addColumn('deleted_at', timestamp)
      .execute();
    // Names are unique among the workflows that are not deleted: the database enforces it,
    // so two concurrent creates cannot both win. Deleting a workflow frees its name.
    await db.schema
      .createIndex('workflows_live_name_unique')
      .on('workflows')
      .columns(['workspace_id', 'environment', 'name'])
      .unique()
      .where(sql.ref('deleted_at'), 'is', null)
      .execute();
    await db.schema
      .createIndex('workflows_list_idx')
      .on('workflows')
      .columns(['workspace_id', 'environment', 'updated_at', 'id'])
      .execute();

    await db.schema
      .createTable('uploads')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) =>
        c.notNull().references('workspaces.id').onDelete('cascade'),
      )
      .addColumn('environment', 'text', (c) =>
        c.notNull().check(sqlIn('environment', ['live', 'test'])),
      )
      .addColumn('filename', 'text', (c) => c.notNull())
      .addColumn('category', 'text', (c) =>
        c.notNull().check(sqlIn('category', ['script', 'dictionary'])),
      )
      .addColumn('content_type', 'text', (c) => c.notNull())
      .addColumn('size_bytes', 'bigint', (c) => c.notNull())
      .addColumn('status', 'text', (c) =>
        c.notNull().check(sqlIn('status', ['pending', 'uploaded'])),
      )
      .addColumn('sha256', 'text')
      .addColumn('context_type', 'text', (c) => c.check(sqlIn('context_type', ['workflow'])))
      .addColumn('context_id', 'text')
      .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('created_at', timestamp, (c) => c.notNull())
      .addColumn('updated_at', timestamp, (c) => c.notNull())
      .addColumn('uploaded_at', timestamp)
      .addColumn('confirmed_at', timestamp)
      .execute();
    await db.schema
      .createIndex('uploads_context_idx')
      .on('uploads')
      .columns(['workspace_id', 'environment', 'context_type', 'context_id', 'created_at'])
      .execute();
  },
};
