import { redactKeyShapedText } from '@onepin/core';
import {
  deleteExpiredSessions,
  deleteSession,
  findUserByEmail,
  insertSession,
  listWorkspacesOfUser,
  type SessionRow,
} from '@onepin/db';
import { ApiError } from '../api-error.js';
import { newSessionToken } from '../auth/session-cookie.js';
import { sha256Hex } from '../auth/sha256.js';
import type { SignInThrottle } from '../auth/sign-in-throttle.js';
import { recordAudit } from './audit.js';
import { passwordMatches } from './passwords.js';
import type { ServiceDeps } from './service-deps.js';

/** A session ends after this long without a request… */
export const SESSION_IDLE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
/** …and after this long whatever happens. */
export const SESSION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;
/** `last_seen_at` is written at most this often per session, not on every request. */
export const SESSION_TOUCH_INTERVAL_MS = 60_000;

/** Where a sign-in comes from: kept on the session row for the person's own review. */
export interface ClientInfo {
  address: string;
  userAgent: string | null;
}

export interface NewSession {
  /** The cookie value: shown to the browser once, never stored. */
  token: string;
  row: SessionRow;
}

/** Whether a session has ended, by its absolute lifetime or by being idle. */
export function sessionEnded(row: SessionRow, nowMs: number): boolean {
  return (
    Date.parse(row.expires_at) <= nowMs ||
    Date.parse(row.last_seen_at) + SESSION_IDLE_TIMEOUT_MS <= nowMs
  );
}

/** Starts a session for a user whose identity is already proven. */
export async function createSession(
  deps: ServiceDeps,
  userId: string,
  client: ClientInfo,
): Promise<NewSession> {
  const nowMs = deps.clock.now();
  const now = new Date(nowMs).toISOString();
  const token = newSessionToken();
  const row: SessionRow = {
    id: deps.newId(),
    token_hash: sha256Hex(token),
    user_id: userId,
    created_at: now,
    last_seen_at: now,
    expires_at: new Date(nowMs + SESSION_LIFETIME_MS).toISOString(),
    // Whatever the browser says, for the person's list of sessions: a key pasted into it is
    // kept as its preview (before the cut, which could leave most of a key behind).
    user_agent:
      client.userAgent === null ? null : redactKeyShapedText(client.userAgent).slice(0, 500),
    ip_address: client.address,
  };
  await insertSession(deps.database.db, row);
  // Sign-ins are rare, so they also sweep the sessions that ended since.
  await deleteExpiredSessions(
    deps.database.db,
    now,
    new Date(nowMs - SESSION_IDLE_TIMEOUT_MS).toISOString(),
  );
  return { token, row };
}

export async function endSession(deps: ServiceDeps, sessionId: string): Promise<void> {
  await deleteSession(deps.database.db, sessionId);
}

const BAD_CREDENTIALS = 'Incorrect email or password.';

/**
 * Signs a person in with email and password (SPEC §5): throttled per email and address and
 * per account, one message for an unknown email and a wrong password (at the same cost),
 * and a `member_login` event in each of their workspaces.
 */
export async function signIn(
  deps: ServiceDeps & { signInThrottle: SignInThrottle },
  credentials: { email: string; password: string },
  client: ClientInfo,
): Promise<NewSession> {
  const email = credentials.email.trim().toLowerCase();
  const nowMs = deps.clock.now();
  const blockedFor = deps.signInThrottle.blockedFor(client.address, email, nowMs);
  if (blockedFor > 0) {
    throw new ApiError('RATE_LIMITED', 'Too many failed sign-ins. Try again later.', {
      headers: { 'Retry-After': String(blockedFor) },
    });
  }
  const user = await findUserByEmail(deps.database.db, email);
  if (!(await passwordMatches(deps, user?.password_hash, credentials.password)) || !user) {
    deps.signInThrottle.recordFailure(client.address, email, nowMs);
    throw new ApiError('UNAUTHORIZED', BAD_CREDENTIALS);
  }
  deps.signInThrottle.recordSuccess(client.address, email, nowMs);

  const workspaces = await listWorkspacesOfUser(deps.database.db, user.id);
  if (workspaces.length === 0) {
    throw new ApiError('FORBIDDEN', 'This account does not belong to any workspace any more.');
  }
  const session = await createSession(deps, user.id, client);
  const now = session.row.created_at;
  await deps.database.db.transaction().execute(async (trx) => {
    for (const workspace of workspaces) {
      await recordAudit(
        trx,
        { newId: deps.newId, now },
        { type: 'user', id: user.id, name: user.email, workspaceId: workspace.id, userId: user.id },
        { action: 'member_login', environment: 'live', target: { type: 'user', id: user.id } },
      );
    }
  });
  return session;
}
