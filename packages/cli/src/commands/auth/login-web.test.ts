import { lstat, readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dialectAvailable, testDialects } from '@onepin/db/test-support';
import type { TestSession } from '@onepin/server/test-support';
import { beforeEach, describe, expect } from 'vitest';
import { cliWorldPerSuite } from '../../test-support/cli-world.js';

const CODE = /one-time code: ([A-Z]{4}-[A-Z]{4})/;

for (const dialect of testDialects) {
  describe.skipIf(!dialectAvailable(dialect))(`${dialect.name}: onepin login --web`, () => {
    const { cli, run } = cliWorldPerSuite(dialect);
    let admin: TestSession;

    beforeEach(async () => {
      if (!dialectAvailable(dialect)) return;
      admin ??= await cli.world.signIn(await cli.workspace());
      // A fresh minute: each test may start sign-ins without meeting the per-address limit.
      cli.world.clock.advance(60_000);
    });

    /** The person in the browser: reads the code off the terminal and decides. */
    async function decide(err: () => string, decision: 'approve' | 'deny', body = {}) {
      const userCode = CODE.exec(err())?.[1];
      expect(userCode).toBeDefined();
      const response = await cli.world.call('POST', `/api/v1/device/${decision}`, {
        session: admin,
        body:
          decision === 'approve'
            ? { user_code: userCode, workspace_id: (await cli.workspace()).id, ...body }
            : { user_code: userCode },
      });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
    }

    /** Waits like the real clock, and approves (or denies) during the `at`-th wait. */
    function decideDuring(at: number, decision: 'approve' | 'deny', body = {}) {
      let waits = 0;
      const slept: number[] = [];
      return {
        slept,
        sleep: async (ms: number, terminal: { err: () => string }) => {
          slept.push(ms);
          if (++waits === at) await decide(terminal.err, decision, body);
          cli.world.clock.advance(ms);
        },
      };
    }

    run(
      'prints the code and URL, polls every 5 s, saves the approved key marked as device login, and it works',
      async () => {
        const opened: string[] = [];
        const browser = decideDuring(2, 'approve');
        const { code, out, err } = await cli.run(['login', '--web'], {
          sleep: browser.sleep,
          openBrowser: async (url) => {
            opened.push(url);
            return true;
          },
        });
        expect(code, err).toBe(0);
        expect(out).toBe('');
        const userCode = CODE.exec(err)?.[1] ?? '';
        expect(err).toContain(`  http://127.0.0.1:8000/device?code=${userCode}\n`);
        expect(err).toContain('(the code works for 10 minutes)');
        // Not a terminal: a person may not be there to look at a browser that opens.
        expect(opened).toEqual([]);
        expect(err).toContain('Open it in a browser on any device. Waiting for approval…');
        // Pending after the first wait, approved during the second: collected after it.
        expect(browser.slept).toEqual([5_000, 5_000]);
        expect(err).toContain(`with key “CLI on ${hostname()}”`);
        expect(err).toContain('The key expires on ');
        const saved = await readFile(cli.credentialsFile, 'utf8');
        expect(saved).toMatch(
          /^\[default\]\napi_key = "op_live_\w{32}"\ncreated_via = "device_login"\n$/,
        );
        expect((await lstat(cli.credentialsFile)).mode & 0o777).toBe(0o600);
        expect((await cli.run(['whoami'])).code).toBe(0);
      },
    );

    run('opens the browser on a terminal, unless --no-browser', async () => {
      const opened: string[] = [];
      const openBrowser = async (url: string) => {
        opened.push(url);
        return true;
      };
      const first = await cli.run(['login', '--web'], {
        tty: true,
        sleep: decideDuring(1, 'approve').sleep,
        openBrowser,
      });
      expect(first.code, first.err).toBe(0);
      expect(opened).toEqual([`http://127.0.0.1:8000/device?code=${CODE.exec(first.err)?.[1]}`]);
      expect(first.err).toContain('Opened it in your browser. Waiting for approval…');
      const second = await cli.run(['login', '--web', '--no-browser'], {
        tty: true,
        sleep: decideDuring(1, 'approve').sleep,
        openBrowser,
      });
      expect(second.code, second.err).toBe(0);
      expect(opened).toHaveLength(1);
    });

    run(
      'is offered first at the interactive prompt: Enter signs in through the browser',
      async () => {
        const { code, err } = await cli.run(['login'], {
          tty: true,
          input: '\n',
          sleep: decideDuring(1, 'approve').sleep,
        });
        expect(code, err).toBe(0);
        expect(err).toContain('Log in through the browser? [Y/n]');
        expect(err).not.toContain('Paste your API key');
        expect(await readFile(cli.credentialsFile, 'utf8')).toContain(
          'created_via = "device_login"',
        );
      },
    );

    run('honours slow_down: after it, waits 5 s longer between polls', async () => {
      const slept: number[] = [];
      let waits = 0;
      const { code, err } = await cli.run(['login', '--web', '-v'], {
        sleep: async (ms, terminal) => {
          slept.push(ms);
          waits++;
          if (waits === 4) await decide(terminal.err, 'approve');
          // The second wait comes up short (a laptop waking from sleep, say).
          cli.world.clock.advance(waits === 2 ? 1_000 : ms);
        },
      });
      expect(code, err).toBe(0);
      expect(slept).toEqual([5_000, 5_000, 10_000, 10_000]);
      expect(err).toContain('The server asked to poll every 10 s.');
    });

    run('a denial exits 1 and saves nothing', async () => {
      const { code, err } = await cli.run(['login', '--web'], {
        sleep: decideDuring(1, 'deny').sleep,
      });
      expect(code).toBe(1);
      expect(err).toContain(
        '[ACCESS_DENIED] The sign-in was denied in the browser. Nothing was saved.',
      );
      expect(err).toContain('Run `onepin login --web` again to start over.');
      await expect(lstat(cli.credentialsFile)).rejects.toThrow(/ENOENT/);
    });

    run('a code nobody approves expires: exit 1, nothing saved', async () => {
      const { code, err } = await cli.run(['login', '--web']);
      expect(code).toBe(1);
      expect(err).toContain('[EXPIRED_TOKEN] The code expired before anyone approved it.');
      await expect(lstat(cli.credentialsFile)).rejects.toThrow(/ENOENT/);
    });

    run('Ctrl-C while waiting exits 130 and saves nothing', async () => {
      const { code, err } = await cli.run(['login', '--web'], {
        sleep: async (_ms, terminal) => terminal.interrupt(),
      });
      expect(code).toBe(130);
      expect(err).toContain('Cancelled: nothing was saved (the code stops working on its own).');
      await expect(lstat(cli.credentialsFile)).rejects.toThrow(/ENOENT/);
    });

    run('refuses --web with a key, and --no-browser without --web (exit 2)', async () => {
      const key = await cli.key();
      expect((await cli.run(['login', '--web', '--key', key])).code).toBe(2);
      expect((await cli.run(['login', '--no-browser', '--key', key])).code).toBe(2);
      expect(cli.requests).toHaveLength(0);
    });

    run(
      'logout revokes on the server the key device login made, and says so; the key then fails',
      async () => {
        expect(
          (await cli.run(['login', '--web'], { sleep: decideDuring(1, 'approve').sleep })).code,
        ).toBe(0);
        const key = /api_key = "(.*)"/.exec(await readFile(cli.credentialsFile, 'utf8'))?.[1];
        const { code, err } = await cli.run(['logout', '--json']);
        expect(code, err).toBe(0);
        expect(err).toContain('Revoked its key on the server (`onepin login --web` made it).');
        expect(
          (await cli.world.call('GET', '/api/v1/auth/whoami', { key: key ?? '' })).status,
        ).toBe(401);
        await expect(lstat(cli.credentialsFile)).rejects.toThrow(/ENOENT/);
      },
    );

    run(
      'logout keeps the profile when the server cannot be reached to revoke it (exit 1), and finishes later',
      async () => {
        expect(
          (await cli.run(['login', '--web'], { sleep: decideDuring(1, 'approve').sleep })).code,
        ).toBe(0);
        const offline = await cli.run(['logout'], { offline: true, maxRetries: 0 });
        expect(offline.code).toBe(1);
        expect(offline.err).toContain('[REVOKE_FAILED] Not logged out: could not revoke on');
        expect(await readFile(cli.credentialsFile, 'utf8')).toContain('created_via');
        const later = await cli.run(['logout']);
        expect(later.code).toBe(0);
        expect(later.err).toContain('Revoked its key on the server');
      },
    );

    run('logout of a device key that already stopped working just removes it', async () => {
      expect(
        (await cli.run(['login', '--web'], { sleep: decideDuring(1, 'approve').sleep })).code,
      ).toBe(0);
      const key = /api_key = "(.*)"/.exec(await readFile(cli.credentialsFile, 'utf8'))?.[1] ?? '';
      await cli.world.call('DELETE', '/api/v1/auth/key', { key });
      const { code, err, json } = await cli.run(['logout', '--json']);
      expect(code).toBe(0);
      expect(err).toContain('Its key had already stopped working on the server');
      expect(json()).toMatchObject({ removed: true, key: 'already_inactive' });
    });

    run(
      'logout of a profile that claims device login for a pasted key: the server refuses, the key stays live, the profile goes with a warning',
      async () => {
        const key = await cli.key();
        expect((await cli.run(['login', '--key', key])).code).toBe(0);
        await writeFile(
          cli.credentialsFile,
          `[default]\napi_key = "${key}"\ncreated_via = "device_login"\n`,
        );
        const { code, err, json } = await cli.run(['logout', '--json']);
        expect(code).toBe(0);
        expect(json()).toMatchObject({ removed: true, key: 'not_device_login' });
        expect(err).toContain('The server did not revoke its key');
        expect((await cli.world.call('GET', '/api/v1/auth/whoami', { key })).status).toBe(200);
      },
    );

    run('logout never revokes a pasted key, and says so', async () => {
      const key = await cli.key();
      expect((await cli.run(['login', '--key', key])).code).toBe(0);
      const { code, err, json } = await cli.run(['logout', '--json']);
      expect(code).toBe(0);
      expect(json()).toMatchObject({ removed: true, key: 'kept' });
      expect(err).toContain('The key itself still works (it was pasted');
      expect((await cli.world.call('GET', '/api/v1/auth/whoami', { key })).status).toBe(200);
    });
  });
}
