import { Command, Option } from 'commander';
import type { CliContext } from '../../context.js';
import {
  addPageOptions,
  collect,
  type PageOptions,
  pageQuery,
  printMore,
} from '../shared/pages.js';
import { keyTable } from './format.js';

export interface KeysListOptions extends PageOptions {
  status?: 'active' | 'revoked' | 'all' | undefined;
}

/** `onepin keys list`: the workspace's keys, never their secrets. */
export function createKeysListCommand(ctx: CliContext, run = keysListRun): Command {
  const command = new Command('list')
    .description("List the workspace's API keys (never their secrets)")
    .addOption(
      new Option(
        '--status <status>',
        'active (usable now, the default), revoked (expired and disabled included) or all',
      )
        .choices(['active', 'revoked', 'all'])
        .default('active'),
    );
  return addPageOptions(command).action((options: KeysListOptions) => run(ctx, options));
}

/** Prints a page of keys (or all of them). */
export async function keysListRun(ctx: CliContext, options: KeysListOptions): Promise<void> {
  const client = await ctx.client();
  const status = options.status ?? 'active';
  const { items, pagination } = await collect(
    client.apiKeys.list({ ...pageQuery(options), status }),
    options,
  );
  ctx.out.data(items, () => keyTable(ctx, items));
  if (items.length === 0 && !ctx.out.json) {
    ctx.out.message(
      status === 'all' ? 'No keys.' : `No ${status} keys (--status all shows every key).`,
    );
  }
  printMore(ctx, pagination, 'keys');
}
