import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ROLES, type Role, redactKeyShapedText } from '@onepin/core';
import { createKeyCommand } from './admin/create-key.js';
import { createUserCommand } from './admin/create-user.js';
import { resetPasswordCommand } from './admin/reset-password.js';
import { wipeTestDataCommand } from './admin/wipe-test-data.js';
import { ApiError } from './api-error.js';
import { ConfigError, readConfig } from './config.js';
import { startServer } from './main.js';

const HELP = `Usage: onepin-server [serve]
       onepin-server admin create-user --email EMAIL --workspace NAME [--password P] [--role admin|editor|viewer] [--json]
       onepin-server admin reset-password --email EMAIL [--json]
       onepin-server admin create-key --workspace ID --name NAME --scopes a,b [--type live|test] [--expires-at ISO] [--rate-limit N] [--json]
       onepin-server admin wipe-test-data --workspace ID [--json]

Configuration comes from ONEPIN_* environment variables (see the README).`;

class UsageError extends Error {}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

function required(values: Record<string, unknown>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '')
    throw new UsageError(`--${name} is required`);
  return value;
}

async function admin(
  args: string[],
  env: NodeJS.ProcessEnv,
  print: (line: string) => void,
): Promise<void> {
  const [command, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    strict: true,
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
      json: { type: 'boolean', default: false },
    },
  });
  const config = readConfig(env);
  if (command === 'create-user') {
    const role = values.role ?? 'admin';
    if (!(ROLES as readonly string[]).includes(role))
      throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
    await createUserCommand(
      config,
      {
        email: required(values, 'email'),
        workspace: required(values, 'workspace'),
        password: values.password,
        role: role as Role,
        json: values.json,
      },
      print,
    );
    return;
  }
  if (command === 'create-key') {
    const type = values.type ?? 'live';
    if (type !== 'live' && type !== 'test') throw new UsageError('--type must be live or test');
    const rateLimit = values['rate-limit'];
    if (rateLimit !== undefined && !/^[1-9]\d{0,6}$/.test(rateLimit))
      throw new UsageError('--rate-limit must be a positive whole number');
    await createKeyCommand(
      config,
      {
        workspace: required(values, 'workspace'),
        name: required(values, 'name'),
        scopes: values.scopes ?? '',
        type,
        expiresAt: values['expires-at'],
        rateLimitPerMin: rateLimit === undefined ? undefined : Number(rateLimit),
        json: values.json,
      },
      print,
    );
    return;
  }
  if (command === 'reset-password') {
    await resetPasswordCommand(
      config,
      { email: required(values, 'email'), json: values.json },
      print,
    );
    return;
  }
  if (command === 'wipe-test-data') {
    await wipeTestDataCommand(
      config,
      { workspace: required(values, 'workspace'), json: values.json },
      print,
    );
    return;
  }
  throw new UsageError(command ? `unknown admin command "${command}"` : 'missing admin command');
}

export interface ServerCliIo {
  env?: NodeJS.ProcessEnv;
  print?: (line: string) => void;
}

/** The `onepin-server` command line. Returns the exit code. */
export async function runServerCli(argv: string[], io: ServerCliIo = {}): Promise<number> {
  const env = io.env ?? process.env;
  const print = io.print ?? console.log;
  const [command = 'serve', ...rest] = argv;
  try {
    if (command === '--help' || command === '-h' || command === 'help') {
      print(HELP);
      return 0;
    }
    if (command === '--version' || command === '-v') {
      print(version());
      return 0;
    }
    if (command === 'admin') {
      await admin(rest, env, print);
      return 0;
    }
    if (command !== 'serve') throw new UsageError(`unknown command "${command}"`);
    const server = await startServer(readConfig(env), { print });
    let stopping = false;
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) {
        console.error(`${signal} received again: exiting now`);
        process.exit(1);
      }
      stopping = true;
      console.error(`${signal} received: finishing in-flight requests…`);
      server.close().then(
        () => process.exit(0),
        (error: unknown) => {
          console.error(
            `onepin-server: shutdown failed: ${error instanceof Error ? error.message : String(error)}`,
          );
          process.exit(1);
        },
      );
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
    return 0;
  } catch (error) {
    return reportFailure(error);
  }
}

/** What the command prints on failure; its messages may quote arguments or variables, so
 * anything key-shaped in them is replaced by its preview first. */
function printError(line: string): void {
  console.error(redactKeyShapedText(line));
}

function reportFailure(error: unknown): number {
  if (
    error instanceof UsageError ||
    (error instanceof TypeError && (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS'))
  ) {
    printError(`onepin-server: ${error.message}\n\n${HELP}`);
    return 2;
  }
  if (error instanceof ConfigError) {
    printError(`onepin-server: ${error.message}`);
    return 1;
  }
  if (error instanceof ApiError) {
    const details = error.details?.map((d) => `${d.field} ${d.message}`).join('; ');
    printError(`onepin-server: [${error.code}] ${error.message}${details ? ` (${details})` : ''}`);
    return 1;
  }
  const message = error instanceof Error ? error.message : String(error);
  if (/EADDRINUSE/.test(message)) {
    printError(
      `onepin-server: the address is already in use (${message}). Set ONEPIN_PORT to another port.`,
    );
  } else {
    printError(`onepin-server: ${message}`);
  }
  return 1;
}
