import { chmod, chown, lstat, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateApiKey } from '@onepin/core';
import { dialectAvailable, testDialects } from '@onepin/db/test-support';
import { describe, expect } from 'vitest';
import { cliWorldPerSuite } from '../../test-support/cli-world.js';

const isRoot = process.getuid?.() === 0;
const mode = async (path: string) => (await lstat(path)).mode & 0o777;
/** A well-formed key whose checksum does not match. */
const badChecksum = (key: string) => `${key.slice(0, -1)}${key.endsWith('A') ? 'B' : 'A'}`;

for (const dialect of testDialects) {
  describe.skipIf(!dialectAvailable(dialect))(`${dialect.name}: onepin login`, () => {
    const { cli, run } = cliWorldPerSuite(dialect);

    const writeCredentials = async (text: string, fileMode = 0o600) => {
      await mkdir(join(cli.home, '.onepin'), { recursive: true, mode: 0o700 });
      await writeFile(cli.credentialsFile, text, { mode: fileMode });
      await chmod(cli.credentialsFile, fileMode);
    };

    run(
      'checks --key with the server, saves it 0600 in a 0700 directory, and says where',
      async () => {
        const key = await cli.key(['workspace:read'], { name: 'laptop' });
        const workspace = await cli.workspace();
        const { code, out, err } = await cli.run(['login', '--key', key]);
        expect(code).toBe(0);
        expect(out).toBe('');
        expect(err).toContain(`Logged in to workspace “Acme” (${workspace.id}) with key “laptop”`);
        expect(err).toContain('Scopes: workspace:read');
        expect(err).toContain(`Saved to ${cli.credentialsFile} (profile "default"`);
        expect(err).not.toContain(key);
        expect(await readFile(cli.credentialsFile, 'utf8')).toBe(`[default]\napi_key = "${key}"\n`);
        expect(await mode(cli.credentialsFile)).toBe(0o600);
        expect(await mode(join(cli.home, '.onepin'))).toBe(0o700);
        expect(cli.requests.map((r) => new URL(r.url).pathname)).toEqual(['/api/v1/auth/whoami']);
      },
    );

    run('reads the key from stdin when stdin is not a terminal, trimmed', async () => {
      const key = await cli.key();
      const { code } = await cli.run(['login'], { input: `\n  ${key}\n` });
      expect(code).toBe(0);
      expect(await readFile(cli.credentialsFile, 'utf8')).toContain(`api_key = "${key}"`);
    });

    run('asks for the key on a terminal (the prompt goes to stderr)', async () => {
      const key = await cli.key();
      const { code, err } = await cli.run(['login'], { tty: true, input: `n\n${key}\r` });
      expect(code).toBe(0);
      expect(err).toContain('Log in through the browser? [Y/n] (n: paste an API key instead) ');
      expect(err).toContain('Paste your API key (input is hidden): ');
      expect(err).not.toContain(key);
      expect(await readFile(cli.credentialsFile, 'utf8')).toContain(`api_key = "${key}"`);
    });

    run('exits 1 when no key is given: no --key, no terminal, empty stdin', async () => {
      const { code, err } = await cli.run(['login'], { input: '' });
      expect(code).toBe(1);
      expect(err).toMatch(/^\[NO_API_KEY\] No API key given\. Pass --key/);
      // Where a first key comes from without a key: the dashboard, or the server's admin command.
      expect(err).toContain(
        'Make one in the dashboard at http://127.0.0.1:8000/settings/api-keys, or on the server with `onepin-server admin create-key --workspace NAME --name NAME`.',
      );
      expect(err).not.toContain('onepin keys create');
    });

    run('asks again after an empty Enter at the prompt, instead of giving up', async () => {
      const key = await cli.key();
      const { code, err } = await cli.run(['login'], {
        tty: true,
        input: ['n\n', '\r', '\r', `${key}\r`],
      });
      expect(code, err).toBe(0);
      expect(err.split('Paste your API key (input is hidden): ')).toHaveLength(4);
      expect(err).toContain(
        'Nothing was pasted. Paste the key and press Enter, or Ctrl-C to stop.\n',
      );
      expect(await readFile(cli.credentialsFile, 'utf8')).toContain(`api_key = "${key}"`);
    });

    run('gives up after three empty answers, or when the terminal closes', async () => {
      const empty = await cli.run(['login'], {
        tty: true,
        input: ['n\n', '\r', '\r', '\r', '\r'],
      });
      expect(empty.code).toBe(1);
      expect(empty.err.split('Paste your API key').length - 1).toBe(3);
      expect(empty.err).toContain('[NO_API_KEY]');
      const closed = await cli.run(['login'], { tty: true, input: ['n\n'] });
      expect(closed.code).toBe(1);
      expect(closed.err.split('Paste your API key').length - 1).toBe(1);
      // Closed before choosing how to sign in: nothing was asked for, nothing saved.
      const unanswered = await cli.run(['login'], { tty: true, input: [] });
      expect(unanswered.code).toBe(130);
      expect(unanswered.err).toContain('Cancelled: nothing was saved.');
    });

    run.each([
      ['no prefix', 'sk_live_abc', 'Key must start with op_live_'],
      ['a bad checksum', badChecksum(generateApiKey('live')), 'Key checksum does not match'],
      ['a bad shape', 'op_live_short', 'Key must be op_live_ or op_test_ followed by 32'],
    ])('refuses a key with %s before any network call (exit 1)', async (_, key, message) => {
      const { code, err } = await cli.run(['login', '--key', key]);
      expect(code).toBe(1);
      expect(err).toContain(`[MALFORMED_API_KEY] ${message}`);
      expect(err).toContain('The key came from --key.');
      expect(cli.requests).toHaveLength(0);
    });

    run(
      'saves nothing when the server refuses the key (401), and says where to get one',
      async () => {
        const revoked = await cli.key();
        const id = (await cli.world.call('GET', '/api/v1/auth/whoami', { key: revoked })).body.data
          .api_key_id;
        const admin = await cli.key(['api_keys:write']);
        await cli.world.call('DELETE', `/api/v1/api-keys/${id}`, { key: admin });
        const { code, err } = await cli.run(['login', '--key', revoked]);
        expect(code).toBe(1);
        expect(err).toMatch(
          /^\[INVALID_API_KEY\] Invalid API key\. Create one at http:\/\/127\.0\.0\.1:8000\/settings\/api-keys \(request_id=[\w-]+\)\n/,
        );
        expect(err).toContain(
          'The key came from --key. Nothing was saved. Check that the whole key was copied and that it is still active.',
        );
        await expect(lstat(cli.credentialsFile)).rejects.toThrow(/ENOENT/);
      },
    );

    run('saves --base-url with the profile, keeps other profiles and comments', async () => {
      await writeCredentials(
        '# my keys\n[staging]\napi_key = "kept" # note\n\n[default]\napi_key = "old"\n',
      );
      const key = await cli.key();
      const { code, err } = await cli.run([
        'login',
        '--key',
        key,
        '--base-url',
        'http://onepin.test/',
      ]);
      expect(code).toBe(0);
      expect(err).toContain('server http://onepin.test)');
      expect(await readFile(cli.credentialsFile, 'utf8')).toBe(
        `# my keys\n[staging]\napi_key = "kept" # note\n\n[default]\napi_key = "${key}"\nbase_url = "http://onepin.test"\n`,
      );
    });

    run(
      'logs in to the profile of --profile or ONEPIN_PROFILE, using its saved server',
      async () => {
        await writeCredentials('[ci]\napi_key = "old"\nbase_url = "http://saved.test"\n');
        const key = await cli.key();
        const viaEnv = await cli.run(['login', '--key', key], { env: { ONEPIN_PROFILE: 'ci' } });
        expect(viaEnv.code).toBe(0);
        expect(viaEnv.err).toContain('(profile "ci", server http://saved.test)');
        expect(new URL(cli.requests[0]!.url).origin).toBe('http://saved.test');
        const viaFlag = await cli.run(['login', '--key', key, '--profile', 'other'], {
          env: { ONEPIN_PROFILE: 'ci' },
        });
        expect(viaFlag.code).toBe(0);
        expect(await readFile(cli.credentialsFile, 'utf8')).toBe(
          `[ci]\napi_key = "${key}"\nbase_url = "http://saved.test"\n\n[other]\napi_key = "${key}"\n`,
        );
      },
    );

    run('tightens an existing directory to 0700', async () => {
      await mkdir(join(cli.home, '.onepin'), { mode: 0o755 });
      await chmod(join(cli.home, '.onepin'), 0o755);
      expect((await cli.run(['login', '--key', await cli.key()])).code).toBe(0);
      expect(await mode(join(cli.home, '.onepin'))).toBe(0o700);
    });

    run('refuses a credentials file others can read, naming it and the fix (exit 1)', async () => {
      await writeCredentials('[default]\napi_key = "x"\n', 0o644);
      const { code, err } = await cli.run(['login', '--key', await cli.key()]);
      expect(code).toBe(1);
      expect(err).toBe(
        `[INSECURE_CREDENTIALS_FILE] Refusing to read ${cli.credentialsFile}: other users can access it (mode 644). Fix it with: chmod 600 ${cli.credentialsFile}\n`,
      );
      expect(cli.requests).toHaveLength(0);
    });

    run('refuses a symlink in place of the file', async () => {
      const real = join(cli.home, 'elsewhere');
      await writeFile(real, '[default]\napi_key = "x"\n', { mode: 0o600 });
      await mkdir(join(cli.home, '.onepin'), { mode: 0o700 });
      await symlink(real, cli.credentialsFile);
      const { code, err } = await cli.run(['login', '--key', await cli.key()]);
      expect(code).toBe(1);
      expect(err).toContain(
        `[INSECURE_CREDENTIALS_FILE] Refusing to read ${cli.credentialsFile}: it is a symbolic link`,
      );
      expect((await lstat(cli.credentialsFile)).isSymbolicLink()).toBe(true);
    });

    (isRoot ? run : run.skip)("refuses another user's file", async () => {
      await writeCredentials('[default]\napi_key = "x"\n');
      await chown(cli.credentialsFile, 12345, 12345);
      const { code, err } = await cli.run(['login', '--key', await cli.key()]);
      expect(code).toBe(1);
      expect(err).toContain('it belongs to another user');
    });

    run('reports a malformed file with its path and line', async () => {
      await writeCredentials('[default\napi_key = "x"\n');
      const { code, err } = await cli.run(['login', '--key', await cli.key()]);
      expect(code).toBe(1);
      expect(err).toMatch(
        new RegExp(
          `^\\[MALFORMED_CREDENTIALS\\] Malformed credentials file ${cli.credentialsFile}: line 1`,
        ),
      );
    });

    run(
      'prints the identity as JSON with --json, and warns when ONEPIN_API_KEY will win',
      async () => {
        const key = await cli.key(['workspace:read'], { name: 'ci' });
        const { code, err, json } = await cli.run(['login', '--json', '--key', key], {
          env: { ONEPIN_API_KEY: await cli.key() },
        });
        expect(code).toBe(0);
        expect(json()).toMatchObject({
          profile: 'default',
          path: cli.credentialsFile,
          base_url: 'http://127.0.0.1:8000',
          workspace_id: (await cli.workspace()).id,
          workspace_name: 'Acme',
          key_name: 'ci',
          scopes: ['workspace:read'],
        });
        expect(JSON.stringify(json())).not.toContain(key);
        expect(err).toContain('ONEPIN_API_KEY is set in this environment');
      },
    );

    run.each([
      [['login', '--key', ''], /--key is empty/],
      [['login', '--key', 'a', '--api-key', 'b'], /Pass the key once/],
      [['login', '--key'], /option '--key <key>' argument missing/],
    ])('exits 2 for %j', async (args, message) => {
      const { code, err } = await cli.run(args);
      expect(code).toBe(2);
      expect(err).toMatch(message);
    });

    run('refuses a base URL that is not http(s), wherever it came from (exit 1)', async () => {
      const key = await cli.key();
      for (const env of [{}, { ONEPIN_BASE_URL: 'file:///etc/passwd' }]) {
        const args =
          'ONEPIN_BASE_URL' in env
            ? ['login', '--key', key]
            : ['login', '--key', key, '--base-url', 'ftp://x'];
        const { code, err } = await cli.run(args, { env });
        expect(code).toBe(1);
        expect(err).toMatch(/^\[INVALID_BASE_URL\] Base URL must use http or https/);
      }
      expect(cli.requests).toHaveLength(0);
    });
  });
}
