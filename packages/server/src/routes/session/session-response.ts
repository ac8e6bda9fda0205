import type { z } from '@hono/zod-openapi';
import type { ScopeCatalogue } from '@onepin/core';
import { findUserById, listWorkspacesOfUser, type SessionWorkspace } from '@onepin/db';
import type { Context } from 'hono';
import { ApiError } from '../../api-error.js';
import { clientAddress } from '../../auth/client-address.js';
import { csrfTokenFor, writeSessionCookie } from '../../auth/session-cookie.js';
import type { AppDeps } from '../../deps.js';
import type { AppEnv } from '../../http/app-env.js';
import type { SessionOut } from '../../schemas/session.js';
import type { ClientInfo, NewSession } from '../../services/sessions.js';

/** The caller's address and browser, recorded on the session row. */
export function clientInfo(c: Context<AppEnv>, deps: AppDeps): ClientInfo {
  return {
    address: clientAddress(c, deps.settings.trustProxy),
    userAgent: c.req.header('user-agent') ?? null,
  };
}

/** The wire form of a session. `token` is the cookie's value; only its CSRF token is sent. */
export function toSessionOut(
  session: {
    user: { id: string; email: string };
    instanceAdmin: boolean;
    workspace: SessionWorkspace;
    workspaces: readonly SessionWorkspace[];
    token: string;
    expiresAt: string;
  },
  scopes: ScopeCatalogue,
): z.infer<typeof SessionOut> {
  return {
    user: session.user,
    instance_admin: session.instanceAdmin,
    workspace: session.workspace,
    workspaces: [...session.workspaces],
    scopes: [...scopes.roleScopes(session.workspace.role)],
    csrf_token: csrfTokenFor(session.token),
    expires_at: session.expiresAt,
  };
}

/**
 * Sets the cookie of a session that was just created (sign-in, setup, invitation) and
 * describes it, in `workspaceId` (a workspace just joined) or else the user's first one.
 */
export async function startedSession(
  c: Context<AppEnv>,
  deps: AppDeps,
  session: NewSession,
  workspaceId?: string,
): Promise<z.infer<typeof SessionOut>> {
  const db = deps.database.db;
  const [user, workspaces] = await Promise.all([
    findUserById(db, session.row.user_id),
    listWorkspacesOfUser(db, session.row.user_id),
  ]);
  const first = workspaces.find((w) => w.id === workspaceId) ?? workspaces[0];
  if (!user || !first) throw new ApiError('FORBIDDEN', 'This account belongs to no workspace.');
  const maxAge = Math.floor((Date.parse(session.row.expires_at) - deps.clock.now()) / 1000);
  writeSessionCookie(c, deps.settings, session.token, maxAge);
  deps.sessions?.remember(session.row.token_hash);
  const toWorkspace = (w: SessionWorkspace) => ({
    id: w.id,
    name: w.name,
    slug: w.slug,
    role: w.role,
  });
  return toSessionOut(
    {
      user: { id: user.id, email: user.email },
      instanceAdmin: Number(user.instance_admin) === 1,
      workspace: toWorkspace(first),
      workspaces: workspaces.map(toWorkspace),
      token: session.token,
      expiresAt: session.row.expires_at,
    },
    deps.scopes,
  );
}
