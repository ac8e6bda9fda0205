import { CancelledError } from '../errors.js';
import type { CliInput } from '../io.js';

const CTRL_C = '\u0003';
const CTRL_D = '\u0004';
const CTRL_U = '\u0015';
const BACKSPACE = ['\u007f', '\b'];
/** ESC sequences a terminal sends for arrows, function keys and bracketed paste. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching ESC sequences is the point.
const ESCAPE_SEQUENCE = /^\u001b(\[[0-9;?]*[ -/]*[@-~]|O.|.)?/;

/**
 * Reads one line from a terminal without echoing anything (not even `*`): the terminal is
 * put in raw mode, and each key is handled here. Enter or Ctrl-D ends the line; Backspace
 * and Ctrl-U edit it; arrow keys and paste brackets are ignored; Ctrl-C cancels (exit 130).
 * On a stream that is not a terminal, the first line is read as is.
 */
export function readHidden(
  input: CliInput,
  output: { write(text: string): unknown },
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
    const onData = (chunk: string | Buffer) => {
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
        if (ch === CTRL_C) return finish(new CancelledError());
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
    // The input ended before this prompt listened (after an earlier question read the last
    // line): 'end' will not come again.
    if (hasEnded(input)) finish();
  });
}

/** Whether a stream has already ended (and emitted 'end'). */
export function hasEnded(input: CliInput): boolean {
  return (input as { readableEnded?: boolean }).readableEnded === true;
}
