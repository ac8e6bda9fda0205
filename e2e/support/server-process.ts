import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built server, as `npm start` runs it. `npm test` builds before testing. */
export const SERVER_BIN = fileURLToPath(
  new URL('../../packages/server/dist/bin.js', import.meta.url),
);

/** Where the servers' stdout and stderr go; scanned for keys after the whole suite. */
export const SERVER_LOG_DIR = fileURLToPath(
  new URL('../../test-artifacts/server-logs/', import.meta.url),
);

export function assertServerBuilt(): void {
  if (!existsSync(SERVER_BIN)) {
    throw new Error(
      `${SERVER_BIN} is missing: run \`npm run build\` first (\`npm test\` builds before testing).`,
    );
  }
}

export interface ServerProcess {
  readonly name: string;
  readonly url: string;
  readonly pid: number;
  readonly logFile: string;
  /** Settles when the process has exited. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Sends a signal and waits (at most `timeoutMs`) for the exit. */
  stop(
    signal?: NodeJS.Signals,
    timeoutMs?: number,
  ): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface ServerProcessOptions {
  /** Names the log file; unique per test run. */
  name: string;
  /** ONEPIN_* settings; the host, port 0, log level and a data dir are filled in. */
  env: Record<string, string>;
  startTimeoutMs?: number;
}

const LISTENING = /OnePin server listening on (http:\/\/\S+)/;

/** Every server a test file started, so `stopAllServers` can clean up after a failure. */
const running = new Set<ChildProcess>();

/**
 * Starts `onepin-server serve` as a child process on 127.0.0.1 and a free port, and resolves
 * once it prints its URL. Its output is appended to a log file under `SERVER_LOG_DIR`.
 */
export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  assertServerBuilt();
  mkdirSync(SERVER_LOG_DIR, { recursive: true });
  const logFile = join(SERVER_LOG_DIR, `${options.name}.log`);
  const log = createWriteStream(logFile, { flags: 'a' });
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('ONEPIN_')),
  );
  const child = spawn(process.execPath, [SERVER_BIN, 'serve'], {
    env: {
      ...inherited,
      ONEPIN_HOST: '127.0.0.1',
      ONEPIN_PORT: '0',
      ONEPIN_LOG_LEVEL: 'info',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    });
  });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  exited.then(() => setTimeout(() => log.end(), 50));

  const url = await new Promise<string>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${options.name} did not start within the time limit:\n${seen}`));
    }, options.startTimeoutMs ?? 15_000);
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      const match = LISTENING.exec(seen);
      if (match?.[1]) {
        clearTimeout(timer);
        child.stdout.off('data', onData);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
    });
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`${options.name} exited (${code ?? signal}) before listening:\n${seen}`));
    });
  });

  const pid = child.pid ?? -1;
  return {
    name: options.name,
    url,
    pid,
    logFile,
    exited,
    async stop(signal = 'SIGTERM', timeoutMs = 15_000) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          child.kill('SIGKILL');
          reject(new Error(`${options.name} did not exit within ${timeoutMs} ms of ${signal}`));
        }, timeoutMs);
      });
      try {
        return await Promise.race([exited, deadline]);
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
