import { Command, Option } from 'commander';
import type { CliContext } from '../../context.js';
import { formatDuration, relativeTime } from '../../format/time.js';
import { parseGrace } from '../../options/parsers.js';
import { confirmDestructive } from '../../prompt/confirm.js';
import { STORE_IT_NOW } from './create.js';
import { findKeyId, KEY_REFERENCE_FORMS } from './find-key.js';
import { describeKey, nameKeyForQuestion } from './format.js';

export interface KeysRotateOptions {
  id: string;
  /** Seconds the old key keeps working (0: it stops now). */
  grace: number;
  yes?: boolean | undefined;
}

/** `onepin keys rotate KEY [--grace 24h]`: a new secret; the old one ends now or after the grace. */
export function createKeysRotateCommand(ctx: CliContext, run = keysRotateRun): Command {
  return new Command('rotate')
    .description('Replace a key with a new secret (same name, scopes, expiry); prints it once')
    .argument('<key>', `the key: ${KEY_REFERENCE_FORMS}`)
    .addOption(
      new Option('--grace <duration>', 'how long the old key keeps working: 0, 30m, 24h … 7d')
        .argParser(parseGrace)
        .default(0, '0, it stops now'),
    )
    .option('-y, --yes', 'do not ask for confirmation')
    .addHelpText(
      'after',
      '\nExamples:\n  NEW_KEY=$(onepin keys rotate 0f3c… --grace 24h --yes)   # deploy it within a day\n  onepin keys rotate "CI deploys" --grace 30m                # by name, asks first',
    )
    .action((id: string, options: Omit<KeysRotateOptions, 'id'>) => run(ctx, { id, ...options }));
}

/** Rotates a key once confirmed; prints the new plaintext (stdout) and the old key's end. */
export async function keysRotateRun(ctx: CliContext, options: KeysRotateOptions): Promise<void> {
  const client = await ctx.client();
  const id = await findKeyId(client, options.id, 'rotatable', ctx.now());
  const ending = options.grace === 0 ? 'at once' : `in ${formatDuration(options.grace * 1000)}`;
  await confirmDestructive(ctx.io, {
    yes: options.yes,
    action: `rotate key ${options.id}`,
    question: async () =>
      `Rotate key ${await nameKeyForQuestion(client, id)}? The old key stops working ${ending}.`,
    declined: 'the key was not rotated',
  });
  const rotation = await client.apiKeys.rotate(id, {
    grace_period_seconds: options.grace,
  });
  const { old_key: oldKey, new_key: newKey } = rotation;
  ctx.out.data(rotation, () => newKey.api_key);
  ctx.out.success(
    `Rotated ${describeKey(oldKey)}: the new key is ${newKey.preview} (id ${newKey.id}).`,
  );
  const end = oldKey.revoked_at ?? oldKey.expires_at;
  ctx.out.message(
    options.grace === 0 || end === null
      ? `The old key ${oldKey.preview} stopped working.`
      : `The old key ${oldKey.preview} stops working at ${end} (${relativeTime(end, ctx.now())}).`,
  );
  ctx.out.warn(STORE_IT_NOW);
}
