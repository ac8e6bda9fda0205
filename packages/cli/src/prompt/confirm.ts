import { CancelledError, UsageError } from '../errors.js';
import type { CliIo } from '../io.js';
import { readLine } from './read-line.js';

export interface Confirmation {
  /** `--yes` was passed: do it without asking. */
  yes: boolean | undefined;
  /** What would be done, for the refusal off a terminal, e.g. `revoke key 0f3c…`. */
  action: string;
  /** The question for a terminal, e.g. `Revoke key “ci” (op_live_…AbCd)?` (may look the object up). */
  question: () => string | Promise<string>;
  /** What was not done when the answer is no, e.g. `the key was not revoked`. */
  declined: string;
}

/**
 * Asks before a destructive command (SPEC §6): on a terminal, `question [y/N]` — anything but
 * y/yes declines ("Cancelled: …", exit 130, like an interrupt: nothing happened). Off a
 * terminal `--yes` is required (a usage error, exit 2), so a script never waits on a question
 * nobody sees.
 */
export async function confirmDestructive(io: CliIo, confirmation: Confirmation): Promise<void> {
  if (confirmation.yes) return;
  if (!io.stdinIsTTY || !io.stderrIsTTY) {
    throw new UsageError(
      `Refusing to ${confirmation.action} without confirmation: pass --yes (there is no terminal to ask on).`,
    );
  }
  const question = await confirmation.question();
  io.stderr.write(`${question} [y/N] `);
  const answer = await readLine(io.stdin);
  if (answer === null) io.stderr.write('\n');
  if (!/^\s*y(es)?\s*$/i.test(answer ?? '')) {
    throw new CancelledError(`Cancelled: ${confirmation.declined}.`);
  }
}
