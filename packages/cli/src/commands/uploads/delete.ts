import { Command } from 'commander';
import type { CliContext } from '../../context.js';
import { confirmDestructive } from '../../prompt/confirm.js';

export interface UploadsDeleteOptions {
  id: string;
  yes?: boolean | undefined;
}

/** `onepin uploads delete ID`: the upload and its bytes. */
export function createUploadsDeleteCommand(ctx: CliContext, run = uploadsDeleteRun): Command {
  return new Command('delete')
    .description('Delete an upload and its bytes')
    .argument('<id>', 'the upload id')
    .option('-y, --yes', 'do not ask for confirmation')
    .action((id: string, options: { yes?: boolean }) => run(ctx, { id, ...options }));
}

/** Deletes an upload once confirmed. */
export async function uploadsDeleteRun(
  ctx: CliContext,
  options: UploadsDeleteOptions,
): Promise<void> {
  const client = await ctx.client();
  await confirmDestructive(ctx.io, {
    yes: options.yes,
    action: `delete upload ${options.id}`,
    question: () => `Delete upload ${options.id} and its bytes?`,
    declined: 'the upload was not deleted',
  });
  const deleted = await client.uploads.delete(options.id);
  ctx.out.data(deleted, () => '');
  ctx.out.success(`Deleted upload ${options.id}.`);
}
