import { dialectAvailable, testDialects } from '@onepin/db/test-support';
import { describe, expect } from 'vitest';
import { cliWorldPerSuite } from '../test-support/cli-world.js';

const KEY_LINE = /^op_(live|test)_[0-9A-Za-z]{32}\n$/;

for (const dialect of testDialects) {
  describe.skipIf(!dialectAvailable(dialect))(`${dialect.name}: onepin keys`, () => {
    const { cli, run } = cliWorldPerSuite(dialect);

    const keys = cli.keys;
    const create = async (...args: string[]) => {
      const result = await keys(['create', '--json', ...args]);
      expect(result.code, result.err).toBe(0);
      return result.json();
    };

    describe('create', () => {
      run('prints the plaintext once on stdout, and the advice on stderr', async () => {
        const { code, out, err } = await keys([
          'create',
          '--name',
          'ci',
          '--scopes',
          'api_keys:read',
        ]);
        expect(code).toBe(0);
        expect(out).toMatch(KEY_LINE);
        expect(err).toMatch(
          /^✓ Created live key “ci” \(op_live_…\w{4}\) with scopes api_keys:read\. Id: [\w-]+\n/,
        );
        expect(err).toContain(
          '! This is the only time the key is shown: store it in a secrets manager now, never in code or git.\n',
        );
        expect(err).not.toContain(out.trim());
        const made = await cli.run(['whoami', '--json'], { env: { ONEPIN_API_KEY: out.trim() } });
        expect(made.json()).toMatchObject({ key_name: 'ci', scopes: ['api_keys:read'] });
      });

      run('passes scopes, type, expiry and rate limit; --json shows the whole key', async () => {
        // A live key manages live keys only: a test key makes test keys.
        const tester = await cli.key(['api_keys:write', 'api_keys:read', 'workspace:read'], {
          type: 'test',
        });
        const result = await keys(
          [
            'create',
            '--json',
            '--name',
            'deploy',
            '--scopes',
            'workspace:read, api_keys:read',
            '--type',
            'test',
            '--expires-at',
            '2027-01-31',
            '--rate-limit',
            '120',
          ],
          { as: tester },
        );
        expect(result.code, result.err).toBe(0);
        expect(result.json()).toMatchObject({
          name: 'deploy',
          scopes: ['api_keys:read', 'workspace:read'],
          key_type: 'test',
          expires_at: '2027-01-31T00:00:00.000Z',
          rate_limit_per_min: 120,
          api_key: expect.stringMatching(/^op_test_/),
        });
      });

      run('says so when the key gets no scopes', async () => {
        const { err } = await keys(['create', '--name', 'bare']);
        expect(err).toContain('with no scopes (it can only call whoami)');
      });

      run.each([
        [['create'], /required option '--name <name>' not specified/],
        [
          ['create', '--name', 'x', '--scopes', 'workflows:read,nope'],
          /Unknown scope "nope"\. Valid scopes: api_keys:read, api_keys:write, templates:read/,
        ],
        [['create', '--name', 'x', '--type', 'prod'], /Allowed choices are live, test/],
        [['create', '--name', 'x', '--expires-at', 'tomorrow'], /Expected a date or date-time/],
        [['create', '--name', 'x', '--rate-limit', '0'], /Expected a whole number ≥ 1/],
      ])('exits 2 for %j, before any request', async (args, message) => {
        const { code, err } = await keys(args);
        expect(code).toBe(2);
        expect(err).toMatch(message);
        expect(cli.requests).toHaveLength(0);
      });

      run('keeps the server’s code, message and request id (403 for a broader key)', async () => {
        const narrow = await cli.key(['api_keys:write']);
        const { code, err } = await keys(['create', '--name', 'x', '--scopes', 'workflows:write'], {
          as: narrow,
        });
        expect(code).toBe(1);
        expect(err).toMatch(/^\[INSUFFICIENT_SCOPE\] .*workflows:write.* \(request_id=[\w-]+\)\n/);
      });
    });

    describe('list and show', () => {
      run('prints a table on a terminal and tab-separated rows when piped', async () => {
        const admin = await cli.key(['api_keys:read', 'api_keys:write']);
        const made = await create('--name', 'table me', '--scopes', 'api_keys:read');
        const tty = await keys(['list'], { as: admin, tty: true, columns: 160 });
        expect(tty.code).toBe(0);
        const [header, ...rows] = tty.out.trimEnd().split('\n');
        expect(header).toMatch(/^ID +NAME +PREVIEW +TYPE +SCOPES +STATUS +LAST USED +EXPIRES$/);
        const row = rows.find((line) => line.startsWith(made.id));
        expect(row).toMatch(
          / table me +op_live_…\w{4} +live +api_keys:read +Active +never +never$/,
        );
        const piped = await keys(['list'], { as: admin });
        expect(piped.out.split('\n')).toContain(
          [made.id, 'table me', made.preview, 'live', 'api_keys:read', 'active', '', ''].join('\t'),
        );
        expect(piped.out).not.toContain('PREVIEW');
      });

      run('--json prints the data array; --status filters; secrets never appear', async () => {
        const made = await create('--name', 'gone');
        await keys(['revoke', made.id, '--yes']);
        const active = (await keys(['list', '--json', '--status', 'active'])).json();
        expect(Array.isArray(active)).toBe(true);
        expect(active.map((k: any) => k.id)).not.toContain(made.id);
        const revoked = (await keys(['list', '--json', '--status', 'revoked'])).json();
        expect(revoked.find((k: any) => k.id === made.id)).toMatchObject({
          revoked_at: expect.any(String),
        });
        expect(JSON.stringify(revoked)).not.toContain(made.api_key);
      });

      run(
        'pages with --limit/--offset, says how to get more, and --all fetches every page',
        async () => {
          const admin = await cli.key(['api_keys:read', 'api_keys:write']);
          const total = (
            await keys(['list', '--json', '--all', '--limit', '2'], { as: admin })
          ).json().length;
          expect(total).toBeGreaterThan(2);
          const first = await keys(['list', '--limit', '2'], { as: admin });
          expect(first.out.trimEnd().split('\n')).toHaveLength(2);
          expect(first.err).toBe(
            `Showing 1–2 of ${total} keys. Next page: --offset 2 (or --all)\n`,
          );
          const all = await keys(['list', '--all', '--limit', '2'], { as: admin });
          expect(all.out.trimEnd().split('\n')).toHaveLength(total);
          expect(all.err).toBe('');
          expect(cli.requests.filter((r) => r.url.includes('/api-keys')).length).toBeGreaterThan(2);
        },
      );

      run.each([
        [
          ['list', '--limit', '0'],
          /argument '0' is invalid\. Expected a whole number from 1 to 100/,
        ],
        [['list', '--limit', '101'], /Expected a whole number from 1 to 100/],
        [['list', '--offset', '-1'], /Expected a whole number ≥ 0/],
        [['list', '--status', 'old'], /Allowed choices are active, revoked, all/],
        [['list', '--all', '--offset', '3'], /cannot be used with option '--all'/],
        [['show'], /missing required argument 'key'/],
      ])('exits 2 for %j', async (args, message) => {
        const { code, err } = await keys(args);
        expect(code).toBe(2);
        expect(err).toMatch(message);
      });

      run('shows one key as fields (and as JSON)', async () => {
        const made = await create(
          '--name',
          'shown',
          '--scopes',
          'api_keys:read',
          '--rate-limit',
          '60',
        );
        const shown = await keys(['show', made.id]);
        expect(shown.out).toContain(`id\t${made.id}\n`);
        expect(shown.out).toContain('name\tshown\n');
        expect(shown.out).toContain('rate_limit\t60/min\n');
        expect(shown.out).toContain('status\tactive\n');
        const json = (await keys(['show', made.id, '--json'])).json();
        expect(json).toMatchObject({ id: made.id, name: 'shown' });
        expect(json.api_key).toBeUndefined();
      });

      run('reports a missing key as NOT_FOUND with the request id (exit 1)', async () => {
        const { code, err } = await keys(['show', '00000000-0000-4000-8000-000000000000']);
        expect(code).toBe(1);
        expect(err).toMatch(/^\[NOT_FOUND\] .+ \(request_id=[\w-]+\)\n$/);
      });

      run('says which scope is missing, and how to check the key', async () => {
        const { code, err } = await keys(['list'], { as: await cli.key(['workspace:read']) });
        expect(code).toBe(1);
        expect(err).toMatch(/^\[INSUFFICIENT_SCOPE\] .*api_keys:read.*\(request_id=[\w-]+\)\n/);
        expect(err).toContain('See what this key may do with `onepin whoami`.');
      });
    });

    describe('update', () => {
      run('changes the given fields and prints the key', async () => {
        const made = await create(
          '--name',
          'before',
          '--scopes',
          'api_keys:read',
          '--rate-limit',
          '10',
        );
        const { code, out, err } = await keys([
          'update',
          made.id,
          '--name',
          'after',
          '--scopes',
          'workspace:read',
          '--rate-limit',
          'default',
          '--expires-at',
          '2027-06-01T12:00:00+02:00',
        ]);
        expect(code, err).toBe(0);
        expect(out).toContain('name\tafter\n');
        expect(out).toContain('rate_limit\tserver default\n');
        expect(out).toContain('expires\t2027-06-01T10:00:00.000Z\n');
        expect(err).toBe(`✓ Updated key “after” (${made.preview}).\n`);
        const never = (await keys(['update', made.id, '--expires-at', 'never', '--json'])).json();
        expect(never).toMatchObject({ expires_at: null, scopes: ['workspace:read'] });
      });

      run(
        'disables a key; enabling it again is for admins, so the server refuses a key',
        async () => {
          const made = await create('--name', 'toggle');
          const off = await keys(['update', made.id, '--disable']);
          expect(off.out).toContain('status\tdisabled\n');
          expect((await cli.run(['whoami'], { env: { ONEPIN_API_KEY: made.api_key } })).code).toBe(
            1,
          );
          const on = await keys(['update', made.id, '--enable']);
          expect(on.code).toBe(1);
          expect(on.err).toMatch(/^\[FORBIDDEN\] .*admin.*\(request_id=[\w-]+\)\n/);
          // Enabling a key that is on changes nothing, and is allowed.
          const other = await create('--name', 'on');
          expect((await keys(['update', other.id, '--enable'])).code).toBe(0);
        },
      );

      run.each([
        [['update', 'some-id'], 'Nothing to change: pass --name'],
        [
          ['update', 'some-id', '--enable', '--disable'],
          "option '--enable' cannot be used with option '--disable'",
        ],
      ])('exits 2 for %j', async (args, message) => {
        const { code, err } = await keys(args);
        expect(code).toBe(2);
        expect(err).toContain(message);
      });
    });

    describe('rotate', () => {
      run('needs --yes off a terminal (exit 2) and then prints only the new key', async () => {
        const made = await create('--name', 'rotating', '--scopes', 'api_keys:read');
        const refused = await keys(['rotate', made.id]);
        expect(refused.code).toBe(2);
        expect(refused.err).toBe(
          `[USAGE] Refusing to rotate key ${made.id} without confirmation: pass --yes (there is no terminal to ask on).\n`,
        );
        const rotated = await keys(['rotate', made.id, '--grace', '24h', '--yes']);
        expect(rotated.code).toBe(0);
        expect(rotated.out).toMatch(KEY_LINE);
        const end = new Date(cli.world.clock.now() + 86_400_000).toISOString();
        expect(rotated.err).toContain(
          `✓ Rotated “rotating” (${made.preview}): the new key is op_live_…`,
        );
        expect(rotated.err).toContain(
          `The old key ${made.preview} stops working at ${end} (in 1 day).`,
        );
        expect(rotated.err).toContain('store it in a secrets manager now');
        // During the grace period both keys work.
        for (const key of [made.api_key, rotated.out.trim()]) {
          expect((await cli.run(['whoami'], { env: { ONEPIN_API_KEY: key } })).code).toBe(0);
        }
      });

      run(
        'asks on a terminal, naming the key; "y" rotates, anything else cancels (130)',
        async () => {
          const made = await create('--name', 'asked');
          const declined = await keys(['rotate', made.id], { tty: true, input: 'n\n' });
          expect(declined.code).toBe(130);
          expect(declined.err).toBe(
            `Rotate key “asked” (${made.preview})? The old key stops working at once. [y/N] Cancelled: the key was not rotated.\n`,
          );
          expect(declined.out).toBe('');
          const accepted = await keys(['rotate', made.id, '--json'], { tty: true, input: 'y\n' });
          expect(accepted.code).toBe(0);
          const { old_key: old, new_key: fresh } = accepted.json();
          expect(old).toMatchObject({ id: made.id, revoked_at: expect.any(String) });
          expect(fresh.api_key).toMatch(/^op_live_/);
          expect(accepted.err).toContain(`The old key ${made.preview} stopped working.`);
          expect((await cli.run(['whoami'], { env: { ONEPIN_API_KEY: made.api_key } })).code).toBe(
            1,
          );
        },
      );

      run.each([['8d'], ['2'], ['1w'], ['-1']])('exits 2 for --grace %s', async (grace) => {
        const { code, err } = await keys(['rotate', 'id', '--grace', grace, '--yes']);
        expect(code).toBe(2);
        expect(err).toContain('Expected a duration with its unit, at most 7d: 30m, 24h, 7d, or 0');
        expect(cli.requests).toHaveLength(0);
      });
    });

    describe('revoke', () => {
      run('asks on a terminal, revokes with --yes, and the key stops working', async () => {
        const made = await create('--name', 'doomed');
        const declined = await keys(['revoke', made.id], { tty: true, input: '\n' });
        expect(declined.code).toBe(130);
        expect(declined.err).toContain(
          `Revoke key “doomed” (${made.preview})? It stops working at once. [y/N] `,
        );
        expect((await cli.run(['whoami'], { env: { ONEPIN_API_KEY: made.api_key } })).code).toBe(0);

        const revoked = await keys(['revoke', made.id, '--yes']);
        expect(revoked.code).toBe(0);
        expect(revoked.out).toBe('');
        expect(revoked.err).toBe(`✓ Revoked key “doomed” (${made.preview}).\n`);
        const after = await cli.run(['whoami'], { env: { ONEPIN_API_KEY: made.api_key } });
        expect(after.code).toBe(1);
        expect(after.err).toContain('[INVALID_API_KEY]');
      });

      run('names the key by id when the caller may not read keys', async () => {
        const made = await create('--name', 'writer-only');
        const writer = await cli.key(['api_keys:write']);
        const { code, err } = await keys(['revoke', made.id], {
          as: writer,
          tty: true,
          input: 'yes\n',
        });
        expect(code).toBe(0);
        expect(err).toContain(`Revoke key ${made.id}? It stops working at once. [y/N] `);
      });
    });
  });
}
