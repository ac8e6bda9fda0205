import { Command } from 'commander';
import type { CliContext } from '../context.js';
import { createWorkflowsCreateCommand } from './workflows/create.js';
import { createWorkflowsDeleteCommand } from './workflows/delete.js';
import { createWorkflowsDuplicateCommand } from './workflows/duplicate.js';
import { createWorkflowsListCommand } from './workflows/list.js';
import { createWorkflowsShowCommand } from './workflows/show.js';
import { createWorkflowsUpdateCommand } from './workflows/update.js';

/** `onepin workflows …` (`workflows:read` / `workflows:write`). */
export function createWorkflowsCommand(ctx: CliContext): Command {
  return new Command('workflows')
    .description("Manage the workspace's workflows")
    .addCommand(createWorkflowsListCommand(ctx))
    .addCommand(createWorkflowsShowCommand(ctx))
    .addCommand(createWorkflowsCreateCommand(ctx))
    .addCommand(createWorkflowsUpdateCommand(ctx))
    .addCommand(createWorkflowsDeleteCommand(ctx))
    .addCommand(createWorkflowsDuplicateCommand(ctx));
}
