import { type Command, CommanderError } from 'commander';
import { CliContext, type CliDeps } from './context.js';
import { CliError, EXIT, UsageError } from './errors.js';
import { type CliIo, processIo } from './io.js';
import { buildProgram } from './program.js';

/** Runs the CLI and returns its exit code: 0 success, 1 error, 2 usage, 130 interrupted. */
export async function main(
  argv: string[],
  io: CliIo = processIo(),
  deps: CliDeps = {},
): Promise<number> {
  // Known before parsing, so mistakes found while parsing are JSON too with --json.
  const ctx = new CliContext(io, deps, { json: wantsJson(argv) });
  const program = buildProgram(ctx);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return ctx.exitCode;
  } catch (error) {
    return await report(ctx, program, argv, error);
  }
}

/** Whether `--json` is among the options (not after `--`, where it would be an argument). */
function wantsJson(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).includes('--json');
}

async function report(
  ctx: CliContext,
  program: Command,
  argv: readonly string[],
  error: unknown,
): Promise<number> {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') {
      return EXIT.ok;
    }
    if (error.code === 'commander.help') {
      if (error.exitCode === 0) return EXIT.ok;
      // A command group without its subcommand (`onepin keys`): commander printed the
      // group's help on stderr (or, with --json, nothing); it is a usage mistake.
      const group = deepestCommand(program, argv);
      if (ctx.jsonRequested) {
        ctx.out.error(
          new UsageError(
            `${commandPath(group)} needs a command: ${group.commands.map((c) => c.name()).join(', ')}.`,
          ),
        );
      }
      return EXIT.usage;
    }
    // Commander already printed the usage problem (as JSON with --json).
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

/** The command `argv` names, as deep as its words go (`keys` for `onepin keys --json`). */
function deepestCommand(program: Command, argv: readonly string[]): Command {
  let command = program;
  for (const word of argv) {
    if (word.startsWith('-')) continue;
    const child = command.commands.find((c) => c.name() === word || c.aliases().includes(word));
    if (!child) break;
    command = child;
  }
  return command;
}

function commandPath(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}
