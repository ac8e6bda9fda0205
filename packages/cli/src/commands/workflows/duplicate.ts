import { Command } from 'commander';
import type { CliContext } from '../../context.js';

export interface WorkflowsDuplicateOptions {
  id: string;
}

/** `onepin workflows duplicate ID`: a copy named "<name> (Copy)"; prints its id. */
export function createWorkflowsDuplicateCommand(
  ctx: CliContext,
  run = workflowsDuplicateRun,
): Command {
  return new Command('duplicate')
    .description('Copy a workflow under the name "<name> (Copy)"; prints the copy’s id')
    .argument('<id>', 'the workflow id')
    .action((id: string) => run(ctx, { id }));
}

/** Copies a workflow and prints the copy's id. */
export async function workflowsDuplicateRun(
  ctx: CliContext,
  options: WorkflowsDuplicateOptions,
): Promise<void> {
  const client = await ctx.client();
  const copy = await client.workflows.duplicate(options.id);
  ctx.out.data(copy, () => copy.id);
  ctx.out.success(`Created “${copy.name}”.`);
}
