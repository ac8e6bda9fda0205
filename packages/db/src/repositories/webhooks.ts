import type { KeyType } from '@onepin/core';
import type { Kysely } from 'kysely';
import type { Database, WebhookRow } from '../schema.js';

/** A webhook as the rest of the code sees it: event types parsed, the flag a boolean. */
export interface WebhookRecord extends Omit<WebhookRow, 'event_types' | 'active'> {
  event_types: string[];
  active: boolean;
}

export type WebhookChanges = Partial<
  Pick<
    WebhookRecord,
    | 'url'
    | 'description'
    | 'event_types'
    | 'active'
    | 'secret_ciphertext'
    | 'previous_secret_ciphertext'
    | 'previous_secret_expires_at'
  >
> & { updated_at: string };

function toRecord(row: WebhookRow): WebhookRecord {
  return {
    ...row,
    event_types: JSON.parse(row.event_types) as string[],
    active: row.active === 1,
  };
}

export async function insertWebhook(db: Kysely<Database>, record: WebhookRecord): Promise<void> {
  await db
    .insertInto('webhooks')
    .values({
      ...record,
      event_types: JSON.stringify(record.event_types),
      active: record.active ? 1 : 0,
    })
    .execute();
}

export async function findWebhookById(
  db: Kysely<Database>,
  workspaceId: string,
  id: string,
): Promise<WebhookRecord | undefined> {
  const row = await db
    .selectFrom('webhooks')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toRecord(row);
}

/** Oldest first, so a list keeps its order as webhooks are added. */
export async function listWebhooks(
  db: Kysely<Database>,
  query: { workspaceId: string; environment?: KeyType; limit: number; offset: number },
): Promise<{ items: WebhookRecord[]; total: number }> {
  let filtered = db.selectFrom('webhooks').where('workspace_id', '=', query.workspaceId);
  if (query.environment) filtered = filtered.where('environment', '=', query.environment);
  const [rows, count] = await Promise.all([
    filtered
      .selectAll()
      .orderBy('created_at', 'asc')
      .orderBy('id', 'asc')
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
    filtered.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toRecord), total: Number(count.total) };
}

export async function countWebhooks(db: Kysely<Database>, workspaceId: string): Promise<number> {
  const row = await db
    .selectFrom('webhooks')
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirstOrThrow();
  return Number(row.total);
}

/**
 * The active webhooks of a workspace's data set subscribed to `type` (or to `*`): whom an
 * event goes to. A workspace has a few webhooks at most, so the list is filtered here.
 */
export async function findSubscribedWebhooks(
  db: Kysely<Database>,
  query: { workspaceId: string; environment: KeyType; type: string },
): Promise<WebhookRecord[]> {
  const rows = await db
    .selectFrom('webhooks')
    .selectAll()
    .where('workspace_id', '=', query.workspaceId)
    .where('environment', '=', query.environment)
    .where('active', '=', 1)
    .execute();
  return rows
    .map(toRecord)
    .filter((hook) => hook.event_types.includes('*') || hook.event_types.includes(query.type));
}

/** Applies `changes`; returns the webhook as it is now, or `undefined` when it is missing. */
export async function updateWebhook(
  db: Kysely<Database>,
  workspaceId: string,
  id: string,
  changes: WebhookChanges,
): Promise<WebhookRecord | undefined> {
  const { event_types, active, ...rest } = changes;
  const result = await db
    .updateTable('webhooks')
    .set({
      ...rest,
      ...(event_types !== undefined && { event_types: JSON.stringify(event_types) }),
      ...(active !== undefined && { active: active ? 1 : 0 }),
    })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) return undefined;
  return findWebhookById(db, workspaceId, id);
}

/** Deletes a webhook with its deliveries and their log. */
export async function deleteWebhook(
  db: Kysely<Database>,
  workspaceId: string,
  id: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('webhooks')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
