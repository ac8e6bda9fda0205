import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { HiddenInputCancelled, type HiddenInputSource, readHidden } from './hidden-input.js';

type Terminal = PassThrough & {
  isTTY?: boolean;
  isRaw?: boolean;
  setRawMode?: (on: boolean) => unknown;
};

/** A stand-in for a terminal: keys are written to it; raw mode is recorded. */
function fakeTerminal() {
  const stream: Terminal = new PassThrough();
  const modes: boolean[] = [];
  stream.isTTY = true;
  stream.isRaw = false;
  stream.setRawMode = (mode: boolean) => {
    modes.push(mode);
    stream.isRaw = mode;
    return stream;
  };
  let shown = '';
  const output = { write: (text: string) => (shown += text) };
  return { stream, modes, output, shown: () => shown };
}

describe('readHidden', () => {
  it('reads a line in raw mode, echoes nothing, and restores the terminal', async () => {
    const t = fakeTerminal();
    const answer = readHidden(t.stream, t.output, 'Key: ');
    t.stream.write('op_live_');
    t.stream.write('secret\r');
    expect(await answer).toBe('op_live_secret');
    expect(t.shown()).toBe('Key: \n');
    expect(t.modes).toEqual([true, false]);
    expect(t.stream.isPaused()).toBe(true);
  });

  it.each([
    ['Backspace (DEL) removes the last character', 'abcd\u007f\u007fx\r', 'abx'],
    ['Backspace (BS) too', 'ab\bc\n', 'ac'],
    ['Ctrl-U clears the line', 'wrong\u0015right\r', 'right'],
    ['arrow keys are ignored', 'ab\u001b[Dc\u001b[A\r', 'abc'],
    ['bracketed paste markers are ignored', '\u001b[200~pasted\u001b[201~\r', 'pasted'],
    ['other control characters are ignored', 'a\tb\u0007c\r', 'abc'],
    ['Ctrl-D ends the input', 'abc\u0004', 'abc'],
    ['non-ASCII is kept whole, and deleted whole', 'é€\u007f\r', 'é'],
  ])('%s', async (_, typed, expected) => {
    const t = fakeTerminal();
    const answer = readHidden(t.stream, t.output, '');
    t.stream.write(typed);
    expect(await answer).toBe(expected);
  });

  it('waits for the rest of an escape sequence split across chunks', async () => {
    const t = fakeTerminal();
    const answer = readHidden(t.stream, t.output, '');
    t.stream.write('a\u001b');
    t.stream.write('[Cb\r');
    expect(await answer).toBe('ab');
  });

  it('cancels on Ctrl-C and still restores the terminal', async () => {
    const t = fakeTerminal();
    const answer = readHidden(t.stream, t.output, '');
    t.stream.write('half\u0003');
    await expect(answer).rejects.toBeInstanceOf(HiddenInputCancelled);
    expect(t.modes).toEqual([true, false]);
  });

  it('ends with what was typed when the input closes', async () => {
    const t = fakeTerminal();
    const answer = readHidden(t.stream, t.output, '');
    t.stream.end('partial');
    expect(await answer).toBe('partial');
  });

  it('reads a plain line from a stream that is not a terminal, without raw mode', async () => {
    const stream: HiddenInputSource & PassThrough = new PassThrough();
    let shown = '';
    const answer = readHidden(stream, { write: (text: string) => (shown += text) }, 'Password: ');
    stream.write('line\nrest');
    expect(await answer).toBe('line');
    expect(shown).toBe('Password: \n');
  });

  it('reads to the end of a piped input that has no newline', async () => {
    const stream = new PassThrough();
    const answer = readHidden(stream, { write: () => true }, '');
    stream.end('no newline');
    expect(await answer).toBe('no newline');
  });
});
