import { Command } from 'commander';
import type { CliContext } from '../../context.js';
import { keyFields, leakBanner } from './format.js';

export interface KeysShowOptions {
  id: string;
}

/** `onepin keys show ID`. */
export function createKeysShowCommand(ctx: CliContext, run = keysShowRun): Command {
  return new Command('show')
    .description('Show one API key (never its secret)')
    .argument('<id>', 'the key id')
    .action((id: string) => run(ctx, { id }));
}

/** Prints one key (never its secret: the API has none to give). */
export async function keysShowRun(ctx: CliContext, options: KeysShowOptions): Promise<void> {
  const client = await ctx.client();
  const key = await client.apiKeys.retrieve(options.id);
  ctx.out.fields(key, keyFields(ctx, key));
  if (key.leak) ctx.out.warn(leakBanner(key.leak));
}
