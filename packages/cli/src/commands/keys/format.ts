import type { ApiKey, ApiKeyLeak, OnePinClient } from '@onepin/sdk';
import { type KeyStatus, keyStatus, keyStatusLabel, relativeTime } from '@onepin/sdk/format';
import { isPermissionDenied } from '../../api/sdk.js';
import type { CliContext } from '../../context.js';
import { timeCell, timeField } from '../../format/time.js';
import type { Table } from '../../output/table.js';

/** `active`, `rotated`, `disabled`, `expired` or `revoked`, as the key stands now. */
export function keyState(key: ApiKey, now: number): KeyStatus['state'] {
  return keyStatus(key, now).state;
}

/** `“ci” (op_live_…AbCd)`: how a key is named in questions and messages. */
export function describeKey(key: Pick<ApiKey, 'name' | 'preview'>): string {
  return `“${key.name}” (${key.preview})`;
}

/** Past this many characters a key's scopes read as a count in a table ("7 scopes"). */
const SCOPES_IN_FULL = 24;

/** The key's scopes that the server's catalogue no longer has (none from an older server). */
function unknownScopes(key: ApiKey): readonly string[] {
  return key.unknown_scopes ?? [];
}

/** On a terminal, a scope removed from the server's catalogue reads `name (unknown)`. */
function marked(key: ApiKey, tty: boolean): string[] {
  const unknown = unknownScopes(key);
  return key.scopes.map((scope) => (tty && unknown.includes(scope) ? `${scope} (unknown)` : scope));
}

/** Scopes in a table cell: listed while short, else counted (`keys show` lists them all). */
function scopesCell(key: ApiKey, tty: boolean): string {
  const all = marked(key, tty).join(',');
  if (!tty) return all;
  if (key.scopes.length === 0) return 'none';
  if (all.length <= SCOPES_IN_FULL) return all;
  const unknown = unknownScopes(key).length;
  return `${key.scopes.length} scopes${unknown > 0 ? ` (${unknown} unknown)` : ''}`;
}

/**
 * The columns of `keys list`. On a terminal the status reads as a person says it
 * ("Rotated — stops working in 23 hours", "Revoked 2 hours ago") and a key that has ended
 * shows no expiry; when the table is wider than the terminal, the type goes first, then the
 * scopes, the expiry, the last use and the id (a key can be named by its preview too).
 */
export function keyTable(ctx: CliContext, keys: readonly ApiKey[]): Table {
  const { tty } = ctx.out;
  const now = ctx.now();
  return {
    headers: ['ID', 'NAME', 'PREVIEW', 'TYPE', 'SCOPES', 'STATUS', 'LAST USED', 'EXPIRES'],
    fit: [
      { drop: 5 },
      { min: 10 },
      undefined,
      { drop: 1 },
      { drop: 2 },
      undefined,
      { drop: 4 },
      { drop: 3 },
    ],
    rows: keys.map((key) => {
      const status = keyStatus(key, now);
      const ended = status.state !== 'active' && status.state !== 'disabled';
      return [
        key.id,
        key.name,
        key.preview,
        key.key_type,
        scopesCell(key, tty),
        tty ? keyStatusLabel(status, (iso) => relativeTime(iso, now)) : status.state,
        timeCell(key.last_used_at, tty, now, 'never'),
        tty && ended ? '' : timeCell(key.expires_at, tty, now, 'never'),
      ];
    }),
  };
}

/** The fields of `keys show` (and of `keys update`'s result). */
export function keyFields(ctx: CliContext, key: ApiKey): [string, string][] {
  const { tty } = ctx.out;
  const now = ctx.now();
  const status = keyStatus(key, now);
  const ended = status.state !== 'active' && status.state !== 'disabled';
  return [
    ['ID', key.id],
    ['Name', key.name],
    ['Preview', key.preview],
    ['Type', key.key_type],
    [
      'Scopes',
      key.scopes.length > 0
        ? marked(key, tty).join(tty ? ', ' : ',')
        : tty
          ? 'none (whoami only)'
          : '',
    ],
    // Only a key holding scopes the server no longer knows has the row.
    ...(unknownScopes(key).length > 0
      ? [
          [
            'Unknown scopes',
            tty
              ? `${unknownScopes(key).join(', ')} (no longer in the server's catalogue: they grant nothing)`
              : unknownScopes(key).join(','),
          ] as [string, string],
        ]
      : []),
    [
      'Status',
      tty ? keyStatusLabel(status, (iso) => `at ${iso} (${relativeTime(iso, now)})`) : status.state,
    ],
    [
      'Rate limit',
      key.rate_limit_per_min === null ? 'server default' : `${key.rate_limit_per_min}/min`,
    ],
    ['Created', timeField(key.created_at, tty, now)],
    ['Last used', timeField(key.last_used_at, tty, now, 'never')],
    // An ended key's status already says when it stopped; its old expiry would mislead.
    ['Expires', tty && ended ? '' : timeField(key.expires_at, tty, now, 'never')],
    ['Revoked', timeField(key.revoked_at, tty, now)],
    ['Replaced by', key.replaced_by ?? ''],
    ['Rotated from', key.rotated_from ?? ''],
    // Only a key reported leaked has the row (its banner follows on stderr).
    ...(key.leak
      ? [['Leaked', `${key.leak.reported_at} (${leakSource(key.leak)})`] as [string, string]]
      : []),
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
