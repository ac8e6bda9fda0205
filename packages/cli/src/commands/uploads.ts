import { Command } from 'commander';
import type { CliContext } from '../context.js';
import { createUploadsConfirmCommand } from './uploads/confirm.js';
import { createUploadsCreateCommand } from './uploads/create.js';
import { createUploadsDeleteCommand } from './uploads/delete.js';

/** `onepin uploads …` (`uploads:write`). */
export function createUploadsCommand(ctx: CliContext): Command {
  return new Command('uploads')
    .description('Upload files for workflows')
    .addCommand(createUploadsCreateCommand(ctx))
    .addCommand(createUploadsConfirmCommand(ctx))
    .addCommand(createUploadsDeleteCommand(ctx));
}
