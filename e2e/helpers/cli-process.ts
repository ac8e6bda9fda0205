import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const CLI_BIN = fileURLToPath(new URL('../../packages/cli/dist/onepin.js', import.meta.url));
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The e2e tests drive the built CLI, as a user would; `npm test` builds it first. */
export function assertCliBuilt(): void {
  if (!existsSync(CLI_BIN)) throw new Error(`${CLI_BIN} is missing: run \`npm run build\` first`);
}

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a program to completion with exactly `env` (plus PATH): nothing of the test's own
 * environment — no ONEPIN_* variable, no HOME — leaks in.
 */
export function runProcess(
  command: string,
  args: string[],
  options: { env: Record<string, string>; input?: string; cwd?: string },
): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...options.env },
      cwd: options.cwd ?? REPO_ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

/** Runs the built `onepin …args`. */
export function onepin(
  args: string[],
  options: { env: Record<string, string>; input?: string },
): Promise<Finished> {
  return runProcess(process.execPath, [CLI_BIN, ...args], options);
}

/**
 * Runs `onepin …args` on a pseudo-terminal (util-linux `script`), so stdin, stdout and
 * stderr are a real TTY. `type` answers prompts: once the terminal shows `waitFor`, `text`
 * is typed. Returns everything the terminal showed.
 */
export function onepinOnTerminal(
  args: string[],
  options: { env: Record<string, string>; type: Array<{ waitFor: string; text: string }> },
): Promise<{ code: number | null; screen: string }> {
  const quoted = [process.execPath, CLI_BIN, ...args].map(
    (word) => `'${word.replace(/'/g, `'\\''`)}'`,
  );
  return new Promise((resolve, reject) => {
    // -q: no banner; -e: exit with the command's code; the log goes nowhere.
    const child = spawn('script', ['-qec', quoted.join(' '), '/dev/null'], {
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', TERM: 'xterm', ...options.env },
      cwd: REPO_ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let screen = '';
    const steps = [...options.type];
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the terminal session did not finish; it showed:\n${screen}`));
    }, 15_000);
    const onOutput = (chunk: Buffer) => {
      screen += chunk.toString('utf8');
      const next = steps[0];
      if (next && screen.includes(next.waitFor)) {
        steps.shift();
        child.stdin.write(next.text);
      }
    };
    child.stdout.on('data', onOutput);
    child.stderr.on('data', onOutput);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, screen });
    });
  });
}

/** A `onepin` command still running: what it printed so far, and how to wait on it. */
export interface RunningCli {
  /** Resolves to the first match of `pattern` in stdout + stderr, as soon as it is printed. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** Sends a signal (Ctrl-C is SIGINT). */
  signal(signal: NodeJS.Signals): void;
  readonly finished: Promise<Finished>;
}

/**
 * Starts the built `onepin …args` and leaves it running (`login --web` waits for a browser),
 * with exactly `env` (plus PATH), like `runProcess`.
 */
export function startOnepin(args: string[], options: { env: Record<string, string> }): RunningCli {
  const child = spawn(process.execPath, [CLI_BIN, ...args], {
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...options.env },
    cwd: REPO_ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const listeners = new Set<() => void>();
  const onOutput = () => {
    for (const listener of [...listeners]) listener();
  };
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
    onOutput();
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
    onOutput();
  });
  const finished = new Promise<Finished>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      resolve({ code, stdout, stderr });
      onOutput();
    });
  });
  return {
    finished,
    signal: (signal) => child.kill(signal),
    waitFor(pattern, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = (stdout + stderr).match(pattern);
          if (match) {
            done();
            resolve(match);
          } else if (child.exitCode !== null) {
            done();
            reject(new Error(`onepin exited before printing ${pattern}:\n${stdout}${stderr}`));
          }
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`onepin did not print ${pattern} in time:\n${stdout}${stderr}`));
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        check();
      });
    },
  };
}
