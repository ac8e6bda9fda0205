import type { KeyType } from '@onepin/core';
import { type Database, insertAuditEvent, type Kysely } from '@onepin/db';
import type { Actor } from '../auth/principal.js';

/** Every kind of event the audit log records. */
export type AuditAction =
  | 'api_key_created'
  | 'api_key_updated'
  | 'api_key_rotated'
  | 'api_key_revoked'
  | 'api_key_leaked'
  | 'workflow_created'
  | 'workflow_updated'
  | 'workflow_deleted'
  | 'template_cloned'
  | 'upload_confirmed'
  | 'upload_deleted'
  | 'test_data_wiped'
  | 'member_invited'
  | 'member_invitation_cancelled'
  | 'member_invitation_role_changed'
  | 'member_joined'
  | 'member_removed'
  | 'member_role_changed'
  | 'member_login'
  | 'member_password_set'
  | 'workspace_created'
  | 'webhook_created'
  | 'webhook_updated'
  | 'webhook_deleted'
  | 'webhook_secret_rotated'
  | 'webhook_redelivered'
  | 'device_login_approved'
  | 'device_login_denied'
  | 'service_token_created'
  | 'service_token_revoked';

export interface AuditEntry {
  action: AuditAction;
  environment: KeyType;
  target?: { type: string; id: string };
  /** Never a secret: names, scopes, ids and times only. */
  metadata?: Record<string, unknown>;
}

/** Writes one audit event, inside the caller's transaction when it passes one. */
export async function recordAudit(
  db: Kysely<Database>,
  deps: { newId: () => string; now: string },
  actor: Actor,
  entry: AuditEntry,
): Promise<void> {
  await insertAuditEvent(db, {
    id: deps.newId(),
    workspace_id: actor.workspaceId,
    environment: entry.environment,
    action: entry.action,
    actor_type: actor.type,
    actor_id: actor.id,
    actor_name: actor.name,
    target_type: entry.target?.type ?? null,
    target_id: entry.target?.id ?? null,
    metadata: entry.metadata ?? {},
    created_at: deps.now,
  });
}
