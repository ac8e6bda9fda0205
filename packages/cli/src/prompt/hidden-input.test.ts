import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CancelledError } from '../errors.js';
import type { CliInput } from '../io.js';
import { readHidden } from './hidden-input.js';

describe("the CLI's hidden prompt", () => {
  it('turns Ctrl-C into a cancellation: exit 130', async () => {
    const stream = new PassThrough() as PassThrough & CliInput;
    stream.isTTY = true;
    stream.setRawMode = () => stream;
    const answer = readHidden(stream, { write: () => true }, '');
    stream.write('half\u0003');
    await expect(answer).rejects.toBeInstanceOf(CancelledError);
    await expect(answer).rejects.toMatchObject({ exitCode: 130 });
  });
});
