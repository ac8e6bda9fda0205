import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const SERVER_BIN = fileURLToPath(
  new URL('../../packages/server/dist/bin.js', import.meta.url),
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
  url: string;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  child: ChildProcess;
}

/** Starts `onepin-server serve` on a free port and waits for its "listening" line. */
export async function startServerProcess(env: NodeJS.ProcessEnv): Promise<ServerProcess> {
  const child = spawn(process.execPath, [SERVER_BIN, 'serve'], {
    env: { ...process.env, ONEPIN_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 15_000);
    const check = () => {
      const match = output.match(/listening on (http:\/\/\S+)/);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  return {
    url,
    child,
    output: () => output,
    stop(signal = 'SIGTERM') {
      return new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode);
        child.once('exit', (code) => resolve(code));
        child.kill(signal);
      });
    },
  };
}
