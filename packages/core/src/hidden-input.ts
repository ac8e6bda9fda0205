/**
 * Reading a secret from a terminal without showing it: the CLI's `login` prompt and the
 * server's `admin create-user` password prompt share this one reader. A subpath of its own
 * (`@onepin/core/hidden-input`), so the browser-safe main entry never carries it. It needs no
 * Node module: anything shaped like `process.stdin` will do.
 */

/** The input to read from: `process.stdin`, or a test's stand-in. */
export interface HiddenInputSource {
  readonly isTTY?: boolean | undefined;
  readonly isRaw?: boolean | undefined;
  /** True once a stream has emitted 'end' (Node's readables say so). */
  readonly readableEnded?: boolean | undefined;
  /** Present on terminals: raw mode delivers each key as it is pressed, echoing none. */
  setRawMode?: ((mode: boolean) => unknown) | undefined;
  setEncoding(encoding: 'utf8'): unknown;
  resume(): unknown;
  pause(): unknown;
  on(event: 'data', listener: (chunk: string | Uint8Array) => void): unknown;
  once(event: 'end', listener: () => void): unknown;
  once(event: 'error', listener: (error: Error) => void): unknown;
  removeListener(event: 'data', listener: (chunk: string | Uint8Array) => void): unknown;
  removeListener(event: 'end', listener: () => void): unknown;
  removeListener(event: 'error', listener: (error: Error) => void): unknown;
}

/** Where the question (and the newline after the answer) is written: stderr, usually. */
export interface HiddenInputEcho {
  write(text: string): unknown;
}

/** Ctrl-C at the prompt. Whoever asked decides what that means (the CLI exits 130). */
export class HiddenInputCancelled extends Error {
  override name = 'HiddenInputCancelled';
  constructor() {
    super('interrupted');
  }
}

const CTRL_C = '\u0003';
const CTRL_D = '\u0004';
const CTRL_U = '\u0015';
const BACKSPACE = ['\u007f', '\b'];
/** ESC sequences a terminal sends for arrows, function keys and bracketed paste. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching ESC sequences is the point.
const ESCAPE_SEQUENCE = /^\u001b(\[[0-9;?]*[ -/]*[@-~]|O.|.)?/;

/**
 * Writes `question` and reads one line without echoing anything (not even `*`). On a
 * terminal, raw mode is switched on and each key is handled here: Enter or Ctrl-D ends the
 * line; Backspace and Ctrl-U edit it; arrow keys and paste brackets are ignored; Ctrl-C
 * rejects with `HiddenInputCancelled`; the terminal's mode is restored however it ends. Off a
 * terminal (a pipe, a file) nothing is echoed anyway: the first line is read as it is, and
 * the end of the input ends the line too.
 */
export function readHidden(
  input: HiddenInputSource,
  output: HiddenInputEcho,
  question: string,
): Promise<string> {
  const raw = typeof input.setRawMode === 'function' && input.isTTY === true;
  const wasRaw = input.isRaw === true;
  // Raw mode before the question: whatever is typed once it shows is never echoed.
  if (raw) input.setRawMode?.(true);
  output.write(question);
  input.setEncoding('utf8');
  input.resume();

  return new Promise<string>((resolve, reject) => {
    let value = '';
    let pending = '';
    const finish = (error?: Error) => {
      input.removeListener('data', onData);
      input.removeListener('end', onEnd);
      input.removeListener('error', onError);
      if (raw) input.setRawMode?.(wasRaw);
      input.pause();
      output.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string | Uint8Array) => {
      let text = pending + String(chunk);
      pending = '';
      while (text.length > 0) {
        const ch = text[0] as string;
        if (ch === '\u001b') {
          const match = ESCAPE_SEQUENCE.exec(text);
          // An escape sequence cut between two chunks: wait for the rest.
          if (!match?.[1] && text.length < 3) {
            pending = text;
            return;
          }
          text = text.slice(match?.[0].length ?? 1);
          continue;
        }
        text = text.slice(1);
        if (ch === '\r' || ch === '\n' || ch === CTRL_D) return finish();
        if (ch === CTRL_C) return finish(new HiddenInputCancelled());
        if (ch === CTRL_U) value = '';
        else if (BACKSPACE.includes(ch)) value = [...value].slice(0, -1).join('');
        else if (ch >= ' ') value += ch;
      }
    };
    const onEnd = () => finish();
    const onError = (error: Error) => finish(error);
    input.on('data', onData);
    input.once('end', onEnd);
    input.once('error', onError);
    // The input ended before this prompt listened (an earlier question read its last line):
    // 'end' will not come again.
    if (input.readableEnded === true) finish();
  });
}
