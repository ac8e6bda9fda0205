import { Command } from 'commander';
import type { CliContext } from '../../context.js';

export interface UploadsConfirmOptions {
  id: string;
  workflow: string;
}

/** `onepin uploads confirm ID --workflow WF`: binds an uploaded file to a workflow. */
export function createUploadsConfirmCommand(ctx: CliContext, run = uploadsConfirmRun): Command {
  return new Command('confirm')
    .description('Bind an uploaded file to a workflow')
    .argument('<id>', 'the upload id')
    .requiredOption('--workflow <id>', 'the workflow it belongs to')
    .action((id: string, options: { workflow: string }) => run(ctx, { id, ...options }));
}

/** Binds an upload to a workflow. */
export async function uploadsConfirmRun(
  ctx: CliContext,
  options: UploadsConfirmOptions,
): Promise<void> {
  const client = await ctx.client();
  const upload = await client.uploads.confirm(options.id, {
    context_type: 'workflow',
    context_id: options.workflow,
  });
  ctx.out.data(upload, () => '');
  ctx.out.success(`Confirmed ${upload.filename} (${upload.id}) for workflow ${options.workflow}.`);
}
