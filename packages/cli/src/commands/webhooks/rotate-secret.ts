import { Command, Option } from 'commander';
import type { CliContext } from '../../context.js';
import { formatDuration } from '../../format/time.js';
import { parseGrace } from '../../options/parsers.js';
import { confirmDestructive } from '../../prompt/confirm.js';
import { describeWebhook, STORE_SECRET_NOW } from './format.js';

/** `onepin webhooks rotate-secret ID [--grace 24h]`: prints the new secret once. */
export function createWebhooksRotateSecretCommand(ctx: CliContext): Command {
  return new Command('rotate-secret')
    .description('Give a webhook a new signing secret; prints it once (stdout)')
    .argument('<id>', 'the webhook id')
    .addOption(
      new Option('--grace <duration>', 'how long the old secret keeps signing too: 0 … 7d')
        .argParser(parseGrace)
        .default(86_400, '24h'),
    )
    .option('-y, --yes', 'do not ask for confirmation')
    .action(async (id: string, options: { grace: number; yes?: boolean }) => {
      const client = await ctx.client();
      const ending = options.grace === 0 ? 'at once' : `in ${formatDuration(options.grace * 1000)}`;
      await confirmDestructive(ctx.io, {
        yes: options.yes,
        action: `rotate the secret of webhook ${id}`,
        question: async () =>
          `Rotate the signing secret of ${describeWebhook(await client.webhooks.retrieve(id))}? The old secret stops signing ${ending}.`,
        declined: 'the secret was not rotated',
      });
      const webhook = await client.webhooks.rotateSecret(id, {
        grace_period_seconds: options.grace,
      });
      ctx.out.data(webhook, () => webhook.secret);
      ctx.out.success(
        webhook.previous_secret_expires_at === null
          ? `Rotated the secret of ${describeWebhook(webhook)}; the old one no longer signs.`
          : `Rotated the secret of ${describeWebhook(webhook)}; deliveries carry both signatures until ${webhook.previous_secret_expires_at}.`,
      );
      ctx.out.warn(STORE_SECRET_NOW);
    });
}
