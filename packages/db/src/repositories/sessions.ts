import type { Role } from '@onepin/core';
import type { Kysely } from 'kysely';
import type { Database, SessionRow } from '../schema.js';

export async function insertSession(db: Kysely<Database>, session: SessionRow): Promise<void> {
  await db.insertInto('sessions').values(session).execute();
}

/** A workspace the session's user belongs to, with the user's role there. */
export interface SessionWorkspace {
  id: string;
  name: string;
  slug: string;
  role: Role;
}

/** A session with what authenticating a request needs: its user and their workspaces. */
export interface SessionForAuthentication {
  session: SessionRow;
  email: string;
  /** Whether the user may manage the instance's service tokens (issue 14). */
  instanceAdmin: boolean;
  /** Oldest membership first; never empty. */
  workspaces: SessionWorkspace[];
}

/**
 * The one query a session-authenticated request costs: the session by its token's hash,
 * joined with its user and each of the user's memberships. A user who belongs to no
 * workspace has no usable session, so the inner joins answer `undefined` for them.
 */
export async function findSessionForAuthentication(
  db: Kysely<Database>,
  tokenHash: string,
): Promise<SessionForAuthentication | undefined> {
  const rows = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .innerJoin('memberships', 'memberships.user_id', 'sessions.user_id')
    .innerJoin('workspaces', 'workspaces.id', 'memberships.workspace_id')
    .selectAll('sessions')
    .select([
      'users.email as email',
      'users.instance_admin as instance_admin',
      'workspaces.id as workspace_id',
      'workspaces.name as workspace_name',
      'workspaces.slug as workspace_slug',
      'memberships.role as role',
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .orderBy('memberships.created_at')
    .orderBy('workspaces.id')
    .execute();
  const first = rows[0];
  if (first === undefined) return undefined;
  return {
    session: {
      id: first.id,
      token_hash: first.token_hash,
      user_id: first.user_id,
      created_at: first.created_at,
      last_seen_at: first.last_seen_at,
      expires_at: first.expires_at,
      user_agent: first.user_agent,
      ip_address: first.ip_address,
    },
    email: first.email,
    instanceAdmin: Number(first.instance_admin) === 1,
    workspaces: rows.map((row) => ({
      id: row.workspace_id,
      name: row.workspace_name,
      slug: row.workspace_slug,
      role: row.role,
    })),
  };
}

/** Moves `last_seen_at` forward (never back). */
export async function touchSession(
  db: Kysely<Database>,
  id: string,
  lastSeenAt: string,
): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: lastSeenAt })
    .where('id', '=', id)
    .where('last_seen_at', '<', lastSeenAt)
    .execute();
}

export async function deleteSession(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Ends every session of a user (their password was just set by a link). */
export async function deleteSessionsOfUser(db: Kysely<Database>, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

/** Removes sessions past their absolute end or idle since `idleSince`; returns how many. */
export async function deleteExpiredSessions(
  db: Kysely<Database>,
  now: string,
  idleSince: string,
): Promise<number> {
  const result = await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', idleSince)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
