import { CommanderError } from 'commander';
import { CliContext, type CliDeps } from './context.js';
import { CliError, EXIT } from './errors.js';
import { type CliIo, processIo } from './io.js';
import { buildProgram } from './program.js';

/** Runs the CLI and returns its exit code: 0 success, 1 error, 2 usage, 130 interrupted. */
export async function main(
  argv: string[],
  io: CliIo = processIo(),
  deps: CliDeps = {},
): Promise<number> {
  const ctx = new CliContext(io, deps);
  const program = buildProgram(ctx);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return ctx.exitCode;
  } catch (error) {
    return await report(ctx, error);
  }
}

async function report(ctx: CliContext, error: unknown): Promise<number> {
  if (error instanceof CommanderError) {
    // Commander already printed help, the version, or the usage problem.
    if (
      error.code === 'commander.helpDisplayed' ||
      error.code === 'commander.version' ||
      error.code === 'commander.help'
    ) {
      return EXIT.ok;
    }
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  // SDK errors are mapped by a module loaded only on this path (it needs the SDK's classes).
  const cliError =
    error instanceof CliError
      ? error
      : ((await import('./api/to-cli-error.js')).toCliError(error, ctx.target) ??
        new CliError('ERROR', error instanceof Error ? error.message : String(error)));
  ctx.out.error(cliError);
  return cliError.exitCode;
}
