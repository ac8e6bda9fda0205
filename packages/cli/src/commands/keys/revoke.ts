import { Command } from 'commander';
import type { CliContext } from '../../context.js';
import { confirmDestructive } from '../../prompt/confirm.js';
import { findKeyId, KEY_REFERENCE_FORMS } from './find-key.js';
import { describeKey, nameKeyForQuestion } from './format.js';

export interface KeysRevokeOptions {
  id: string;
  yes?: boolean | undefined;
}

/** `onepin keys revoke KEY`: the key stops working at once (it stays listed as revoked). */
export function createKeysRevokeCommand(ctx: CliContext, run = keysRevokeRun): Command {
  return new Command('revoke')
    .description('Revoke a key: it stops working at once (it stays listed as revoked)')
    .argument('<key>', `the key: ${KEY_REFERENCE_FORMS}`)
    .option('-y, --yes', 'do not ask for confirmation')
    .action((id: string, options: { yes?: boolean }) => run(ctx, { id, ...options }));
}

/** Revokes a key once confirmed. */
export async function keysRevokeRun(ctx: CliContext, options: KeysRevokeOptions): Promise<void> {
  const client = await ctx.client();
  const id = await findKeyId(client, options.id, 'usable', ctx.now());
  await confirmDestructive(ctx.io, {
    yes: options.yes,
    action: `revoke key ${options.id}`,
    question: async () =>
      `Revoke key ${await nameKeyForQuestion(client, id)}? It stops working at once.`,
    declined: 'the key was not revoked',
  });
  const key = await client.apiKeys.revoke(id);
  ctx.out.data(key, () => '');
  ctx.out.success(`Revoked key ${describeKey(key)}.`);
}
