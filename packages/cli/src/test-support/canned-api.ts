import { apiKeyChecksum, SCOPES } from '@onepin/core';
import type { ActivityEvent, ApiKey, Whoami } from '@onepin/sdk';
import { main } from '../main.js';
import { captureIo } from './capture-io.js';

/** The moment every canned response is relative to. */
export const NOW = Date.parse('2026-06-01T12:00:00.000Z');
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const at = (ms: number) => new Date(NOW + ms).toISOString();

/** A valid key made here, at run time, from fixed characters: the same preview every run. */
export function fixedKey(type: 'live' | 'test', random: string): string {
  return `op_${type}_${random}${apiKeyChecksum(random)}`;
}

export const CALLER_KEY = fixedKey('live', 'CannedCallerKeyForSnapshot');
/** A key of the canned workspace ("CI deploys") that a snapshot leaks into a file. */
export const LEAKED_KEY = fixedKey('live', 'LeakedIntoAnUntrackedFile7');

const WORKSPACE = '7d0c2a9e-5f1b-4c3a-9e8d-2b6f4a1c0e55';
const id = (n: number) => `0000000${n}-aaaa-4bbb-8ccc-00000000000${n}`;

function key(n: number, fields: Partial<ApiKey> & Pick<ApiKey, 'name'>): ApiKey {
  const suffix = [LEAKED_KEY.slice(-4), 'Gr4c', 'N3wK', 'L4pt', 'St4g'][n - 1] ?? 'XXXX';
  const type = fields.key_type ?? 'live';
  return {
    id: id(n),
    workspace_id: WORKSPACE,
    created_by: null,
    key_type: type,
    key_prefix: `op_${type}_`,
    key_suffix: suffix,
    preview: `op_${type}_…${suffix}`,
    scopes: [],
    unknown_scopes: [],
    active: true,
    last_used_at: null,
    rate_limit_per_min: null,
    expires_at: null,
    revoked_at: null,
    rotated_from: null,
    replaced_by: null,
    created_via: null,
    created_at: at(-30 * DAY),
    updated_at: at(-30 * DAY),
    leak: null,
    ...fields,
  };
}

/**
 * The keys a new user trips over (issue 17): one holding every scope, a key rotated an hour
 * ago with a 24-hour grace and its replacement (same name), a revoked key whose old expiry
 * is still ahead, and a test key with a long name that expires in (almost) 3 days.
 */
export const KEYS: ApiKey[] = [
  key(1, { name: 'CI deploys', scopes: [...SCOPES], last_used_at: at(-3 * DAY) }),
  key(2, {
    name: 'billing service',
    scopes: ['workflows:read', 'workspace:read'],
    last_used_at: at(-20 * SECOND),
    expires_at: at(23 * HOUR),
    replaced_by: id(3),
  }),
  key(3, {
    name: 'billing service',
    scopes: ['workflows:read', 'workspace:read'],
    rotated_from: id(2),
    created_at: at(-HOUR),
  }),
  key(4, {
    name: 'old laptop',
    scopes: ['workflows:read'],
    active: false,
    revoked_at: at(-2 * HOUR),
    expires_at: at(23 * HOUR),
  }),
  key(5, {
    name: 'staging deploys from the shared build machine in the basement',
    key_type: 'test',
    scopes: ['workflows:write'],
    expires_at: at(3 * DAY - 5 * SECOND),
    last_used_at: at(-2 * MINUTE),
  }),
];

export const WHOAMI: Whoami = {
  auth_kind: 'api_key',
  user_id: 'u1',
  role: null,
  workspace_id: WORKSPACE,
  workspace_name: 'Acme Corporation',
  api_key_id: id(1),
  key_name: 'CI deploys',
  key_type: 'live',
  scopes: [...SCOPES],
  created_at: at(-120 * DAY),
  expires_at: null,
};

const actor = (name: string) => ({ type: 'user' as const, id: 'u1', name });
const event = (
  n: number,
  type: string,
  ago: number,
  metadata: Record<string, unknown>,
  who: ActivityEvent['actor'] = actor('ada@example.com'),
): ActivityEvent => ({
  id: `e${n}`,
  timestamp: at(-ago),
  user: who.type === 'user' ? { id: who.id ?? '', name: who.name ?? '' } : null,
  action: type,
  kind: type,
  resource: { type: 'api_key', id: id(2), name: null },
  type,
  environment: 'live',
  actor: who,
  target: { type: 'api_key', id: id(2) },
  metadata,
  created_at: at(-ago),
});

export const EVENTS: ActivityEvent[] = [
  event(1, 'api_key_revoked', 2 * HOUR, { name: 'old laptop', preview: 'op_live_…L4pt' }),
  event(2, 'api_key_rotated', HOUR, {
    name: 'billing service',
    preview: 'op_live_…Gr4c',
    new_preview: 'op_live_…N3wK',
    new_key_id: id(3),
    grace_period_seconds: 86_400,
    old_key_ends_at: at(23 * HOUR),
  }),
  event(
    3,
    'api_key_created',
    30 * DAY,
    { name: 'CI deploys', preview: 'op_live_…AbCd' },
    {
      type: 'api_key',
      id: id(9),
      name: 'bootstrap',
    },
  ),
  event(4, 'member_role_changed', 31 * DAY, {
    email: 'bob@example.com',
    from: 'viewer',
    to: 'editor',
  }),
  event(5, 'upload_confirmed', 32 * DAY, { filename: 'episode-12.srt', size_bytes: 52_428_800 }),
  event(6, 'member_login', 33 * DAY, {}, { type: 'system', id: null, name: null }),
];

const envelope = (body: Record<string, unknown>) =>
  new Response(JSON.stringify({ ...body, meta: { request_id: 'req-canned', timestamp: at(0) } }), {
    status: 200,
    headers: { 'content-type': 'application/json', 'x-request-id': 'req-canned' },
  });

/** Answers the few routes the snapshot commands call, from the fixtures above. */
export async function cannedFetch(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const path = url.pathname;
  if (path === '/api/v1/auth/whoami') return envelope({ data: WHOAMI });
  if (path === '/api/v1/activity') {
    return envelope({ data: EVENTS, pagination: { limit: 20, cursor: null, next: null } });
  }
  if (path === '/api/v1/api-keys') {
    const status = url.searchParams.get('status') ?? 'active';
    const keys = KEYS.filter((k) =>
      status === 'all' ? true : status === 'active' ? k.active : !k.active,
    );
    return envelope({
      data: keys,
      pagination: { limit: 50, offset: 0, total: keys.length, next: null, prev: null },
    });
  }
  const one = /^\/api\/v1\/api-keys\/([^/]+)$/.exec(path);
  const found = KEYS.find((k) => k.id === one?.[1]);
  if (found && request.method === 'GET') return envelope({ data: found });
  return new Response(
    JSON.stringify({ error: { code: 'NOT_FOUND', message: 'API key not found.' }, meta: {} }),
    { status: 404, headers: { 'content-type': 'application/json' } },
  );
}

/**
 * Runs `onepin …args` against the canned API on a terminal `columns` wide, and returns what a
 * person sees: the command, stdout, stderr and the exit code, as one text for a snapshot.
 */
export async function transcript(
  args: string[],
  columns: number,
  options: { cwd?: string } = {},
): Promise<string> {
  const io = captureIo({
    tty: true,
    columns,
    env: { ONEPIN_API_KEY: CALLER_KEY, NO_COLOR: '1' },
    ...(options.cwd !== undefined && { cwd: options.cwd }),
  });
  const code = await main(args, io, {
    client: { fetch: cannedFetch, maxRetries: 0 },
    now: () => NOW,
  });
  const ruler = `${'-'.repeat(columns - 1)}|`;
  return [
    `$ onepin ${args.join(' ')}    # a terminal ${columns} columns wide`,
    ruler,
    io.out().trimEnd(),
    '--- stderr',
    io.err().trimEnd(),
    `--- exit ${code}`,
    '',
  ].join('\n');
}
