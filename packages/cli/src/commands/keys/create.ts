import type { KeyType } from '@onepin/sdk';
import { Command, Option } from 'commander';
import type { CliContext } from '../../context.js';
import { parseDateTime, parseRateLimit, parseScopes } from '../../options/parsers.js';
import { checkScopes } from '../../scopes/catalogue.js';
import { describeKey } from './format.js';

export interface KeysCreateOptions {
  name: string;
  scopes: string[];
  type?: KeyType | undefined;
  expiresAt?: string | undefined;
  rateLimit?: number | undefined;
}

/** The advice printed with every plaintext key (create and rotate). */
export const STORE_IT_NOW =
  'This is the only time the key is shown: store it in a secrets manager now, never in code or git.';

/** `onepin keys create`: prints the new key's plaintext, once, on stdout. */
export function createKeysCreateCommand(ctx: CliContext, run = keysCreateRun): Command {
  return new Command('create')
    .description('Create an API key; prints its plaintext once (stdout), so KEY=$(…) works')
    .requiredOption('--name <name>', 'what the key is for, 1–120 characters')
    .addOption(
      new Option(
        '--scopes <scopes>',
        "comma-separated scopes (none: whoami only; `onepin scopes list` shows the server's)",
      )
        .argParser(parseScopes)
        .default([], 'none'),
    )
    .addOption(new Option('--type <type>', 'live (default) or test').choices(['live', 'test']))
    .addOption(
      new Option('--expires-at <date>', 'when it stops working, e.g. 2027-01-31').argParser(
        parseDateTime,
      ),
    )
    .addOption(
      new Option('--rate-limit <n>', 'requests per minute (default: the server’s)').argParser(
        parseRateLimit,
      ),
    )
    .addHelpText(
      'after',
      '\nExamples:\n  onepin keys create --name ci --scopes workflows:read,templates:read\n  KEY=$(onepin keys create --name deploy --scopes workflows:write --expires-at 2027-01-31)',
    )
    .action((options: KeysCreateOptions) => run(ctx, options));
}

/** Creates a key and prints its plaintext, the one time it exists, on stdout. */
export async function keysCreateRun(ctx: CliContext, options: KeysCreateOptions): Promise<void> {
  const client = await ctx.client();
  await checkScopes(ctx, client, options.scopes);
  const key = await client.apiKeys.create({
    name: options.name,
    scopes: options.scopes,
    ...(options.type && { key_type: options.type }),
    ...(options.expiresAt && { expires_at: options.expiresAt }),
    ...(options.rateLimit !== undefined && { rate_limit_per_min: options.rateLimit }),
  });
  ctx.out.data(key, () => key.api_key);
  const scopes =
    key.scopes.length > 0
      ? `scopes ${key.scopes.join(', ')}`
      : 'no scopes (it can only call whoami)';
  ctx.out.success(`Created ${key.key_type} key ${describeKey(key)} with ${scopes}. Id: ${key.id}`);
  ctx.out.warn(STORE_IT_NOW);
}
