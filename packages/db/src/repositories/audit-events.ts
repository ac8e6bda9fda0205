import type { KeyType } from '@onepin/core';
import type { Kysely } from 'kysely';
import type { AuditEventRow, Database } from '../schema.js';

/** An audit event with its metadata parsed. */
export interface AuditEventRecord extends Omit<AuditEventRow, 'metadata'> {
  metadata: Record<string, unknown>;
}

/** Position after which the next page starts: the last event's time and id. */
export interface AuditCursor {
  createdAt: string;
  id: string;
}

export interface AuditEventQuery {
  workspaceId: string;
  /** Only events of this environment; `undefined` for both. */
  environment?: KeyType;
  /** Only these actions; `undefined` for all (an empty list matches none). */
  actions?: readonly string[];
  /** Only events by these actors (user or key ids); `undefined` for all. */
  actorIds?: readonly string[];
  /** Only events at or after this time. */
  since?: string;
  after?: AuditCursor;
  limit: number;
}

export async function insertAuditEvent(
  db: Kysely<Database>,
  event: AuditEventRecord,
): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({ ...event, metadata: JSON.stringify(event.metadata) })
    .execute();
}

/** Newest first; returns one page and whether more follow. */
export async function listAuditEvents(
  db: Kysely<Database>,
  query: AuditEventQuery,
): Promise<{ items: AuditEventRecord[]; hasMore: boolean }> {
  let q = db.selectFrom('audit_events').selectAll().where('workspace_id', '=', query.workspaceId);
  if (query.environment) q = q.where('environment', '=', query.environment);
  if (query.actions?.length === 0 || query.actorIds?.length === 0) {
    return { items: [], hasMore: false };
  }
  if (query.actions) q = q.where('action', 'in', query.actions);
  if (query.actorIds) q = q.where('actor_id', 'in', query.actorIds);
  if (query.since) q = q.where('created_at', '>=', query.since);
  const after = query.after;
  if (after) {
    q = q.where((eb) =>
      eb.or([
        eb('created_at', '<', after.createdAt),
        eb.and([eb('created_at', '=', after.createdAt), eb('id', '<', after.id)]),
      ]),
    );
  }
  const rows = await q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const items = rows.slice(0, query.limit).map((row) => ({
    ...row,
    metadata: JSON.parse(row.metadata) as Record<string, unknown>,
  }));
  return { items, hasMore: rows.length > query.limit };
}
