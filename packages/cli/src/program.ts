import { Command, Option } from 'commander';
import pkg from '../package.json' with { type: 'json' };
import { createActivityCommand } from './commands/activity.js';
import { createLoginCommand } from './commands/auth/login.js';
import { createLogoutCommand } from './commands/auth/logout.js';
import { createWhoamiCommand } from './commands/auth/whoami.js';
import { completionCommand } from './commands/completion.js';
import { createKeysCommand } from './commands/keys.js';
import { scanCommand } from './commands/scan.js';
import { schemaCommand } from './commands/schema.js';
import { createScopesCommand } from './commands/scopes.js';
import { createTemplatesCommand } from './commands/templates.js';
import { createUploadsCommand } from './commands/uploads.js';
import { createWebhooksCommand } from './commands/webhooks.js';
import { createWorkflowsCommand } from './commands/workflows.js';
import type { CliContext, GlobalOptions } from './context.js';
import { UsageError } from './errors.js';

/** Builds the whole `onepin` command tree around one context. */
export function buildProgram(ctx: CliContext): Command {
  const program = new Command('onepin')
    .description('OnePin from the command line: log in with an API key, manage keys and resources.')
    .version(pkg.version, '--version', 'print the version')
    .addOption(
      new Option(
        '--api-key <key>',
        'API key to use (default: ONEPIN_API_KEY, then the credentials file)',
      ),
    )
    .addOption(
      new Option(
        '--base-url <url>',
        'API base URL (default: ONEPIN_BASE_URL, the profile, http://127.0.0.1:8000)',
      ),
    )
    .addOption(
      new Option(
        '--profile <name>',
        'credentials profile (default: ONEPIN_PROFILE, then "default")',
      ),
    )
    .option('--json', 'print JSON (data on stdout, errors on stderr)')
    .option('--no-color', 'never colour the output (also: NO_COLOR)')
    .option('-v, --verbose', 'explain what is happening')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true);

  program.hook('preAction', (_program, action) =>
    ctx.configure(action.optsWithGlobals<GlobalOptions>()),
  );

  for (const command of [
    createLoginCommand(ctx),
    createLogoutCommand(ctx),
    createWhoamiCommand(ctx),
    createKeysCommand(ctx),
    createScopesCommand(ctx),
    createWorkflowsCommand(ctx),
    createTemplatesCommand(ctx),
    createUploadsCommand(ctx),
    createActivityCommand(ctx),
    createWebhooksCommand(ctx),
    scanCommand(ctx),
    schemaCommand(ctx, () => program),
    completionCommand(ctx, () => program),
  ]) {
    program.addCommand(command);
  }
  configureAll(program, ctx);
  return program;
}

/** Settings commander does not pass down to commands built on their own: errors are thrown
 * (the caller maps them to exit codes), all output goes through the context's streams, and
 * each command's help lists the global options too. With --json, a mistake found while
 * parsing is the same JSON error object as any other (and no help text is mixed in). */
function configureAll(command: Command, ctx: CliContext): void {
  command
    .exitOverride()
    .configureOutput({
      writeOut: (text) => ctx.io.stdout.write(text),
      writeErr: (text) => {
        if (!ctx.jsonRequested) ctx.io.stderr.write(text);
      },
      outputError: (text, write) => {
        if (ctx.jsonRequested) ctx.out.error(new UsageError(commanderMessage(text)));
        else write(text.replace(/^error: /, '[USAGE] '));
      },
    })
    .configureHelp({ showGlobalOptions: true });
  for (const child of command.commands) configureAll(child, ctx);
}

/** Commander's error text as one message: without its `error: ` and its line breaks. */
function commanderMessage(text: string): string {
  return text
    .replace(/^error: /, '')
    .trim()
    .split('\n')
    .map((line) => line.trim())
    .join(' ');
}
