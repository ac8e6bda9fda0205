import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * Timestamps are ISO-8601 UTC strings with millisecond precision in TypeScript on both
 * dialects: `text` in SQLite (so string order is time order) and `timestamptz` in
 * PostgreSQL, parsed back to the same strings by the connection (see dialect.ts).
 */
export type Timestamp = string;

/** JSON stored as text on both dialects, so one code path reads and writes it. */
export type JsonText = string;

/** SQLite has no boolean type: flags are 0/1 integers on both dialects. */
export type Flag = 0 | 1;

export interface UsersTable {
  id: string;
  email: string;
  password_hash: string | null;
  /** May manage the instance's service tokens (issue 14); the setup user is one. */
  instance_admin: Generated<Flag>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface WorkspacesTable {
  id: string;
  name: string;
  slug: string;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MembershipsTable {
  workspace_id: string;
  user_id: string;
  role: 'admin' | 'editor' | 'viewer';
  created_at: Timestamp;
}

export interface ApiKeysTable {
  id: string;
  workspace_id: string;
  created_by: string | null;
  name: string;
  key_type: 'live' | 'test';
  /** Lower-case hex SHA-256 of the full key: the only form of the secret ever stored. */
  key_hash: string;
  key_prefix: string;
  key_suffix: string;
  scopes: JsonText;
  active: Flag;
  rate_limit_per_min: number | null;
  expires_at: Timestamp | null;
  revoked_at: Timestamp | null;
  last_used_at: Timestamp | null;
  /** The key this one replaced by rotation, if any. */
  rotated_from: string | null;
  /** The key that replaced this one by rotation, if any; a replaced key cannot change again. */
  replaced_by: string | null;
  /**
   * The id of the first key of its rotation chain (itself when it was not rotated from
   * another): the per-key rate limit counts by lineage. Null only for rows written by code
   * older than the column; readers take `id` for it.
   */
  lineage_id: string | null;
  /**
   * How the key was made, when that matters later: `device_login` for the keys `onepin login
   * --web` collected (only they may revoke themselves, at `onepin logout`); null otherwise.
   */
  created_via: 'device_login' | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AuditEventsTable {
  id: string;
  workspace_id: string;
  environment: 'live' | 'test';
  action: string;
  actor_type: 'api_key' | 'user' | 'system';
  actor_id: string | null;
  /** How the actor was called when the event happened (key name, user email), for display. */
  actor_name: string | null;
  target_type: string | null;
  target_id: string | null;
  metadata: JsonText;
  created_at: Timestamp;
}

/** Which of a workspace's two data sets a row belongs to (SPEC §8). */
export type Environment = 'live' | 'test';

export interface WorkflowsTable {
  id: string;
  workspace_id: string;
  environment: Environment;
  /** Unique per workspace and environment among rows not deleted (case-sensitive). */
  name: string;
  description: string | null;
  /** `{graph: {nodes, edges}, …}`, validated by the server before it gets here. */
  definition: JsonText;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** Soft delete: a deleted workflow is gone for the API but its name is free again. */
  deleted_at: Timestamp | null;
}

export type UploadCategory = 'script' | 'dictionary';

/** `pending` until its bytes arrive through the signed URL, then `uploaded`. */
export type UploadStatus = 'pending' | 'uploaded';

export interface UploadsTable {
  id: string;
  workspace_id: string;
  environment: Environment;
  /** The client's name for the file, for display only: blobs are stored by upload id. */
  filename: string;
  category: UploadCategory;
  content_type: string;
  /**
   * Declared at creation, and the bytes received must match it exactly; 0 while pending when
   * the client declared none (the count received is stored when the bytes arrive).
   */
  size_bytes: number;
  status: UploadStatus;
  /** Lower-case hex SHA-256 of the bytes received; null while pending. */
  sha256: string | null;
  /** What the upload is bound to once confirmed. */
  context_type: 'workflow' | null;
  context_id: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  uploaded_at: Timestamp | null;
  confirmed_at: Timestamp | null;
}

/** One-time first-run setup tokens (hash only). */
export interface SetupTokensTable {
  token_hash: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

/** A browser session: only the SHA-256 of the cookie's token is stored. */
export interface SessionsTable {
  id: string;
  token_hash: string;
  user_id: string;
  created_at: Timestamp;
  /** Refreshed at most once a minute; the idle timeout counts from it. */
  last_seen_at: Timestamp;
  /** The absolute end of the session, however active it is. */
  expires_at: Timestamp;
  user_agent: string | null;
  ip_address: string | null;
}

/**
 * An open invitation to join one workspace: an email, a role and the hash of its one-time
 * link. No user exists for it; a new person's account is made when they accept, and an
 * existing account joins only when its owner accepts while signed in. One per email and
 * workspace: inviting again replaces the link.
 */
export interface MemberInvitationsTable {
  id: string;
  workspace_id: string;
  /** Lower-cased, as users' emails are. */
  email: string;
  role: 'admin' | 'editor' | 'viewer';
  token_hash: string;
  created_by: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
}

/**
 * A one-time link that sets one account's password, issued only by the server's admin
 * commands (`create-user` without a password, `reset-password`). One per user: issuing a
 * new one deletes the old; using one deletes it (hash only).
 */
export interface PasswordLinksTable {
  token_hash: string;
  user_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

/** A workspace's endpoint for key and member events (issue 16). */
export interface WebhooksTable {
  id: string;
  workspace_id: string;
  /** Which data set's events it receives: a test key's webhooks hear of test keys only. */
  environment: Environment;
  url: string;
  description: string | null;
  /** JSON array of event types, or `["*"]` for all of them. */
  event_types: JsonText;
  active: Flag;
  /** The signing secret (`whsec_…`), encrypted with a key derived from the server secret. */
  secret_ciphertext: string;
  /** The secret before the last rotation, signing alongside until `previous_secret_expires_at`. */
  previous_secret_ciphertext: string | null;
  previous_secret_expires_at: Timestamp | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** One event, written in the transaction of the change it reports (the outbox). */
export interface WebhookEventsTable {
  /** Also the `webhook-id` header: the same for every retry and redelivery of the event. */
  id: string;
  workspace_id: string;
  environment: Environment;
  type: string;
  /** The JSON body sent, as sent. */
  payload: JsonText;
  created_at: Timestamp;
}

export type WebhookDeliveryStatus = 'pending' | 'succeeded' | 'failed';

/** One event for one webhook: retried until it succeeds or `retry_until` passes. */
export interface WebhookDeliveriesTable {
  id: string;
  event_id: string;
  webhook_id: string;
  workspace_id: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  /** When the next attempt is due; null once the delivery is over. */
  next_attempt_at: Timestamp | null;
  /** No automatic attempt is scheduled after this. */
  retry_until: Timestamp;
  /** A node claimed the delivery until then: no other node sends it meanwhile. */
  lease_expires_at: Timestamp | null;
  leased_by: string | null;
  /** Someone asked for one more attempt now (manual redelivery); cleared by that attempt. */
  redelivery_requested_at: Timestamp | null;
  last_status_code: number | null;
  last_error: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  delivered_at: Timestamp | null;
}

/** The delivery log: one row per attempt. */
export interface WebhookDeliveryAttemptsTable {
  id: string;
  delivery_id: string;
  trigger: 'automatic' | 'manual';
  attempted_at: Timestamp;
  status_code: number | null;
  /** Why there is no status code, or why it counts as a failure. */
  error: string | null;
  duration_ms: number;
  /** The start of the response body (a few hundred characters, keys hidden). */
  response_excerpt: string | null;
}

export type KeyLeakSource = 'github' | 'public_report';

/** A report that a key was found in public. */
export interface ApiKeyLeaksTable {
  id: string;
  api_key_id: string;
  workspace_id: string;
  source: KeyLeakSource;
  /** Where it was found (GitHub sends it); null for the public endpoint. */
  url: string | null;
  /** What the report did: revoked the key, or only told (configured, or already dead). */
  action: 'revoked' | 'notified';
  reported_at: Timestamp;
}

/** Marks an event announced once for a key, across every node (see migration 010). */
export interface ApiKeyEventMarksTable {
  api_key_id: string;
  kind: string;
  mark: string;
  created_at: Timestamp;
}

/** A hash reported to the public revocation endpoint, waiting for the worker. */
export interface PendingKeyRevocationsTable {
  key_hash: string;
  reported_at: Timestamp;
  lease_expires_at: Timestamp | null;
}

/** Where a device sign-in stands: asked for, decided by a member, or collected by the device. */
export type DeviceAuthorizationStatus = 'pending' | 'approved' | 'denied' | 'consumed';

/**
 * One sign-in of a device (the CLI) through the browser, RFC 8628: both codes are stored as
 * SHA-256 only; the key is made when the device collects it, so no plaintext is ever held.
 */
export interface DeviceAuthorizationsTable {
  id: string;
  device_code_hash: string;
  /** SHA-256 of the normalised user code (8 letters, no dash). */
  user_code_hash: string;
  status: DeviceAuthorizationStatus;
  /** What the device said about itself (unverified: shown as such). */
  client_name: string | null;
  client_version: string | null;
  host_name: string | null;
  os: string | null;
  /** What the server saw of the request that started it. */
  ip_address: string | null;
  user_agent: string | null;
  /** The least number of seconds between two polls; `slow_down` adds 5. */
  interval_seconds: number;
  last_polled_at: Timestamp | null;
  created_at: Timestamp;
  /** Until when the device may poll (and a member may decide, while pending). */
  expires_at: Timestamp;
  /** The member who approved or denied. */
  decided_by: string | null;
  decided_at: Timestamp | null;
  /** What an approval grants: the key's workspace, type, scopes (JSON) and expiry. */
  workspace_id: string | null;
  key_type: 'live' | 'test' | null;
  scopes: JsonText | null;
  key_expires_at: Timestamp | null;
  /** The key made when the device collected it. */
  api_key_id: string | null;
}

/** How often each workspace's live or test data set cloned a template (`uses_count`). */
export interface TemplateUsesTable {
  workspace_id: string;
  environment: Environment;
  template_id: string;
  uses_count: number;
}

/** The credential of the operator's own services (`op_svc_…`): it may only call the verify API. */
export interface ServiceTokensTable {
  id: string;
  name: string;
  /** Lower-case hex SHA-256 of the whole token: the only form of the secret ever stored. */
  token_hash: string;
  token_prefix: string;
  token_suffix: string;
  created_by: string | null;
  created_at: Timestamp;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

/** One key hash a remote verification cache must drop, in the order the database gave them. */
export interface KeyInvalidationEventsTable {
  seq: Generated<number>;
  key_hash: string;
  reason: string;
  created_at: Timestamp;
}

/** The verify API's audit in aggregate: verifications of one key in one hour. */
export interface ApiKeyVerificationCountsTable {
  api_key_id: string;
  /** The start of the hour (UTC) counted. */
  period_start: Timestamp;
  count: number;
}

export interface Database {
  users: UsersTable;
  workspaces: WorkspacesTable;
  memberships: MembershipsTable;
  api_keys: ApiKeysTable;
  audit_events: AuditEventsTable;
  setup_tokens: SetupTokensTable;
  workflows: WorkflowsTable;
  uploads: UploadsTable;
  sessions: SessionsTable;
  member_invitations: MemberInvitationsTable;
  password_links: PasswordLinksTable;
  template_uses: TemplateUsesTable;
  webhooks: WebhooksTable;
  webhook_events: WebhookEventsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_delivery_attempts: WebhookDeliveryAttemptsTable;
  api_key_leaks: ApiKeyLeaksTable;
  api_key_event_marks: ApiKeyEventMarksTable;
  pending_key_revocations: PendingKeyRevocationsTable;
  device_authorizations: DeviceAuthorizationsTable;
  service_tokens: ServiceTokensTable;
  key_invalidation_events: KeyInvalidationEventsTable;
  api_key_verification_counts: ApiKeyVerificationCountsTable;
}

export type UserRow = Selectable<UsersTable>;
export type WorkspaceRow = Selectable<WorkspacesTable>;
export type MembershipRow = Selectable<MembershipsTable>;
export type ApiKeyRow = Selectable<ApiKeysTable>;
export type NewApiKeyRow = Insertable<ApiKeysTable>;
export type ApiKeyUpdate = Updateable<ApiKeysTable>;
export type AuditEventRow = Selectable<AuditEventsTable>;
export type NewAuditEventRow = Insertable<AuditEventsTable>;
export type WorkflowRow = Selectable<WorkflowsTable>;
export type UploadRow = Selectable<UploadsTable>;
export type SessionRow = Selectable<SessionsTable>;
export type MemberInvitationRow = Selectable<MemberInvitationsTable>;
export type PasswordLinkRow = Selectable<PasswordLinksTable>;
export type WebhookRow = Selectable<WebhooksTable>;
export type WebhookEventRow = Selectable<WebhookEventsTable>;
export type WebhookDeliveryRow = Selectable<WebhookDeliveriesTable>;
export type WebhookDeliveryAttemptRow = Selectable<WebhookDeliveryAttemptsTable>;
export type ApiKeyLeakRow = Selectable<ApiKeyLeaksTable>;
export type DeviceAuthorizationRow = Selectable<DeviceAuthorizationsTable>;
export type ServiceTokenRow = Selectable<ServiceTokensTable>;
export type KeyInvalidationEventRow = Selectable<KeyInvalidationEventsTable>;
