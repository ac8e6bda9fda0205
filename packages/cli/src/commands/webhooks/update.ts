import type { WebhookEventType, WebhookUpdateParams } from '@onepin/sdk';
import { Command, Option } from 'commander';
import type { CliContext } from '../../context.js';
import { UsageError } from '../../errors.js';
import { parseEvents } from '../../options/parsers.js';
import { webhookFields } from './format.js';

interface UpdateOptions {
  url?: string;
  events?: Array<WebhookEventType | '*'>;
  description?: string;
  enable?: boolean;
  disable?: boolean;
}

/** `onepin webhooks update ID`. */
export function createWebhooksUpdateCommand(ctx: CliContext): Command {
  return new Command('update')
    .description("Change a webhook's URL, events or description, or switch it off and on")
    .argument('<id>', 'the webhook id')
    .option('--url <url>', 'the new URL')
    .addOption(new Option('--events <events>', 'the new events, or all').argParser(parseEvents))
    .option('--description <text>', 'the new description ("" clears it)')
    .addOption(new Option('--enable', 'switch it on').conflicts('disable'))
    .option('--disable', 'switch it off: no new events, pending deliveries fail')
    .action(async (id: string, options: UpdateOptions) => {
      const changes: WebhookUpdateParams = {
        ...(options.url !== undefined && { url: options.url }),
        ...(options.events !== undefined && { events: options.events }),
        ...(options.description !== undefined && {
          description: options.description === '' ? null : options.description,
        }),
        ...(options.enable && { active: true }),
        ...(options.disable && { active: false }),
      };
      if (Object.keys(changes).length === 0) {
        throw new UsageError(
          'nothing to change',
          'Pass --url, --events, --description, --enable or --disable.',
        );
      }
      const client = await ctx.client();
      const webhook = await client.webhooks.update(id, changes);
      ctx.out.fields(webhook, webhookFields(ctx, webhook));
    });
}
