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
