/** Every scope a key can hold (SPEC §3), with the one-line explanation the dashboard shows. */
export const SCOPE_CATALOGUE = {
  'workflows:read': 'List and show workflows and the uploads bound to them',
  'workflows:write': 'Create, update, duplicate and delete workflows; clone templates',
  'templates:read': 'List and show templates',
  'uploads:write': 'Create uploads, send their bytes, confirm and delete them',
  'workspace:read': 'Read the workspace details and its activity log',
  'api_keys:read': "List and show the workspace's API keys (never their secrets)",
  'api_keys:write': 'Create, update, rotate and revoke API keys holding no more than this key',
  'webhooks:read':
    "List and show the workspace's webhooks and their delivery log (never their secrets)",
  'webhooks:write':
    'Create, update and delete webhooks, rotate their signing secrets, redeliver events',
} as const satisfies Record<string, string>;

export type Scope = keyof typeof SCOPE_CATALOGUE;
export const SCOPES = Object.keys(SCOPE_CATALOGUE).sort() as readonly Scope[];

const SCOPE_SET: ReadonlySet<string> = new Set(SCOPES);

/**
 * Scopes of the public OnePin product's catalogue that guard resources this server does not
 * provide. A key asking for one is refused with this meaning, so nobody believes it granted
 * something: a scope that guarded nothing today would silently widen a key the day the
 * resource arrived.
 */
export const UNPROVIDED_OFFICIAL_SCOPES = {
  'workflows:run': 'start, cancel, pause and resume workflow runs',
  'voices:read': 'browse voices',
  'voices:write': 'favourite and manage voices',
  'dictionary:read': 'list and search pronunciation dictionary entries',
  'dictionary:write': 'create, update and delete pronunciation dictionary entries',
  'catalog:read': 'read the TTS provider and model catalogue',
} as const satisfies Record<string, string>;

/** Why `value` cannot be a scope here, when it is an official scope this server lacks; else null. */
export function unprovidedScopeReason(value: string): string | null {
  const meaning = Object.hasOwn(UNPROVIDED_OFFICIAL_SCOPES, value)
    ? UNPROVIDED_OFFICIAL_SCOPES[value as keyof typeof UNPROVIDED_OFFICIAL_SCOPES]
    : undefined;
  return meaning === undefined
    ? null
    : `${value} is the OnePin scope to ${meaning}, which this server does not provide`;
}

export function isScope(value: string): value is Scope {
  return SCOPE_SET.has(value);
}

/** Sorted and without duplicates: the canonical form stored and returned everywhere. */
export function normalizeScopes<T extends string>(scopes: Iterable<T>): T[] {
  return [...new Set(scopes)].sort();
}

/** The scopes in `wanted` that `held` does not include (the subset rule of SPEC §3). */
export function missingScopes<T extends string>(
  held: readonly string[],
  wanted: readonly T[],
): T[] {
  return wanted.filter((scope) => !held.includes(scope));
}

/** A member's role in a workspace; browser sessions act with it instead of scopes. */
export type Role = 'admin' | 'editor' | 'viewer';
export const ROLES: readonly Role[] = ['admin', 'editor', 'viewer'];

/** What each role may do, expressed in scopes so one guard serves keys and sessions. */
export const ROLE_SCOPES: Readonly<Record<Role, readonly Scope[]>> = {
  admin: SCOPES,
  editor: [
    'api_keys:read',
    'templates:read',
    'uploads:write',
    'workflows:read',
    'workflows:write',
    'workspace:read',
  ],
  // Viewers and editors see the key table (never secrets) but cannot change it.
  viewer: ['api_keys:read', 'templates:read', 'workflows:read', 'workspace:read'],
};
