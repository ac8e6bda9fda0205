import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateApiKey, generateServiceToken } from '@onepin/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../main.js';
import { captureIo } from '../test-support/capture-io.js';

describe('onepin scan', () => {
  let repo: string;
  const gitIn = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: repo,
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 't',
        GIT_AUTHOR_EMAIL: 't@e',
        GIT_COMMITTER_NAME: 't',
        GIT_COMMITTER_EMAIL: 't@e',
      },
    });
  const scan = async (...args: string[]) => {
    const io = captureIo({ cwd: repo });
    const code = await main(['scan', ...args], io);
    return { code, out: io.out(), err: io.err() };
  };

  beforeEach(() => {
    repo = mkdtempSync(join(tmpdir(), 'onepin-scan-'));
    gitIn('init', '-q');
    // Nobody is logged in here: no credentials file, no ONEPIN_API_KEY (captureIo's env).
    vi.stubEnv('HOME', join(repo, 'no-home'));
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    rmSync(repo, { recursive: true, force: true });
  });

  it('finds a key in tracked files, prints file:line:column and the preview only, and exits 1', async () => {
    const key = generateApiKey('live');
    writeFileSync(join(repo, 'config.ts'), `// settings\nexport const apiKey = '${key}';\n`);
    writeFileSync(join(repo, 'clean.txt'), 'nothing here\n');
    gitIn('add', '.');
    const { code, out, err } = await scan();
    expect(code).toBe(1);
    expect(out).toBe(`config.ts:2:24\top_live_…${key.slice(-4)}\n`);
    expect(out + err).not.toContain(key);
    expect(err).toMatch(/Found 1 OnePin key in 2 tracked files and 0 untracked files/);
  });

  it('also scans untracked files git does not ignore, says which, and marks what it finds there', async () => {
    const key = generateApiKey('live');
    writeFileSync(join(repo, 'README.md'), 'hello\n');
    gitIn('add', '.');
    writeFileSync(join(repo, '.gitignore'), 'ignored.env\n');
    writeFileSync(join(repo, 'config.env'), `ONEPIN_API_KEY=${key}\n`);
    writeFileSync(join(repo, 'ignored.env'), `ONEPIN_API_KEY=${generateApiKey('live')}\n`);
    const { code, out, err } = await scan();
    expect(code).toBe(1);
    expect(out).toBe(`config.env:1:16 (untracked)\top_live_…${key.slice(-4)}\n`);
    expect(err).toContain(
      'Untracked files scanned too (git does not ignore them; --tracked-only skips them): .gitignore, config.env.',
    );
    expect(err).toContain('Found 1 OnePin key in 1 tracked file and 2 untracked files.');
    // Log in, and the exact command is printed; here nobody is, so the generic one.
    expect(err).toContain('onepin keys revoke ID');
    const json = JSON.parse((await scan('--json')).out);
    expect(json.findings).toEqual([
      expect.objectContaining({ file: 'config.env', untracked: true }),
    ]);
    expect(json.untracked_files).toEqual(['.gitignore', 'config.env']);

    const tracked = await scan('--tracked-only');
    expect(tracked.code).toBe(0);
    expect(tracked.err).toBe('✓ No OnePin keys found in 1 tracked file.\n');
  });

  it('prints no table header when nothing is found, even on a terminal', async () => {
    writeFileSync(join(repo, 'clean.txt'), 'nothing here\n');
    gitIn('add', '.');
    const io = captureIo({ cwd: repo, tty: true, env: { NO_COLOR: '1' } });
    expect(await main(['scan'], io)).toBe(0);
    expect(io.out()).toBe('');
    expect(io.err()).toBe('✓ No OnePin keys found in 1 tracked file and 0 untracked files.\n');
  });

  it('finds keys glued to other text: prod_<key>, <key>x, and in a URL with %5F', async () => {
    const [a, b, c] = [generateApiKey('live'), generateApiKey('test'), generateApiKey('live')];
    writeFileSync(
      join(repo, '.env'),
      `PROD_TOKEN=prod_${a}\nTOKEN=${b}x\nURL=https://x.example/?k=${c.replaceAll('_', '%5F')}\n`,
    );
    gitIn('add', '.');
    const { code, out } = await scan();
    expect(code).toBe(1);
    expect(out).toBe(
      [
        `.env:1:17\top_live_…${a.slice(-4)}`,
        `.env:2:7\top_test_…${b.slice(-4)}`,
        `.env:3:26\top_live_…${c.slice(-4)}`,
        '',
      ].join('\n'),
    );
  });

  it('does not report look-alikes that fail the checksum, and exits 0 when clean', async () => {
    const key = generateApiKey('live');
    writeFileSync(
      join(repo, 'fake.txt'),
      `${key.slice(0, -1)}${key.endsWith('x') ? 'y' : 'x'}\nop_test_${'A'.repeat(32)}\n`,
    );
    gitIn('add', '.');
    const { code, err } = await scan();
    expect(code).toBe(0);
    expect(err).toContain('No OnePin keys found');
  });

  it('scans only staged changes with --staged, at their line in the staged file', async () => {
    writeFileSync(join(repo, 'a.env'), 'A=1\n');
    gitIn('add', '.');
    gitIn('commit', '-qm', 'first');
    const key = generateApiKey('test');
    writeFileSync(join(repo, 'a.env'), `A=1\nB=2\nONEPIN_API_KEY=${key}\n`);
    expect((await scan('--staged')).code).toBe(0);
    gitIn('add', 'a.env');
    const { code, out } = await scan('--staged');
    expect(code).toBe(1);
    expect(out).toBe(`a.env:3:16\top_test_…${key.slice(-4)}\n`);
  });

  it('finds keys that were committed and later removed with --history, naming the commit', async () => {
    const key = generateApiKey('live');
    writeFileSync(join(repo, 'secret.json'), `{"key": "${key}"}\n`);
    gitIn('add', '.');
    gitIn('commit', '-qm', 'oops');
    const commit = gitIn('rev-parse', 'HEAD').toString().trim();
    writeFileSync(join(repo, 'secret.json'), '{}\n');
    gitIn('commit', '-qam', 'remove');
    expect((await scan()).code).toBe(0);
    const { code, out } = await scan('--history');
    expect(code).toBe(1);
    expect(out).toBe(`${commit.slice(0, 12)}:secret.json:1:10\top_live_…${key.slice(-4)}\n`);
  });

  it('scans given paths, skipping binaries and node_modules, and prints JSON with --json', async () => {
    const key = generateApiKey('live');
    mkdirSync(join(repo, 'src', 'node_modules'), { recursive: true });
    writeFileSync(join(repo, 'src', 'a.txt'), key);
    writeFileSync(join(repo, 'src', 'node_modules', 'b.txt'), key);
    writeFileSync(
      join(repo, 'src', 'c.bin'),
      Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from(key)]),
    );
    const { code, out } = await scan('src', '--json');
    expect(code).toBe(1);
    expect(JSON.parse(out)).toEqual({
      findings: [
        {
          file: 'src/a.txt',
          line: 1,
          column: 1,
          type: 'live',
          preview: `op_live_…${key.slice(-4)}`,
        },
      ],
      scope: '1 file',
      untracked_files: [],
    });
  });

  it('reports a service token with its own label and how to revoke it on its server', async () => {
    const token = generateServiceToken();
    const key = generateApiKey('live');
    writeFileSync(join(repo, 'svc.env'), `ONEPIN_SERVICE_TOKEN=${token}\n`);
    gitIn('add', '.');
    const only = await scan();
    expect(only.code).toBe(1);
    expect(only.out).toBe(`svc.env:1:22\top_svc_…${token.slice(-4)} (service token)\n`);
    expect(only.err).toContain('Found 1 OnePin service token in 1 tracked file');
    expect(only.err).toContain('onepin-server admin revoke-service-token ID');
    expect(only.err).toContain('Settings → Service tokens');
    // Nothing to report publicly: only API keys go to the revocation endpoint.
    expect(only.err).not.toContain('onepin scan --revoke');
    expect(only.out + only.err).not.toContain(token);

    writeFileSync(join(repo, 'key.env'), `ONEPIN_API_KEY=${key}\n`);
    gitIn('add', '.');
    const both = await scan('--json');
    expect(both.code).toBe(1);
    const findings = JSON.parse(both.out).findings as Array<{ type: string; preview: string }>;
    expect(findings.map((f) => [f.type, f.preview]).sort()).toEqual(
      [
        ['live', `op_live_…${key.slice(-4)}`],
        ['service', `op_svc_…${token.slice(-4)}`],
      ].sort(),
    );
    expect(both.err).toContain('Found 1 OnePin key and 1 service token');
    expect(both.err).toContain('onepin keys revoke ID');
    expect(both.err).toContain('onepin scan --revoke');
  });

  it('scan --revoke never sends a service token to the revocation endpoint', async () => {
    const token = generateServiceToken();
    const key = generateApiKey('live');
    writeFileSync(join(repo, 'svc.env'), `T=${token}\n`);
    gitIn('add', '.');
    const sent: string[] = [];
    const fetch = async (request: Request) => {
      sent.push(`${request.method} ${request.url} ${await request.text()}`);
      return new Response(JSON.stringify({ data: { received: 1 }, meta: {} }), {
        status: 202,
        headers: { 'content-type': 'application/json' },
      });
    };
    const revoke = async () => {
      const io = captureIo({ cwd: repo, env: { NO_COLOR: '1', ONEPIN_BASE_URL: 'http://x.test' } });
      const code = await main(['scan', '--revoke', '--yes'], io, { client: { fetch } });
      return { code, out: io.out(), err: io.err() };
    };
    const onlyToken = await revoke();
    expect(onlyToken.code).toBe(1);
    expect(sent).toEqual([]);
    expect(onlyToken.err).toContain('service tokens are not reported');
    expect(onlyToken.err).toContain('onepin-server admin revoke-service-token');

    writeFileSync(join(repo, 'key.env'), `K=${key}\n`);
    gitIn('add', '.');
    const withKey = await revoke();
    expect(withKey.code).toBe(1);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain('/api/v1/credentials/revoke');
    expect(sent[0]).toContain(key);
    expect(sent[0]).not.toContain(token);
    expect(withKey.err).toContain('Reported 1 key to http://x.test');
  });

  it.each([
    [['--staged', '--history'], 2, /not several/],
    [['does-not-exist'], 1, /does-not-exist: no such file or directory/],
  ])('refuses %j with exit %i', async (args, expected, message) => {
    const { code, err } = await scan(...args);
    expect(code).toBe(expected);
    expect(err).toMatch(message);
  });

  it('explains that a directory outside git needs paths', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'onepin-nogit-'));
    try {
      const io = captureIo({ cwd: outside });
      expect(await main(['scan'], io)).toBe(1);
      expect(io.err()).toContain('not inside a git repository');
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
