/** A terminal input that can be switched to raw mode (no echo, key by key). */
export type CliInput = NodeJS.ReadableStream & {
  isTTY?: boolean;
  isRaw?: boolean;
  setRawMode?: (mode: boolean) => unknown;
};

/** Where the CLI reads and writes; tests pass their own. */
export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  stdin: CliInput;
  env: Readonly<Record<string, string | undefined>>;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  stdinIsTTY: boolean;
  /** The terminal's width when stdout is one (tables and fields fit it); else undefined. */
  columns?: number | undefined;
  cwd: string;
  /**
   * Lets a command handle Ctrl-C itself (stop waiting, say what was not done) instead of the
   * process exiting at once; returns the function that gives it back. Absent: no signals.
   */
  onInterrupt?: (handler: () => void) => () => void;
}

/** The commands' Ctrl-C handlers; with none, Ctrl-C exits 130 at once (see bin.ts). */
const interruptHandlers = new Set<() => void>();

/**
 * Ctrl-C: the commands that asked to handle it are told (a second Ctrl-C exits at once);
 * without one, exit 130 at once. Returns whether a command took it.
 */
export function dispatchInterrupt(): boolean {
  if (interruptHandlers.size === 0) return false;
  const handlers = [...interruptHandlers];
  interruptHandlers.clear();
  for (const handler of handlers) handler();
  return true;
}

/** The real process's streams and environment. */
export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    stdinIsTTY: process.stdin.isTTY === true,
    columns: process.stdout.isTTY ? process.stdout.columns : undefined,
    cwd: process.cwd(),
    onInterrupt(handler) {
      interruptHandlers.add(handler);
      return () => interruptHandlers.delete(handler);
    },
  };
}
