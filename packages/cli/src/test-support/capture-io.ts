import { Readable } from 'node:stream';
import type { CliIo } from '../io.js';

export interface CapturedIo extends CliIo {
  out: () => string;
  err: () => string;
}

/** An in-memory terminal: what the CLI prints is collected; stdin is `input`. */
export function captureIo(
  options: {
    env?: Record<string, string | undefined>;
    tty?: boolean;
    cwd?: string;
    input?: string;
  } = {},
): CapturedIo {
  let out = '';
  let err = '';
  return {
    stdout: { write: (text: string) => (out += text) },
    stderr: { write: (text: string) => (err += text) },
    stdin: Readable.from(options.input === undefined ? [] : [options.input]) as CliIo['stdin'],
    env: options.env ?? {},
    stdoutIsTTY: options.tty ?? false,
    stdinIsTTY: options.tty ?? false,
    cwd: options.cwd ?? process.cwd(),
    out: () => out,
    err: () => err,
  };
}
