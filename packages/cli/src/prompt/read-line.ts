import type { CliIo } from '../io.js';
import { hasEnded } from './hidden-input.js';

/**
 * Reads one line (the answer to a question) from the terminal, in its usual cooked mode;
 * `null` when the input ended first. What came after the line in the same chunk is put back,
 * so a question can be followed by another prompt (a hidden one, say) on the same input.
 */
export function readLine(input: CliIo['stdin']): Promise<string | null> {
  input.setEncoding('utf8');
  input.resume();
  return new Promise((resolve, reject) => {
    let text = '';
    const done = (line: string | null, error?: Error) => {
      input.removeListener('data', onData);
      input.removeListener('end', onEnd);
      input.removeListener('error', onError);
      input.pause();
      if (error) reject(error);
      else resolve(line);
    };
    const onData = (chunk: string | Buffer) => {
      text += String(chunk);
      const end = text.indexOf('\n');
      if (end === -1) return;
      const rest = text.slice(end + 1);
      done(text.slice(0, end).replace(/\r$/, ''));
      if (rest && typeof (input as { unshift?: unknown }).unshift === 'function') {
        (input as unknown as { unshift(chunk: string): void }).unshift(rest);
      }
    };
    const onEnd = () => done(text === '' ? null : text);
    const onError = (error: Error) => done(null, error);
    input.on('data', onData);
    input.once('end', onEnd);
    input.once('error', onError);
    if (hasEnded(input)) onEnd();
  });
}
