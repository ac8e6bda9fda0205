import { Command } from 'commander';
import type { CliContext } from '../../context.js';
import { webhookFields } from './format.js';

/** `onepin webhooks show ID`. */
export function createWebhooksShowCommand(ctx: CliContext): Command {
  return new Command('show')
    .description('Show one webhook (never its secret)')
    .argument('<id>', 'the webhook id')
    .action(async (id: string) => {
      const client = await ctx.client();
      const webhook = await client.webhooks.retrieve(id);
      ctx.out.fields(webhook, webhookFields(ctx, webhook));
    });
}
