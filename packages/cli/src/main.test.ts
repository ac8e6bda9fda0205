import { describe, expect, it } from 'vitest';
import pkg from '../package.json' with { type: 'json' };
import { main } from './main.js';
import { captureIo } from './test-support/capture-io.js';

describe('onepin (command line)', () => {
  it('prints its version', async () => {
    const io = captureIo();
    expect(await main(['--version'], io)).toBe(0);
    expect(io.out()).toBe(`${pkg.version}\n`);
  });

  it.each([
    [['--bogus'], /unknown option '--bogus'/],
    [['bogus'], /unknown command 'bogus'/],
    [['completion'], /missing required argument 'shell'/],
    [['completion', 'tcsh'], /unknown shell "tcsh"/],
  ])('exits 2 for the command-line mistake %j with a clear message', async (argv, message) => {
    const io = captureIo();
    expect(await main(argv, io)).toBe(2);
    expect(io.err()).toMatch(message);
    expect(io.out()).toBe('');
  });

  it('prints the command tree as JSON', async () => {
    const io = captureIo();
    expect(await main(['schema'], io)).toBe(0);
    const tree = JSON.parse(io.out());
    expect(tree.name).toBe('onepin');
    expect(tree.commands.map((c: any) => c.name)).toEqual(
      expect.arrayContaining(['scan', 'schema', 'completion']),
    );
    expect(tree.options.map((o: any) => o.long)).toEqual(
      expect.arrayContaining(['--api-key', '--base-url', '--profile', '--json']),
    );
  });

  it.each(['bash', 'zsh', 'fish'])(
    'prints a %s completion script naming the commands',
    async (shell) => {
      const io = captureIo();
      expect(await main(['completion', shell], io)).toBe(0);
      expect(io.out()).toContain('scan');
      expect(io.out()).toContain('onepin');
    },
  );
});
