import { Readable } from 'node:stream';
import type { CliIo } from '../io.js';

export interface CapturedIo extends CliIo {
  out: () => string;
  err: () => string;
  /** Ctrl-C: what the process's SIGINT does (tells the commands that asked to handle it). */
  interrupt: () => void;
}

/** An in-memory terminal: what the CLI prints is collected; stdin is `input`. */
export function captureIo(
  options: {
    env?: Record<string, string | undefined>;
    /** All three streams are terminals (prompts are allowed); off by default. */
    tty?: boolean;
    /** The terminal's width (with `tty`); 80 when not given. */
    columns?: number;
    cwd?: string;
    /** What stdin holds; several strings arrive as separate chunks (keys typed one by one). */
    input?: string | string[];
  } = {},
): CapturedIo {
  let out = '';
  let err = '';
  const tty = options.tty ?? false;
  const interruptHandlers = new Set<() => void>();
  return {
    stdout: { write: (text: string) => (out += text) },
    stderr: { write: (text: string) => (err += text) },
    stdin: Readable.from(
      options.input === undefined
        ? []
        : typeof options.input === 'string'
          ? [options.input]
          : options.input,
    ) as CliIo['stdin'],
    env: options.env ?? {},
    stdoutIsTTY: tty,
    stderrIsTTY: tty,
    stdinIsTTY: tty,
    columns: tty ? (options.columns ?? 80) : undefined,
    cwd: options.cwd ?? process.cwd(),
    onInterrupt(handler) {
      interruptHandlers.add(handler);
      return () => interruptHandlers.delete(handler);
    },
    out: () => out,
    err: () => err,
    interrupt() {
      for (const handler of [...interruptHandlers]) handler();
      interruptHandlers.clear();
    },
  };
}
