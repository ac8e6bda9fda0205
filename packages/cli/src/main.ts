import { CommanderError } from 'commander';
import { CliContext } from './context.js';
import { CliError, EXIT } from './errors.js';
import { type CliIo, processIo } from './io.js';
import { buildProgram } from './program.js';

/** Runs the CLI and returns its exit code: 0 success, 1 error, 2 usage, 130 interrupted. */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const ctx = new CliContext(io);
  const program = buildProgram(ctx);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return ctx.exitCode;
  } catch (error) {
    return report(ctx, error);
  }
}

function report(ctx: CliContext, error: unknown): number {
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
  if (error instanceof CliError) {
    ctx.out.error(error);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  ctx.out.error(new CliError('ERROR', message));
  return EXIT.error;
}
