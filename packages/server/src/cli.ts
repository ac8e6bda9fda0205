import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ROLES, type Role, redactKeyShapedText } from '@onepin/core';
import type { AdminOutput } from './admin/admin-context.js';
import { createKeyCommand } from './admin/create-key.js';
import { createUserCommand } from './admin/create-user.js';
import { grantInstanceAdminCommand } from './admin/grant-instance-admin.js';
import { ADMIN_COMMAND_HELP, ADMIN_HELP, SERVER_HELP } from './admin/help.js';
import { resetPasswordCommand } from './admin/reset-password.js';
import {
  createServiceTokenCommand,
  listServiceTokensCommand,
  revokeServiceTokenCommand,
} from './admin/service-tokens.js';
import { wipeTestDataCommand } from './admin/wipe-test-data.js';
import { ApiError } from './api-error.js';
import { ConfigError, readConfig } from './config.js';
import { startServer } from './main.js';

class UsageError extends Error {
  /** The help printed after the message: the command's own. */
  constructor(
    message: string,
    readonly help: string = SERVER_HELP,
  ) {
    super(message);
  }
}

const HELP_FLAGS = new Set(['--help', '-h', 'help']);

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

function required(values: Record<string, unknown>, name: string, help: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '')
    throw new UsageError(`--${name} is required`, help);
  return value;
}

async function admin(args: string[], env: NodeJS.ProcessEnv, out: AdminOutput): Promise<void> {
  const [command, ...rest] = args;
  if (command === undefined || HELP_FLAGS.has(command)) {
    if (command === undefined) throw new UsageError('missing admin command', ADMIN_HELP);
    out.print(ADMIN_HELP);
    return;
  }
  const help = ADMIN_COMMAND_HELP[command];
  if (help === undefined) throw new UsageError(`unknown admin command "${command}"`, ADMIN_HELP);
  if (rest.some((arg) => arg === '--help' || arg === '-h')) {
    out.print(help);
    return;
  }
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions(rest);
  } catch (error) {
    throw new UsageError((error as Error).message, help);
  }
  const { values, positionals } = parsed;
  // Only revoke-service-token takes an argument (the id); the others take options alone.
  const takesId = command === 'revoke-service-token';
  if (!takesId && positionals.length > 0) {
    throw new UsageError(
      `Unexpected argument '${positionals[0]}'. This command does not take positional arguments`,
      help,
    );
  }
  if (takesId && positionals.length !== 1) {
    throw new UsageError(
      positionals.length === 0
        ? 'the service token id is required'
        : 'give one service token id at a time',
      help,
    );
  }
  const config = readConfig(env);
  if (command === 'create-service-token') {
    await createServiceTokenCommand(
      config,
      { name: required(values, 'name', help), json: values.json },
      out,
    );
    return;
  }
  if (command === 'list-service-tokens') {
    await listServiceTokensCommand(config, { json: values.json }, out);
    return;
  }
  if (takesId) {
    await revokeServiceTokenCommand(
      config,
      { id: positionals[0] as string, json: values.json },
      out,
    );
    return;
  }
  if (command === 'grant-instance-admin') {
    await grantInstanceAdminCommand(
      config,
      { email: required(values, 'email', help), json: values.json },
      out,
    );
    return;
  }
  if (command === 'create-user') {
    const role = values.role ?? 'admin';
    if (!(ROLES as readonly string[]).includes(role))
      throw new UsageError(`--role must be one of ${ROLES.join(', ')}`, help);
    await createUserCommand(
      config,
      {
        email: required(values, 'email', help),
        workspace: required(values, 'workspace', help),
        password: values.password,
        role: role as Role,
        instanceAdmin: values['instance-admin'],
        json: values.json,
      },
      out.print,
    );
    return;
  }
  if (command === 'create-key') {
    const type = values.type ?? 'live';
    if (type !== 'live' && type !== 'test')
      throw new UsageError('--type must be live or test', help);
    const rateLimit = values['rate-limit'];
    if (rateLimit !== undefined && !/^[1-9]\d{0,6}$/.test(rateLimit))
      throw new UsageError('--rate-limit must be a positive whole number', help);
    await createKeyCommand(
      config,
      {
        workspace: required(values, 'workspace', help),
        name: required(values, 'name', help),
        scopes: values.scopes ?? '',
        type,
        expiresAt: values['expires-at'],
        rateLimitPerMin: rateLimit === undefined ? undefined : Number(rateLimit),
        json: values.json,
      },
      out,
    );
    return;
  }
  if (command === 'reset-password') {
    await resetPasswordCommand(
      config,
      { email: required(values, 'email', help), json: values.json },
      out.print,
    );
    return;
  }
  await wipeTestDataCommand(
    config,
    { workspace: required(values, 'workspace', help), json: values.json },
    out.print,
  );
}

function parseOptions(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    strict: true,
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      workspace: { type: 'string' },
      password: { type: 'string' },
      role: { type: 'string' },
      name: { type: 'string' },
      scopes: { type: 'string' },
      type: { type: 'string' },
      'expires-at': { type: 'string' },
      'rate-limit': { type: 'string' },
      'instance-admin': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  return { values, positionals };
}

export interface ServerCliIo {
  env?: NodeJS.ProcessEnv;
  /** stdout: results (a key, JSON). */
  print?: (line: string) => void;
  /** stderr: messages and errors for people. */
  printError?: (line: string) => void;
}

/** The `onepin-server` command line. Returns the exit code: 0, 1 (failure) or 2 (usage). */
export async function runServerCli(argv: string[], io: ServerCliIo = {}): Promise<number> {
  const env = io.env ?? process.env;
  const out: AdminOutput = {
    print: io.print ?? ((line) => console.log(line)),
    printError: io.printError ?? ((line) => console.error(line)),
  };
  const [command = 'serve', ...rest] = argv;
  const json = command === 'admin' && rest.includes('--json');
  try {
    if (HELP_FLAGS.has(command)) {
      out.print(SERVER_HELP);
      return 0;
    }
    if (command === '--version' || command === '-v') {
      out.print(version());
      return 0;
    }
    if (command === 'admin') {
      await admin(rest, env, out);
      return 0;
    }
    if (command !== 'serve') throw new UsageError(`unknown command "${command}"`);
    if (rest.some((arg) => HELP_FLAGS.has(arg))) {
      out.print(SERVER_HELP);
      return 0;
    }
    if (rest.length > 0) throw new UsageError(`serve takes no arguments, got "${rest[0]}"`);
    await serve(env, out);
    return 0;
  } catch (error) {
    return reportFailure(error, out, json);
  }
}

async function serve(env: NodeJS.ProcessEnv, out: AdminOutput): Promise<void> {
  const server = await startServer(readConfig(env), { print: out.print });
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      out.printError(`${signal} received again: exiting now`);
      process.exit(1);
    }
    stopping = true;
    out.printError(`${signal} received: finishing in-flight requests…`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        out.printError(
          `onepin-server: shutdown failed: ${error instanceof Error ? error.message : String(error)}`,
        );
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

/**
 * Prints the failure (as JSON with --json) and returns the exit code. A message may quote
 * arguments or variables, so anything key-shaped in it is replaced by its preview first.
 */
function reportFailure(error: unknown, out: AdminOutput, json: boolean): number {
  const failure = describeFailure(error);
  const printError = (line: string) => out.printError(redactKeyShapedText(line));
  if (json) {
    printError(
      JSON.stringify({
        error: {
          code: failure.code,
          message: failure.message,
          ...(failure.details && { details: failure.details }),
        },
      }),
    );
  } else {
    printError(`onepin-server: ${failure.text}${failure.help ? `\n\n${failure.help}` : ''}`);
  }
  return failure.exitCode;
}

interface Failure {
  code: string;
  message: string;
  /** The one-line text without --json. */
  text: string;
  details?: ReadonlyArray<{ field: string; message: string }> | undefined;
  help?: string;
  exitCode: number;
}

function describeFailure(error: unknown): Failure {
  if (error instanceof UsageError) {
    return {
      code: 'USAGE',
      message: error.message,
      text: error.message,
      help: error.help,
      exitCode: 2,
    };
  }
  if (error instanceof ConfigError) {
    return {
      code: 'CONFIGURATION_ERROR',
      message: error.message,
      text: error.message,
      exitCode: 1,
    };
  }
  if (error instanceof ApiError) {
    const details = error.details?.map((d) => `${d.field} ${d.message}`).join('; ');
    return {
      code: error.code,
      message: error.message,
      text: `[${error.code}] ${error.message}${details ? ` (${details})` : ''}`,
      details: error.details,
      exitCode: 1,
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  const text = /EADDRINUSE/.test(message)
    ? `the address is already in use (${message}). Set ONEPIN_PORT to another port.`
    : message;
  return { code: 'ERROR', message: text, text, exitCode: 1 };
}
