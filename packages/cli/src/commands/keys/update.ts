import type { ApiKeyUpdateParams } from '@onepin/sdk';
import { Command, Option } from 'commander';
import type { CliContext } from '../../context.js';
import { UsageError } from '../../errors.js';
import { parseDateTime, parseRateLimit, parseScopes } from '../../options/parsers.js';
import { checkScopes } from '../../scopes/catalogue.js';
import { findKeyId, KEY_REFERENCE_FORMS } from './find-key.js';
import { describeKey, keyFields } from './format.js';

export interface KeysUpdateOptions {
  id: string;
  name?: string | undefined;
  scopes?: string[] | undefined;
  /** `null`: back to the server's default. */
  rateLimit?: number | null | undefined;
  /** `null`: never expires. */
  expiresAt?: string | null | undefined;
  /** `true` with --enable, `false` with --disable. */
  active?: boolean | undefined;
}

/** `onepin keys update KEY`: name, scopes, rate limit, expiry, enabled. */
export function createKeysUpdateCommand(ctx: CliContext, run = keysUpdateRun): Command {
  return new Command('update')
    .description("Change a key's name, scopes, rate limit or expiry, or disable it")
    .argument('<key>', `the key: ${KEY_REFERENCE_FORMS}`)
    .option('--name <name>', 'a new name')
    .addOption(
      new Option(
        '--scopes <scopes>',
        "the new scopes, comma-separated (replaces them; `onepin scopes list` shows the server's)",
      ).argParser(parseScopes),
    )
    .addOption(
      new Option('--rate-limit <n>', 'requests per minute, or "default"').argParser((value) =>
        value === 'default' ? value : parseRateLimit(value),
      ),
    )
    .addOption(
      new Option('--expires-at <date>', 'a new expiry, or "never"').argParser((value) =>
        value === 'never' ? value : parseDateTime(value),
      ),
    )
    .addOption(
      new Option(
        '--enable',
        'let a disabled key be used again (only a workspace admin may: the server refuses API keys)',
      ).conflicts('disable'),
    )
    .option('--disable', 'stop the key from being used (until an admin enables it again)')
    .action((id: string, flags: KeysUpdateFlags) => run(ctx, { id, ...fromFlags(flags) }));
}

/** The flags as commander collects them; `default` and `never` are words, not values. */
interface KeysUpdateFlags {
  name?: string;
  scopes?: string[];
  rateLimit?: number | 'default';
  expiresAt?: string;
  enable?: true;
  disable?: true;
}

function fromFlags(flags: KeysUpdateFlags): Omit<KeysUpdateOptions, 'id'> {
  const { enable, disable, rateLimit, expiresAt, ...rest } = flags;
  return {
    ...rest,
    ...(rateLimit !== undefined && { rateLimit: rateLimit === 'default' ? null : rateLimit }),
    ...(expiresAt !== undefined && { expiresAt: expiresAt === 'never' ? null : expiresAt }),
    ...(enable && { active: true }),
    ...(disable && { active: false }),
  };
}

/** Sends the given changes (PATCH) and prints the key. */
export async function keysUpdateRun(ctx: CliContext, options: KeysUpdateOptions): Promise<void> {
  const changes: ApiKeyUpdateParams = {
    ...(options.name !== undefined && { name: options.name }),
    ...(options.scopes !== undefined && { scopes: options.scopes }),
    ...(options.rateLimit !== undefined && { rate_limit_per_min: options.rateLimit }),
    ...(options.expiresAt !== undefined && { expires_at: options.expiresAt }),
    ...(options.active !== undefined && { active: options.active }),
  };
  if (Object.keys(changes).length === 0) {
    throw new UsageError(
      'Nothing to change: pass --name, --scopes, --rate-limit, --expires-at, --enable or --disable.',
    );
  }
  const client = await ctx.client();
  if (options.scopes !== undefined) await checkScopes(ctx, client, options.scopes);
  const id = await findKeyId(client, options.id, 'any', ctx.now());
  const key = await client.apiKeys.update(id, changes);
  ctx.out.fields(key, keyFields(ctx, key));
  ctx.out.success(`Updated key ${describeKey(key)}.`);
}
