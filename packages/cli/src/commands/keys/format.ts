import type { ApiKey, ApiKeyLeak, OnePinClient } from '@onepin/sdk';
import { isPermissionDenied } from '../../api/sdk.js';
import type { CliContext } from '../../context.js';
import { timeCell, timeField } from '../../format/time.js';

/** `active`, `disabled`, `expired` or `revoked`, as the key stands now. */
export function keyStatus(key: ApiKey, now: number): string {
  if (key.revoked_at) return 'revoked';
  if (key.active) return 'active';
  return key.expires_at && Date.parse(key.expires_at) <= now ? 'expired' : 'disabled';
}

/** `“ci” (op_live_…AbCd)`: how a key is named in questions and messages. */
export function describeKey(key: Pick<ApiKey, 'name' | 'preview'>): string {
  return `“${key.name}” (${key.preview})`;
}

/** The columns of `keys list`. */
export function keyTable(ctx: CliContext, keys: readonly ApiKey[]) {
  const { tty } = ctx.out;
  const now = ctx.now();
  return {
    headers: ['ID', 'NAME', 'PREVIEW', 'TYPE', 'SCOPES', 'STATUS', 'LAST USED', 'EXPIRES'],
    rows: keys.map((key) => [
      key.id,
      key.name,
      key.preview,
      key.key_type,
      key.scopes.join(','),
      keyStatus(key, now),
      timeCell(key.last_used_at, tty, now, 'never'),
      timeCell(key.expires_at, tty, now, 'never'),
    ]),
  };
}

/** The fields of `keys show` (and of `keys update`'s result). */
export function keyFields(ctx: CliContext, key: ApiKey): [string, string][] {
  const { tty } = ctx.out;
  const now = ctx.now();
  return [
    ['ID', key.id],
    ['Name', key.name],
    ['Preview', key.preview],
    ['Type', key.key_type],
    ['Scopes', key.scopes.join(',')],
    ['Status', keyStatus(key, now)],
    [
      'Rate limit',
      key.rate_limit_per_min === null ? 'server default' : `${key.rate_limit_per_min}/min`,
    ],
    ['Created', timeField(key.created_at, tty, now)],
    ['Last used', timeField(key.last_used_at, tty, now, 'never')],
    ['Expires', timeField(key.expires_at, tty, now, 'never')],
    ['Revoked', timeField(key.revoked_at, tty, now)],
    ['Leaked', key.leak ? `${key.leak.reported_at} (${leakSource(key.leak)})` : ''],
  ];
}

function leakSource(leak: ApiKeyLeak): string {
  return leak.source === 'github' ? 'GitHub secret scanning' : 'a public report';
}

/** The warning `keys show` prints under a key reported leaked (the dashboard shows the same). */
export function leakBanner(leak: ApiKeyLeak): string {
  const where = leak.url ? ` at ${leak.url}` : '';
  const what =
    leak.action === 'revoked'
      ? 'and was revoked at once'
      : 'and still works: revoke it (onepin keys revoke ID) and rotate what uses it';
  return `LEAKED: this key was found in public${where} (${leakSource(leak)}, ${leak.reported_at}) ${what}.`;
}

/**
 * How to name a key in a confirmation: `“ci” (op_live_…AbCd)`, looked up; just its id when
 * this key may not read keys (`api_keys:write` without `api_keys:read`).
 */
export async function nameKeyForQuestion(client: OnePinClient, id: string): Promise<string> {
  try {
    return describeKey(await client.apiKeys.retrieve(id));
  } catch (error) {
    if (await isPermissionDenied(error)) return id;
    throw error;
  }
}
