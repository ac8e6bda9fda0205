import type { KeyType, Role } from '@onepin/core';
import type { SessionWorkspace } from '@onepin/db';
import type { VerifiedKey } from './verified-key.js';

/** Who is calling, as the authentication middleware found out; routes act on it. */
export type Principal = ApiKeyPrincipal | SessionPrincipal;

interface PrincipalBase {
  workspaceId: string;
  workspaceName: string;
  /** Which of the workspace's two data sets this caller sees (SPEC §8). */
  environment: KeyType;
  /** What the caller may do: a key's scopes that the catalogue has (a scope removed from it
   * grants nothing), or a session's role's. */
  scopes: readonly string[];
  userId: string | null;
}

export interface ApiKeyPrincipal extends PrincipalBase {
  kind: 'api_key';
  key: VerifiedKey;
}

export interface SessionPrincipal extends PrincipalBase {
  kind: 'session';
  userId: string;
  email: string;
  role: Role;
  /** May manage the instance's service tokens (the setup user, `create-user --instance-admin`). */
  instanceAdmin: boolean;
  sessionId: string;
  /** The absolute end of the session. */
  sessionExpiresAt: string;
  /** Every workspace the person belongs to (the switcher), oldest membership first. */
  workspaces: readonly SessionWorkspace[];
}

// One principal per verified key, made on first use: a cached key's requests allocate nothing.
const principals = new WeakMap<VerifiedKey, ApiKeyPrincipal>();

export function principalOfKey(key: VerifiedKey): ApiKeyPrincipal {
  let principal = principals.get(key);
  if (principal === undefined) {
    principal = Object.freeze({
      kind: 'api_key',
      key,
      workspaceId: key.workspaceId,
      workspaceName: key.workspaceName,
      environment: key.keyType,
      scopes: key.grantedScopes,
      userId: key.createdBy,
    });
    principals.set(key, principal);
  }
  return principal;
}

/** The actor recorded in the audit log for what a principal does. */
export function actorOf(principal: Principal): Actor {
  return principal.kind === 'api_key'
    ? {
        type: 'api_key',
        id: principal.key.id,
        name: principal.key.name,
        workspaceId: principal.workspaceId,
        userId: principal.userId,
      }
    : {
        type: 'user',
        id: principal.userId,
        name: principal.email,
        workspaceId: principal.workspaceId,
        userId: principal.userId,
      };
}

/** Whoever changes something: a key, a signed-in user, or the server's admin commands. */
export interface Actor {
  type: 'api_key' | 'user' | 'system';
  id: string | null;
  name: string | null;
  workspaceId: string;
  userId: string | null;
}
