import { previewApiKey } from '@onepin/core';
import { Command } from 'commander';
import type { CliContext } from '../../context.js';
import { daysSince, formatDuration, relativeTime, timeField } from '../../format/time.js';

/** Past this age whoami suggests a rotation (SPEC §8). */
export const ROTATE_AFTER_DAYS = 90;
/** Keys that expire sooner than this are pointed out. */
const EXPIRY_NOTICE_MS = 14 * 86_400_000;

/** `onepin whoami`: which key is in use, where it came from, and what it may do. */
export function createWhoamiCommand(ctx: CliContext, run = whoamiRun): Command {
  return new Command('whoami')
    .description('Show the key in use: its source, workspace, name, scopes and age')
    .action(() => run(ctx));
}

/** Asks the server who the resolved key is, and prints it with where the key came from. */
export async function whoamiRun(ctx: CliContext): Promise<void> {
  const credentials = await ctx.credentials();
  const client = await ctx.client();
  const me = await client.auth.whoami();
  const now = ctx.now();
  const preview = previewApiKey(credentials.apiKey);
  const ageDays = me.created_at ? daysSince(me.created_at, now) : null;
  const result = {
    source: credentials.source,
    profile: credentials.profile,
    credentials_path: credentials.path ?? null,
    base_url: client.baseUrl,
    base_url_source: credentials.baseUrlSource,
    workspace_id: me.workspace_id,
    workspace_name: me.workspace_name,
    key_id: me.api_key_id,
    key_name: me.key_name,
    key_type: me.key_type,
    key_preview: preview,
    scopes: me.scopes,
    created_at: me.created_at,
    expires_at: me.expires_at,
    key_age_days: ageDays,
  };
  const source = {
    flag: 'flag (--api-key)',
    env: 'env (ONEPIN_API_KEY)',
    file: `file (${credentials.path})`,
  }[credentials.source];
  const age = me.created_at ? formatDuration(now - Date.parse(me.created_at)) : '';
  ctx.out.fields(result, [
    ['Workspace', me.workspace_name],
    ['Workspace id', me.workspace_id],
    ['Key', me.key_name ?? ''],
    ['Key id', me.api_key_id ?? ''],
    ['Preview', preview],
    ['Type', me.key_type ?? ''],
    [
      'Scopes',
      me.scopes.length > 0
        ? me.scopes.join(ctx.out.tty ? ', ' : ',')
        : ctx.out.tty
          ? 'none (whoami only)'
          : '',
    ],
    ['Age', age],
    ['Created', timeField(me.created_at, ctx.out.tty, now)],
    ['Expires', timeField(me.expires_at, ctx.out.tty, now, 'never')],
    ['Source', source],
    ['Profile', credentials.profile],
    ['Base URL', client.baseUrl],
  ]);
  if (ageDays !== null && ageDays > ROTATE_AFTER_DAYS) {
    ctx.out.warn(
      `This key is ${ageDays} days old (more than ${ROTATE_AFTER_DAYS}). Rotate it: onepin keys rotate ${me.api_key_id} --grace 24h`,
    );
  }
  if (me.expires_at && Date.parse(me.expires_at) - now < EXPIRY_NOTICE_MS) {
    ctx.out.warn(`This key expires ${relativeTime(me.expires_at, now)}.`);
  }
}
