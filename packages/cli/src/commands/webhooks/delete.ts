import { Command } from 'commander';
import type { CliContext } from '../../context.js';
import { confirmDestructive } from '../../prompt/confirm.js';
import { describeWebhook } from './format.js';

/** `onepin webhooks delete ID`. */
export function createWebhooksDeleteCommand(ctx: CliContext): Command {
  return new Command('delete')
    .description('Delete a webhook with its pending deliveries and its log')
    .argument('<id>', 'the webhook id')
    .option('-y, --yes', 'do not ask for confirmation')
    .action(async (id: string, options: { yes?: boolean }) => {
      const client = await ctx.client();
      await confirmDestructive(ctx.io, {
        yes: options.yes,
        action: `delete webhook ${id}`,
        question: async () =>
          `Delete webhook ${describeWebhook(await client.webhooks.retrieve(id))}? Its pending deliveries are dropped.`,
        declined: 'the webhook was not deleted',
      });
      const webhook = await client.webhooks.delete(id);
      ctx.out.data(webhook, () => '');
      ctx.out.success(`Deleted webhook ${describeWebhook(webhook)}.`);
    });
}
