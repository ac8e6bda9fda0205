/**
 * The few messages between the harness and a server child over Node's IPC channel. Each server
 * runs alone in its own process, so the process's CPU time is that server's CPU time.
 */

/** Asked by the harness; the child answers with a `reply` carrying the same id. */
export type Command =
  | { id: number; type: 'cpu' }
  | { id: number; type: 'flush' }
  | { id: number; type: 'stop' };

export type ChildMessage =
  | { type: 'ready'; port: number; info: ChildInfo }
  | { type: 'reply'; id: number; value?: unknown; error?: string }
  | { type: 'failed'; error: string };

/** What a child tells the harness once it listens (e.g. the keys it created through its API). */
export type ChildInfo = Record<string, unknown>;

/** What one `flush` did: the last-used times written since the previous flush. */
export interface FlushReport {
  keys: number;
  cpuMicros: number;
}

/** A server as its child process runs it. */
export interface ChildServer {
  port: number;
  info?: ChildInfo;
  /** Writes whatever the server batches in the background (OnePin's `last_used_at`). */
  flush(): Promise<FlushReport>;
  close(): Promise<void>;
}

function send(message: ChildMessage): void {
  process.send?.(message);
}

function cpuMicros(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}

/**
 * The child side: starts the server, reports `ready`, then answers the harness until `stop`.
 * The child also stops when the harness goes away, so no server outlives a run.
 */
export async function runChild(start: () => Promise<ChildServer>): Promise<void> {
  if (!process.send) throw new Error('a benchmark server runs as a child of the harness');
  let server: ChildServer;
  try {
    server = await start();
  } catch (error) {
    send({
      type: 'failed',
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
    process.exit(1);
  }
  process.on('disconnect', () => process.exit(0));
  process.on('message', async (command: Command) => {
    try {
      switch (command.type) {
        case 'cpu':
          send({ type: 'reply', id: command.id, value: cpuMicros() });
          break;
        case 'flush':
          send({ type: 'reply', id: command.id, value: await server.flush() });
          break;
        case 'stop':
          await server.close();
          send({ type: 'reply', id: command.id });
          // A normal exit, so `--cpu-prof` writes its profile.
          process.disconnect();
          break;
      }
    } catch (error) {
      send({ type: 'reply', id: command.id, error: String(error) });
    }
  });
  send({ type: 'ready', port: server.port, info: server.info ?? {} });
}

/** Measures the CPU a background write costs the child (run between measured rounds). */
export async function measuredFlush(
  pending: () => number,
  flush: () => Promise<void>,
): Promise<FlushReport> {
  const keys = pending();
  const before = cpuMicros();
  await flush();
  return { keys, cpuMicros: cpuMicros() - before };
}
