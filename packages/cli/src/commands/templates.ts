import { Command } from 'commander';
import type { CliContext } from '../context.js';
import { createTemplatesCloneCommand } from './templates/clone.js';
import { createTemplatesListCommand } from './templates/list.js';
import { createTemplatesShowCommand } from './templates/show.js';

/** `onepin templates …` (`templates:read`; clone needs `workflows:write`). */
export function createTemplatesCommand(ctx: CliContext): Command {
  return new Command('templates')
    .description('Browse templates and make workflows from them')
    .addCommand(createTemplatesListCommand(ctx))
    .addCommand(createTemplatesShowCommand(ctx))
    .addCommand(createTemplatesCloneCommand(ctx));
}
