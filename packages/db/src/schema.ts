import type { Insertable, Selectable, Updateable } from 'kysely';

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

/** One-time links that let a member added by email set a password (hash only). */
export interface InvitationsTable {
  token_hash: string;
  user_id: string;
  workspace_id: string;
  created_by: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface Database {
  users: UsersTable;
  workspaces: WorkspacesTable;
  memberships: MembershipsTable;
  api_keys: ApiKeysTable;
  audit_events: AuditEventsTable;
  setup_tokens: SetupTokensTable;
  sessions: SessionsTable;
  invitations: InvitationsTable;
}

export type UserRow = Selectable<UsersTable>;
export type WorkspaceRow = Selectable<WorkspacesTable>;
export type MembershipRow = Selectable<MembershipsTable>;
export type ApiKeyRow = Selectable<ApiKeysTable>;
export type NewApiKeyRow = Insertable<ApiKeysTable>;
export type ApiKeyUpdate = Updateable<ApiKeysTable>;
export type AuditEventRow = Selectable<AuditEventsTable>;
export type NewAuditEventRow = Insertable<AuditEventsTable>;
export type SessionRow = Selectable<SessionsTable>;
export type InvitationRow = Selectable<InvitationsTable>;
