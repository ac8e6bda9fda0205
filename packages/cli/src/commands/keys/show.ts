import { Command } from 'commander';
import type { CliContext } from '../../context.js';
import { findKeyId, KEY_REFERENCE_FORMS } from './find-key.js';
import { keyFields, leakBanner } from './format.js';

export interface KeysShowOptions {
  /** The key's id, unique name or preview. */
  id: string;
}

/** `onepin keys show KEY`: by id, unique name or preview. */
export function createKeysShowCommand(ctx: CliContext, run = keysShowRun): Command {
  return new Command('show')
    .description('Show one API key (never its secret)')
    .argument('<key>', `the key: ${KEY_REFERENCE_FORMS}`)
    .action((id: string) => run(ctx, { id }));
}

/** Prints one key (never its secret: the API has none to give). */
export async function keysShowRun(ctx: CliContext, options: KeysShowOptions): Promise<void> {
  const client = await ctx.client();
  const id = await findKeyId(client, options.id, 'any', ctx.now());
  const key = await client.apiKeys.retrieve(id);
  ctx.out.fields(key, keyFields(ctx, key));
  if (key.leak) ctx.out.warn(leakBanner(key.leak));
}
