import { HiddenInputCancelled, readHidden as readHiddenLine } from '@onepin/core/hidden-input';
import { CancelledError } from '../errors.js';
import type { CliInput } from '../io.js';

/**
 * Reads one line without echoing it (`@onepin/core/hidden-input`, shared with the server's
 * admin commands): a hidden prompt on a terminal, the first line of a pipe otherwise. Ctrl-C
 * is the CLI's `CancelledError` (exit 130).
 */
export async function readHidden(
  input: CliInput,
  output: { write(text: string): unknown },
  question: string,
): Promise<string> {
  try {
    return await readHiddenLine(input, output, question);
  } catch (error) {
    throw error instanceof HiddenInputCancelled ? new CancelledError() : error;
  }
}

/** Whether a stream has already ended (and emitted 'end'). */
export function hasEnded(input: CliInput): boolean {
  return (input as { readableEnded?: boolean }).readableEnded === true;
}
