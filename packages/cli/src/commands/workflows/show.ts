import { Command } from 'commander';
import type { CliContext } from '../../context.js';
import { workflowFields } from './format.js';

export interface WorkflowsShowOptions {
  id: string;
}

/** `onepin workflows show ID` (the whole definition with --json). */
export function createWorkflowsShowCommand(ctx: CliContext, run = workflowsShowRun): Command {
  return new Command('show')
    .description('Show a workflow (with --json: its whole definition)')
    .argument('<id>', 'the workflow id')
    .action((id: string) => run(ctx, { id }));
}

/** Prints one workflow. */
export async function workflowsShowRun(
  ctx: CliContext,
  options: WorkflowsShowOptions,
): Promise<void> {
  const client = await ctx.client();
  const workflow = await client.workflows.retrieve(options.id);
  ctx.out.fields(workflow, workflowFields(ctx, workflow));
}
