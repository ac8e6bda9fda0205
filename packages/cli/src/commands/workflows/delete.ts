import { Command } from 'commander';
import type { CliContext } from '../../context.js';
import { confirmDestructive } from '../../prompt/confirm.js';
import { nameWorkflowForQuestion } from './format.js';

export interface WorkflowsDeleteOptions {
  id: string;
  yes?: boolean | undefined;
}

/** `onepin workflows delete ID`. */
export function createWorkflowsDeleteCommand(ctx: CliContext, run = workflowsDeleteRun): Command {
  return new Command('delete')
    .description('Delete a workflow')
    .argument('<id>', 'the workflow id')
    .option('-y, --yes', 'do not ask for confirmation')
    .action((id: string, options: { yes?: boolean }) => run(ctx, { id, ...options }));
}

/** Deletes a workflow once confirmed. */
export async function workflowsDeleteRun(
  ctx: CliContext,
  options: WorkflowsDeleteOptions,
): Promise<void> {
  const client = await ctx.client();
  await confirmDestructive(ctx.io, {
    yes: options.yes,
    action: `delete workflow ${options.id}`,
    question: async () => `Delete workflow ${await nameWorkflowForQuestion(client, options.id)}?`,
    declined: 'the workflow was not deleted',
  });
  const deleted = await client.workflows.delete(options.id);
  ctx.out.data(deleted, () => '');
  ctx.out.success(`Deleted workflow ${options.id}.`);
}
