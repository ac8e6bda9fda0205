import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateApiKey } from '@onepin/core';
import { dialectAvailable, testDialects } from '@onepin/db/test-support';
import { loadCredentials } from '@onepin/sdk/credentials';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../../main.js';
import { captureIo } from '../../test-support/capture-io.js';
import { cliWorldPerSuite } from '../../test-support/cli-world.js';

const DAY = 86_400_000;

for (const dialect of testDialects) {
  describe.skipIf(!dialectAvailable(dialect))(`${dialect.name}: onepin whoami`, () => {
    const { cli, run } = cliWorldPerSuite(dialect);

    const saveProfiles = async (text: string, mode = 0o600) => {
      await mkdir(join(cli.home, '.onepin'), { recursive: true, mode: 0o700 });
      await writeFile(cli.credentialsFile, text, { mode });
      await chmod(cli.credentialsFile, mode);
    };
    const whoami = async (args: string[] = [], env: Record<string, string> = {}) => {
      const result = await cli.run(['whoami', '--json', ...args], { env });
      return { ...result, me: result.code === 0 ? result.json() : undefined };
    };
    const origin = () => new URL(cli.requests.at(-1)!.url).origin;

    describe('resolution order (SPEC §6)', () => {
      run('takes --api-key over ONEPIN_API_KEY over the credentials file', async () => {
        const [flag, env, file] = await Promise.all([
          cli.key([], { name: 'flag' }),
          cli.key([], { name: 'env' }),
          cli.key([], { name: 'file' }),
        ]);
        await saveProfiles(`[default]\napi_key = "${file}"\n`);
        expect((await whoami(['--api-key', flag], { ONEPIN_API_KEY: env })).me).toMatchObject({
          source: 'flag',
          key_name: 'flag',
          credentials_path: null,
        });
        expect((await whoami([], { ONEPIN_API_KEY: env })).me).toMatchObject({
          source: 'env',
          key_name: 'env',
        });
        expect((await whoami([], { ONEPIN_API_KEY: '  ' })).me).toMatchObject({
          source: 'file',
          key_name: 'file',
          profile: 'default',
          credentials_path: cli.credentialsFile,
        });
      });

      run('picks the profile from --profile, else ONEPIN_PROFILE, else default', async () => {
        const keys = {
          default: await cli.key([], { name: 'd' }),
          ci: await cli.key([], { name: 'c' }),
          dev: await cli.key([], { name: 'v' }),
        };
        await saveProfiles(
          Object.entries(keys)
            .map(([name, key]) => `[${name}]\napi_key = "${key}"\n`)
            .join('\n'),
        );
        const name = async (args: string[], env: Record<string, string> = {}) =>
          (await whoami(args, env)).me;
        expect(await name([])).toMatchObject({ profile: 'default', key_name: 'd' });
        expect(await name([], { ONEPIN_PROFILE: 'ci' })).toMatchObject({
          profile: 'ci',
          key_name: 'c',
        });
        expect(await name(['--profile', 'dev'], { ONEPIN_PROFILE: 'ci' })).toMatchObject({
          profile: 'dev',
          key_name: 'v',
        });
        expect(await name([], { ONEPIN_PROFILE: '' })).toMatchObject({ profile: 'default' });
      });

      run('resolves the base URL on its own: flag, env, profile, default', async () => {
        const key = await cli.key();
        await saveProfiles(`[default]\napi_key = "${key}"\nbase_url = "http://profile.test"\n`);
        const cases: Array<[string[], Record<string, string>, string, string]> = [
          [
            ['--base-url', 'http://flag.test'],
            { ONEPIN_BASE_URL: 'http://env.test' },
            'http://flag.test',
            'flag',
          ],
          [[], { ONEPIN_BASE_URL: 'http://env.test' }, 'http://env.test', 'env'],
          [[], { ONEPIN_BASE_URL: '' }, 'http://profile.test', 'file'],
          // The key from the environment, the server from the profile: each on its own.
          [[], { ONEPIN_API_KEY: key }, 'http://profile.test', 'file'],
          [['--profile', 'none'], { ONEPIN_API_KEY: key }, 'http://127.0.0.1:8000', 'default'],
        ];
        for (const [args, env, url, source] of cases) {
          const { me } = await whoami(args, env);
          expect(me, `${args} ${JSON.stringify(env)}`).toMatchObject({
            base_url: url,
            base_url_source: source,
          });
          expect(origin()).toBe(url);
        }
      });

      run(
        'does not read the credentials file when flags and variables say everything',
        async () => {
          await saveProfiles('[default]\napi_key = "unsafe"\n', 0o644);
          const { code, me } = await whoami([], {
            ONEPIN_API_KEY: await cli.key(),
            ONEPIN_BASE_URL: 'http://env.test',
          });
          expect(code).toBe(0);
          expect(me.source).toBe('env');
        },
      );

      run('says how to get a key when there is none (exit 1)', async () => {
        const none = await cli.run(['whoami']);
        expect(none.code).toBe(1);
        expect(none.err).toBe(
          '[NO_API_KEY] No API key found. Pass --api-key, set ONEPIN_API_KEY, or run `onepin login`.\n',
        );
        await saveProfiles(`[default]\napi_key = "${await cli.key()}"\n`);
        const missing = await cli.run(['whoami', '--profile', 'staging']);
        expect(missing.code).toBe(1);
        expect(missing.err).toContain(
          `There is no profile "staging" in ${cli.credentialsFile}: run \`onepin login --profile staging\`.`,
        );
        expect(cli.requests).toHaveLength(0);
      });

      run('refuses a malformed key from any source before sending it (exit 1)', async () => {
        const bad = `${generateApiKey('live').slice(0, -4)}xxxx`;
        await saveProfiles(`[default]\napi_key = "${bad}"\n`);
        const sources: Array<[string[], Record<string, string>, string]> = [
          [['--api-key', 'ghp_123'], {}, 'Key must start with op_live_'],
          [
            [],
            { ONEPIN_API_KEY: 'op_live_123' },
            'Key must be op_live_ or op_test_ followed by 32',
          ],
          [[], {}, 'Key checksum does not match'],
        ];
        const from = ['--api-key', 'ONEPIN_API_KEY', `profile "default" of ${cli.credentialsFile}`];
        for (const [i, [args, env, message]] of sources.entries()) {
          const { code, err } = await cli.run(['whoami', ...args], { env });
          expect(code).toBe(1);
          expect(err.startsWith(`[MALFORMED_API_KEY] ${message}`)).toBe(true);
          expect(err).toContain(`The key came from ${from[i]}.`);
          expect(err).not.toContain(bad);
        }
        expect(cli.requests).toHaveLength(0);
      });

      run('refuses a base URL that is not http(s) from any source (exit 1)', async () => {
        const key = await cli.key();
        await saveProfiles(`[default]\napi_key = "${key}"\nbase_url = "ftp://files.test"\n`);
        for (const [args, env, from] of [
          [['--base-url', 'ws://x.test'], {}, '--base-url'],
          [[], { ONEPIN_BASE_URL: 'file:///tmp' }, 'ONEPIN_BASE_URL'],
          [[], {}, `profile "default" of ${cli.credentialsFile}`],
        ] as const) {
          const { code, err } = await cli.run(['whoami', ...args], { env });
          expect(code).toBe(1);
          expect(err).toMatch(/^\[INVALID_BASE_URL\] Base URL must use http or https, not \w+\.\n/);
          expect(err).toContain(`It came from ${from}.`);
        }
        expect(cli.requests).toHaveLength(0);
      });

      run('exits 2 for an empty --api-key, --base-url or --profile', async () => {
        for (const flag of ['--api-key', '--base-url', '--profile']) {
          const { code, err } = await cli.run(['whoami', flag, '']);
          expect(code).toBe(2);
          expect(err).toContain(`[USAGE] ${flag} is empty.`);
        }
      });
    });

    describe('what it prints', () => {
      run(
        'names the source, profile, server, workspace, key, scopes and age (--json)',
        async () => {
          const record = await cli.keyRecord(['workspace:read', 'api_keys:read'], {
            name: 'laptop',
          });
          await saveProfiles(`[default]\napi_key = "${record.plaintext}"\n`);
          const created = cli.world.clock.now();
          const { me, err } = await cli
            .run(['whoami', '--json'], { now: () => created + 3 * DAY })
            .then((r) => ({ me: r.json(), err: r.err }));
          expect(me).toEqual({
            source: 'file',
            profile: 'default',
            credentials_path: cli.credentialsFile,
            base_url: 'http://127.0.0.1:8000',
            base_url_source: 'default',
            workspace_id: (await cli.workspace()).id,
            workspace_name: 'Acme',
            key_id: record.id,
            key_name: 'laptop',
            key_type: 'live',
            key_preview: `op_live_…${record.plaintext.slice(-4)}`,
            scopes: ['api_keys:read', 'workspace:read'],
            created_at: new Date(created).toISOString(),
            expires_at: null,
            key_age_days: 3,
          });
          expect(err).toBe('');
        },
      );

      run('prints aligned fields on a terminal and label<TAB>value lines when piped', async () => {
        const key = await cli.key(['workspace:read'], { name: 'laptop' });
        const env = { ONEPIN_API_KEY: key, NO_COLOR: '1' };
        const tty = await cli.run(['whoami'], { env, tty: true });
        expect(tty.out).toMatch(/^Workspace {5}Acme\n/);
        expect(tty.out).toContain('\nSource        env (ONEPIN_API_KEY)\n');
        expect(tty.out).toContain('\nExpires       never\n');
        expect(tty.out).not.toContain('\u001b[');
        const piped = await cli.run(['whoami'], { env });
        expect(piped.out).toContain('\nsource\tenv (ONEPIN_API_KEY)\n');
        expect(piped.out).toContain('\nscopes\tworkspace:read\n');
        expect(piped.out).toContain('\nbase_url\thttp://127.0.0.1:8000\n');
        expect(piped.out + piped.err + tty.out).not.toContain(key);
      });

      run(
        'warns on stderr when the key is older than 90 days, with the rotate command',
        async () => {
          const record = await cli.keyRecord();
          const created = cli.world.clock.now();
          const env = { ONEPIN_API_KEY: record.plaintext };
          const young = await cli.run(['whoami'], { env, now: () => created + 90 * DAY });
          expect(young.err).toBe('');
          const old = await cli.run(['whoami'], { env, now: () => created + 91 * DAY });
          expect(old.code).toBe(0);
          expect(old.err).toBe(
            `! This key is 91 days old (more than 90). Rotate it: onepin keys rotate ${record.id} --grace 24h\n`,
          );
        },
      );

      run('points out a key that expires soon', async () => {
        const soon = new Date(cli.world.clock.now() + 2 * DAY).toISOString();
        const key = await cli.key([], { expiresAt: soon });
        const { err } = await cli.run(['whoami'], { env: { ONEPIN_API_KEY: key } });
        expect(err).toBe('! This key expires in 2 days.\n');
      });

      run('explains a refused key: the server, where the key came from, onepin login', async () => {
        const key = generateApiKey('live');
        const { code, err } = await cli.run(['whoami', '--base-url', 'http://onepin.test'], {
          env: { ONEPIN_API_KEY: key },
        });
        expect(code).toBe(1);
        const requestId = cli.requests.length && err.match(/request_id=([\w-]+)/)?.[1];
        expect(requestId).toBeTruthy();
        expect(err).toBe(
          `[INVALID_API_KEY] Invalid API key. Create one at http://onepin.test/settings/api-keys (request_id=${requestId})\nThe key came from ONEPIN_API_KEY. Run \`onepin login\` to save a new one.\n`,
        );
      });

      run('prints the error as JSON on stderr with --json', async () => {
        const { code, out, err } = await cli.run(['whoami', '--json'], {
          env: { ONEPIN_API_KEY: generateApiKey('live') },
        });
        expect(code).toBe(1);
        expect(out).toBe('');
        expect(JSON.parse(err)).toEqual({
          error: {
            code: 'INVALID_API_KEY',
            message: 'Invalid API key. Create one at http://127.0.0.1:8000/settings/api-keys',
            request_id: expect.any(String),
          },
        });
      });

      run('with -v, traces requests on stderr without the key or any header', async () => {
        const key = await cli.key();
        const { code, err } = await cli.run(['whoami', '-v'], { env: { ONEPIN_API_KEY: key } });
        expect(code).toBe(0);
        expect(err).toContain(
          `Using op_live_…${key.slice(-4)} from ONEPIN_API_KEY against http://127.0.0.1:8000`,
        );
        expect(err).toMatch(
          /→ GET http:\/\/127\.0\.0\.1:8000\/api\/v1\/auth\/whoami\n← 200 in \d+ ms \(request_id=[\w-]+\)\n/,
        );
        expect(err).not.toContain(key);
      });
    });

    describe('the credentials file rules', () => {
      run('refuses a file others can read — and so does the SDK’s loadCredentials', async () => {
        await saveProfiles(`[default]\napi_key = "${await cli.key()}"\n`);
        expect((await cli.run(['whoami'])).code).toBe(0);
        await chmod(cli.credentialsFile, 0o644);
        const { code, err } = await cli.run(['whoami']);
        expect(code).toBe(1);
        const message = `Refusing to read ${cli.credentialsFile}: other users can access it (mode 644). Fix it with: chmod 600 ${cli.credentialsFile}`;
        expect(err).toBe(`[INSECURE_CREDENTIALS_FILE] ${message}\n`);
        await expect(loadCredentials()).rejects.toMatchObject({
          code: 'INSECURE_CREDENTIALS_FILE',
          message,
        });
        await chmod(cli.credentialsFile, 0o600);
        expect((await cli.run(['whoami'])).code).toBe(0);
      });

      run('refuses a directory others can write to', async () => {
        await saveProfiles(`[default]\napi_key = "${await cli.key()}"\n`);
        await chmod(join(cli.home, '.onepin'), 0o777);
        const { code, err } = await cli.run(['whoami']);
        expect(code).toBe(1);
        expect(err).toContain('[INSECURE_CREDENTIALS_FILE] Refusing to use');
        expect(err).toContain('chmod 700');
      });
    });
  });
}

describe('onepin whoami, with no server', () => {
  it('says the server cannot be reached (exit 1)', async () => {
    const io = captureIo({ env: { ONEPIN_API_KEY: generateApiKey('live') } });
    // Port 9 (discard) on loopback: nothing listens there, the connection is refused.
    const code = await main(['whoami', '--base-url', 'http://127.0.0.1:9'], io, {
      client: { maxRetries: 0 },
    });
    expect(code).toBe(1);
    expect(io.err()).toMatch(
      /^\[CONNECTION_ERROR\] Cannot reach http:\/\/127\.0\.0\.1:9 — check your connection\n/,
    );
    // Names where the address came from, and the two ways out.
    expect(io.err()).toContain(
      'Is the server running there? The base URL came from --base-url. Point at another with --base-url URL (or ONEPIN_BASE_URL), or start one: npm start (in the OnePin repository) or onepin-server serve.\n',
    );
  });

  it('names the default as the source when nothing set the base URL', async () => {
    vi.stubEnv('HOME', '/nonexistent');
    const io = captureIo({ env: { ONEPIN_API_KEY: generateApiKey('live') } });
    const code = await main(['whoami'], io, {
      client: { maxRetries: 0, fetch: async () => Promise.reject(new TypeError('fetch failed')) },
    });
    vi.unstubAllEnvs();
    expect(code).toBe(1);
    expect(io.err()).toContain(
      'The base URL came from the default (http://127.0.0.1:8000). Point at another with --base-url URL',
    );
  });
});
