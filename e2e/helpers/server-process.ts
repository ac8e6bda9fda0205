import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const SERVER_BIN = fileURLToPath(
  new URL('../../packages/server/dist/bin.js', import.meta.url),
);

/** Where every server started here writes its stdout and stderr; the suite's global setup
 * scans these files for plaintext keys after the last test. */
export const SERVER_LOG_DIR = fileURLToPath(
  new URL('../../test-artifacts/server-logs/', import.meta.url),
);

/** The e2e tests drive the built server, as a user would; `npm test` builds it first. */
export function assertBuilt(): void {
  if (!existsSync(SERVER_BIN))
    throw new Error(`${SERVER_BIN} is missing: run \`npm run build\` first`);
}

const run = promisify(execFile);

/** Runs `onepin-server …` to completion and returns its stdout. */
export async function serverCommand(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const { stdout } = await run(process.execPath, [SERVER_BIN, ...args], {
    env: { ...process.env, ...env },
  });
  return stdout;
}

export interface ServerProcess {
  readonly url: string;
  readonly child: ChildProcess;
  readonly pid: number;
  /** Names the log file under `SERVER_LOG_DIR`. */
  readonly name: string;
  readonly logFile: string;
  /** Everything the server printed so far. */
  output(): string;
  /** Settles when the process has exited. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Sends `signal` (SIGTERM by default) and resolves with the exit code; a server still
   * running after `timeoutMs` is killed and the promise rejects. */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<number | null>;
}

export interface ServerProcessOptions {
  name?: string;
  startTimeoutMs?: number;
}

/** Every server started and not yet exited, so `stopAllServers` can clean up after a failure. */
const running = new Set<ChildProcess>();

/**
 * Starts `onepin-server serve` on 127.0.0.1 and a free port, and waits for its "listening"
 * line. ONEPIN_* variables of the test's own environment are not passed on: only `env`
 * configures the server (with a temporary data directory unless it names one).
 */
export async function startServerProcess(
  env: NodeJS.ProcessEnv,
  options: ServerProcessOptions = {},
): Promise<ServerProcess> {
  assertBuilt();
  const name = options.name ?? `server-${process.pid}-${randomBytes(3).toString('hex')}`;
  mkdirSync(SERVER_LOG_DIR, { recursive: true });
  const logFile = join(SERVER_LOG_DIR, `${name}.log`);
  const log = createWriteStream(logFile, { flags: 'a' });
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([variable]) => !variable.startsWith('ONEPIN_')),
  );
  // Without a data directory of its own the server would write into ./data (its secret,
  // blobs): a temporary one, removed when the server exits.
  const ownDataDir = env.ONEPIN_DATA_DIR ? undefined : mkdtempSync(join(tmpdir(), 'onepin-e2e-'));
  const child = spawn(process.execPath, [SERVER_BIN, 'serve'], {
    env: {
      ...inherited,
      ONEPIN_HOST: '127.0.0.1',
      ONEPIN_PORT: '0',
      ...(ownDataDir && { ONEPIN_DATA_DIR: ownDataDir }),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  if (ownDataDir) child.once('exit', () => rmSync(ownDataDir, { recursive: true, force: true }));
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk;
    log.write(chunk);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  // Output still in the pipes may arrive after 'exit'; 'close' comes after the last of it.
  child.once('close', () => log.end());
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    });
  });

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name} did not start:\n${output}`));
    }, options.startTimeoutMs ?? 15_000);
    const check = () => {
      const match = output.match(/listening on (http:\/\/\S+)/);
      if (match?.[1]) {
        clearTimeout(timer);
        child.stdout.off('data', check);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', check);
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${code ?? signal}) before listening:\n${output}`));
    });
  });

  return {
    url,
    child,
    pid: child.pid ?? -1,
    name,
    logFile,
    output: () => output,
    exited,
    async stop(signal = 'SIGTERM', timeoutMs = 15_000) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          child.kill('SIGKILL');
          reject(new Error(`${name} did not exit within ${timeoutMs} ms of ${signal}`));
        }, timeoutMs);
      });
      try {
        return (await Promise.race([exited, deadline])).code;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** Kills whatever servers are still running (for `afterAll`, after a failed test). */
export async function stopAllServers(): Promise<void> {
  const children = [...running];
  for (const child of children) child.kill('SIGKILL');
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) resolve();
          else child.once('exit', () => resolve());
        }),
    ),
  );
}
