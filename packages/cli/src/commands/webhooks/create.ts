import type { WebhookEventType } from '@onepin/sdk';
import { Command, Option } from 'commander';
import type { CliContext } from '../../context.js';
import { parseEvents } from '../../options/parsers.js';
import { describeWebhook, STORE_SECRET_NOW } from './format.js';

interface CreateOptions {
  url: string;
  events: Array<WebhookEventType | '*'>;
  description?: string;
  type?: 'live' | 'test';
  disabled?: boolean;
}

/** `onepin webhooks create`: prints the signing secret once, on stdout. */
export function createWebhooksCreateCommand(ctx: CliContext): Command {
  return new Command('create')
    .description('Create a webhook; prints its signing secret once (stdout), so SECRET=$(…) works')
    .requiredOption('--url <url>', 'where to POST events (http or https, a public address)')
    .addOption(
      new Option('--events <events>', 'comma-separated events, or all')
        .argParser(parseEvents)
        .makeOptionMandatory(),
    )
    .option('--description <text>', 'what the webhook is for')
    .addOption(
      new Option('--type <type>', 'whose events: live (default for live keys) or test').choices([
        'live',
        'test',
      ]),
    )
    .option('--disabled', 'create it switched off')
    .addHelpText(
      'after',
      '\nExamples:\n  onepin webhooks create --url https://example.com/hooks --events api_key.leaked,api_key.revoked\n  SECRET=$(onepin webhooks create --url https://example.com/hooks --events all)',
    )
    .action(async (options: CreateOptions) => {
      const client = await ctx.client();
      const webhook = await client.webhooks.create({
        url: options.url,
        events: options.events,
        ...(options.description !== undefined && { description: options.description }),
        ...(options.type && { environment: options.type }),
        ...(options.disabled && { active: false }),
      });
      ctx.out.data(webhook, () => webhook.secret);
      ctx.out.success(
        `Created webhook ${describeWebhook(webhook)} for ${webhook.events.join(', ')}.`,
      );
      ctx.out.warn(STORE_SECRET_NOW);
    });
}
