import type { ScopeCatalogue } from '@onepin/core';
import { type DatabaseHandle, findSessionForAuthentication, touchSession } from '@onepin/db';
import type { Context } from 'hono';
import { ApiError, tooManyFailedAuthentications } from '../api-error.js';
import type { AppSettings, Clock } from '../deps.js';
import type { AppEnv } from '../http/app-env.js';
import { assertBrowserHost } from '../http/browser-host.js';
import { SESSION_TOUCH_INTERVAL_MS, sessionEnded } from '../services/sessions.js';
import type { SessionPrincipal } from './principal.js';
import { RecentSessions } from './recent-sessions.js';
import type { SessionAuthenticator } from './session-authenticator.js';
import { csrfTokenMatches, expiredSessionCookie, readSessionCookie } from './session-cookie.js';
import { sha256Hex } from './sha256.js';

/** Methods that change nothing; every other method needs the CSRF token with a cookie (SPEC §4). */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Authenticates the dashboard's session cookie: one indexed query per request (the session,
 * its user and their memberships), so signing out, a role change or a removal applies on
 * the very next request on every node. `last_seen_at` is written at most once a minute.
 */
export class CookieSessions implements SessionAuthenticator {
  readonly #database: DatabaseHandle;
  readonly #clock: Clock;
  readonly #settings: AppSettings;
  readonly #recent: RecentSessions;
  readonly #scopes: ScopeCatalogue;

  constructor(deps: {
    database: DatabaseHandle;
    clock: Clock;
    settings: AppSettings;
    scopes: ScopeCatalogue;
    recent?: RecentSessions;
  }) {
    this.#scopes = deps.scopes;
    this.#database = deps.database;
    this.#clock = deps.clock;
    this.#settings = deps.settings;
    this.#recent = deps.recent ?? new RecentSessions();
  }

  remember(tokenHash: string): void {
    this.#recent.add(tokenHash);
  }

  async authenticate(
    c: Context<AppEnv>,
    blockedForSeconds: number,
  ): Promise<SessionPrincipal | null> {
    const token = readSessionCookie(c, this.#settings);
    if (token === undefined) return null;
    // Before anything is looked up: a cookie only counts at the server's own host name.
    assertBrowserHost(c, this.#settings);
    const hash = sha256Hex(token);
    if (blockedForSeconds > 0 && !this.#recent.has(hash)) {
      throw tooManyFailedAuthentications(blockedForSeconds);
    }
    const found = await findSessionForAuthentication(this.#database.db, hash);
    const nowMs = this.#clock.now();
    if (found === undefined || sessionEnded(found.session, nowMs)) {
      this.#recent.delete(hash);
      throw new ApiError('UNAUTHORIZED', 'Your session has ended. Sign in again.', {
        headers: { 'Set-Cookie': expiredSessionCookie(this.#settings) },
      });
    }
    this.#recent.add(hash);
    if (
      !SAFE_METHODS.has(c.req.method) &&
      !csrfTokenMatches(token, c.req.header('x-csrf-token') ?? null)
    ) {
      throw new ApiError('CSRF_FAILED', 'Missing or invalid X-CSRF-Token header for this session.');
    }

    // X-Workspace-Id picks one of the member's workspaces; without it, the oldest membership.
    const wanted = c.req.header('x-workspace-id');
    const workspace =
      wanted === undefined ? found.workspaces[0] : found.workspaces.find((w) => w.id === wanted);
    if (workspace === undefined) {
      throw new ApiError('FORBIDDEN', 'You are not a member of the workspace in X-Workspace-Id.');
    }

    const { session } = found;
    if (Date.parse(session.last_seen_at) + SESSION_TOUCH_INTERVAL_MS <= nowMs) {
      await touchSession(this.#database.db, session.id, new Date(nowMs).toISOString());
    }
    return {
      kind: 'session',
      sessionId: session.id,
      sessionExpiresAt: session.expires_at,
      workspaces: found.workspaces,
      userId: session.user_id,
      email: found.email,
      instanceAdmin: found.instanceAdmin,
      role: workspace.role,
      workspaceId: workspace.id,
      workspaceName: workspace.name,
      environment: 'live',
      scopes: this.#scopes.roleScopes(workspace.role),
    };
  }
}
