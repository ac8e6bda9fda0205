import { describe, expect, it } from 'vitest';
import { CancelledError, UsageError } from '../errors.js';
import { captureIo } from '../test-support/capture-io.js';
import { confirmDestructive } from './confirm.js';

const ask = (io: ReturnType<typeof captureIo>, yes?: boolean) =>
  confirmDestructive(io, {
    yes,
    action: 'delete workflow w1',
    question: () => 'Delete workflow “W”?',
    declined: 'the workflow was not deleted',
  });

describe('confirmDestructive', () => {
  it.each(['y\n', 'Y\n', 'yes\n', ' YES \r\n'])('goes ahead on %j', async (input) => {
    const io = captureIo({ tty: true, input });
    await expect(ask(io)).resolves.toBeUndefined();
    expect(io.err()).toBe('Delete workflow “W”? [y/N] ');
  });

  it.each(['\n', 'n\n', 'no\n', 'yep\n', ''])('cancels on %j (exit 130)', async (input) => {
    const io = captureIo({ tty: true, input });
    const error = await ask(io).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CancelledError);
    expect(error).toMatchObject({
      exitCode: 130,
      message: 'Cancelled: the workflow was not deleted.',
    });
  });

  it('off a terminal, refuses without --yes (exit 2) and never asks', async () => {
    const io = captureIo({ input: 'y\n' });
    const error = await ask(io).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect(error).toMatchObject({
      exitCode: 2,
      message:
        'Refusing to delete workflow w1 without confirmation: pass --yes (there is no terminal to ask on).',
    });
    expect(io.err()).toBe('');
  });

  it('with --yes, neither asks nor refuses', async () => {
    const io = captureIo();
    await expect(ask(io, true)).resolves.toBeUndefined();
    expect(io.err()).toBe('');
  });
});
