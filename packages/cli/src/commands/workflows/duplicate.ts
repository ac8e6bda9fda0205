import { Command } from 'commander';
import type { CliContext } from '../../context.js';

export interface WorkflowsDuplicateOptions {
  id: string;
  name?: string | undefined;
}

/** `onepin workflows duplicate ID [--name N]`: a copy ("<name> (Copy)" by default); prints its id. */
export function createWorkflowsDuplicateCommand(
  ctx: CliContext,
  run = workflowsDuplicateRun,
): Command {
  return new Command('duplicate')
    .description('Copy a workflow; prints the copy’s id')
    .argument('<id>', 'the workflow id')
    .option(
      '--name <name>',
      'the copy’s name (default: "<name> (Copy)", or "(Copy 2)"… when taken)',
    )
    .action((id: string, options: { name?: string }) => run(ctx, { id, ...options }));
}

/** Copies a workflow and prints the copy's id. */
export async function workflowsDuplicateRun(
  ctx: CliContext,
  options: WorkflowsDuplicateOptions,
): Promise<void> {
  const client = await ctx.client();
  const copy = await client.workflows.duplicate(
    options.id,
    options.name === undefined ? {} : { name: options.name },
  );
  ctx.out.data(copy, () => copy.id);
  ctx.out.success(`Created “${copy.name}”.`);
}
