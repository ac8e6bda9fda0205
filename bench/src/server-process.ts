import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ChildInfo, ChildMessage, Command, FlushReport } from './child/protocol.js';

const running = new Set<ChildProcess>();
// Whatever happens to the harness, no server child outlives it.
process.on('exit', () => {
  for (const child of running) child.kill();
});

export interface StartOptions {
  /** Start the child with `--cpu-prof`, writing its profile to this directory when it stops. */
  profileDir?: string;
  startTimeoutMs?: number;
}

/** A server in its own child process, listening on 127.0.0.1 on a port it picked. */
export class ServerProcess {
  readonly url: string;
  readonly info: ChildInfo;
  readonly #child: ChildProcess;
  readonly #pending = new Map<number, (message: ChildMessage & { type: 'reply' }) => void>();
  #nextId = 1;

  private constructor(child: ChildProcess, port: number, info: ChildInfo) {
    this.#child = child;
    this.url = `http://127.0.0.1:${port}`;
    this.info = info;
    child.on('message', (message: ChildMessage) => {
      if (message.type !== 'reply') return;
      this.#pending.get(message.id)?.(message);
      this.#pending.delete(message.id);
    });
  }

  /** Forks `bench/dist/child/<entry>.js` with its configuration and waits until it listens. */
  static start(entry: string, config: object, options: StartOptions = {}): Promise<ServerProcess> {
    const script = fileURLToPath(new URL(`./child/${entry}.js`, import.meta.url));
    const child = fork(script, [JSON.stringify(config)], {
      // stdout (the server's request log) goes to /dev/null; errors stay visible.
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      execArgv: options.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`] : [],
    });
    running.add(child);
    child.once('exit', () => running.delete(child));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill();
        reject(new Error(`${entry} did not start within ${options.startTimeoutMs ?? 120_000} ms`));
      }, options.startTimeoutMs ?? 120_000);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`${entry} exited with code ${code} before it was ready`));
      });
      child.once('message', (message: ChildMessage) => {
        clearTimeout(timer);
        if (message.type === 'ready') resolve(new ServerProcess(child, message.port, message.info));
        else
          reject(new Error(`${entry} failed to start: ${'error' in message ? message.error : ''}`));
      });
    });
  }

  /** The child's CPU time so far (user + system), in microseconds. */
  async cpuMicros(): Promise<number> {
    return (await this.#ask('cpu')) as number;
  }

  /** Makes the child write what it batches (OnePin's last-used times) now. */
  async flush(): Promise<FlushReport> {
    return (await this.#ask('flush')) as FlushReport;
  }

  async stop(): Promise<void> {
    if (this.#child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.#child.once('exit', resolve));
    await this.#ask('stop');
    await exited;
  }

  #ask(type: Command['type']): Promise<unknown> {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, (reply) =>
        reply.error ? reject(new Error(reply.error)) : resolve(reply.value),
      );
      this.#child.send({ id, type } satisfies Command);
    });
  }
}
