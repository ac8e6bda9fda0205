import { describe, expect, it, vi } from 'vitest';
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

  it.each(['keys', 'workflows', 'templates', 'uploads'])(
    'exits 2 for `onepin %s` without its command, with the group’s help on stderr',
    async (group) => {
      const io = captureIo();
      expect(await main([group], io)).toBe(2);
      expect(io.err()).toMatch(new RegExp(`^Usage: onepin ${group} \\[options\\] \\[command\\]`));
      expect(io.out()).toBe('');
    },
  );

  it('still prints help on stdout and exits 0 when it is asked for', async () => {
    for (const argv of [['keys', '--help'], ['help', 'keys'], ['--help']]) {
      const io = captureIo();
      expect(await main(argv, io)).toBe(0);
      expect(io.out()).toMatch(/^Usage: onepin/);
      expect(io.err()).toBe('');
    }
  });

  it.each<[string[], string]>([
    [['--bogus', '--json'], "unknown option '--bogus'"],
    [['keys', 'list', '--limit', '0', '--json'], "option '--limit <n>' argument '0' is invalid."],
    [['keys', 'rotate', 'k', '--grace', '2', '--json'], 'A bare number has no unit'],
    [
      ['keys', '--json'],
      'onepin keys needs a command: list, show, create, update, rotate, revoke.',
    ],
    [['completion', '--json'], "missing required argument 'shell'"],
  ])(
    'with --json, reports the command-line mistake %j as the JSON envelope',
    async (argv, text) => {
      const io = captureIo();
      expect(await main(argv, io)).toBe(2);
      expect(io.out()).toBe('');
      const lines = io.err().trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      const body = JSON.parse(lines[0] ?? '');
      expect(body.error.code).toBe('USAGE');
      expect(body.error.message).toContain(text);
    },
  );

  it('treats --json after -- as an argument, not as the option', async () => {
    const io = captureIo();
    expect(await main(['--bogus', '--', '--json'], io)).toBe(2);
    expect(io.err()).toMatch(/^\[USAGE\] unknown option '--bogus'/);
  });

  it('prints the command tree as JSON', async () => {
    const io = captureIo();
    expect(await main(['schema'], io)).toBe(0);
    const tree = JSON.parse(io.out());
    expect(tree.name).toBe('onepin');
    expect(tree.commands.map((c: any) => c.name)).toEqual([
      'login',
      'logout',
      'whoami',
      'keys',
      'scopes',
      'workflows',
      'templates',
      'uploads',
      'activity',
      'webhooks',
      'scan',
      'schema',
      'completion',
    ]);
    const sub = (name: string) =>
      tree.commands.find((c: any) => c.name === name).commands.map((c: any) => c.name);
    expect(sub('keys')).toEqual(['list', 'show', 'create', 'update', 'rotate', 'revoke']);
    expect(sub('webhooks')).toEqual([
      'list',
      'show',
      'create',
      'update',
      'delete',
      'rotate-secret',
      'deliveries',
      'redeliver',
    ]);
    expect(sub('workflows')).toEqual(['list', 'show', 'create', 'update', 'delete', 'duplicate']);
    expect(sub('templates')).toEqual(['list', 'show', 'clone']);
    expect(sub('uploads')).toEqual(['create', 'confirm', 'delete']);
    expect(tree.options.map((o: any) => o.long)).toEqual(
      expect.arrayContaining(['--api-key', '--base-url', '--profile', '--json']),
    );
  });

  it.each(['bash', 'zsh', 'fish'])(
    'prints a %s completion script naming the commands',
    async (shell) => {
      const io = captureIo();
      expect(await main(['completion', shell], io)).toBe(0);
      for (const word of ['onepin', 'scan', 'login', 'keys', 'rotate', 'grace', 'yes']) {
        expect(io.out()).toContain(word);
      }
    },
  );

  it.each<[string, { tty?: boolean; env?: Record<string, string> }, string[], boolean]>([
    ['on a terminal', { tty: true }, [], true],
    ['with --no-color', { tty: true }, ['--no-color'], false],
    ['with NO_COLOR', { tty: true, env: { NO_COLOR: '1' } }, [], false],
    ['when piped', {}, [], false],
  ])('colours messages only %s', async (_, options, flags, coloured) => {
    vi.stubEnv('HOME', '/nonexistent');
    const io = captureIo(options);
    expect(await main(['whoami', ...flags], io)).toBe(1);
    expect(io.err().includes('\u001b[31m[NO_API_KEY]\u001b[39m')).toBe(coloured);
    expect(io.err().includes('\u001b[')).toBe(coloured);
    vi.unstubAllEnvs();
  });
});
