import { Command } from 'commander';
import type { CliContext } from '../../context.js';
import { confirmDestructive } from '../../prompt/confirm.js';
import { describeKey, nameKeyForQuestion } from './format.js';

export interface KeysRevokeOptions {
  id: string;
  yes?: boolean | undefined;
}

/** `onepin keys revoke ID`: the key stops working at once (it stays listed as revoked). */
export function createKeysRevokeCommand(ctx: CliContext, run = keysRevokeRun): Command {
  return new Command('revoke')
    .description('Revoke a key: it stops working at once (it stays listed as revoked)')
    .argument('<id>', 'the key id')
    .option('-y, --yes', 'do not ask for confirmation')
    .action((id: string, options: { yes?: boolean }) => run(ctx, { id, ...options }));
}

/** Revokes a key once confirmed. */
export async function keysRevokeRun(ctx: CliContext, options: KeysRevokeOptions): Promise<void> {
  const client = await ctx.client();
  await confirmDestructive(ctx.io, {
    yes: options.yes,
    action: `revoke key ${options.id}`,
    question: async () =>
      `Revoke key ${await nameKeyForQuestion(client, options.id)}? It stops working at once.`,
    declined: 'the key was not revoked',
  });
  const key = await client.apiKeys.revoke(options.id);
  ctx.out.data(key, () => '');
  ctx.out.success(`Revoked key ${describeKey(key)}.`);
}
