import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dialectAvailable, testDialects } from '@onepin/db/test-support';
import { describe, expect } from 'vitest';
import { main } from '../main.js';
import { captureIo } from '../test-support/capture-io.js';
import { cliWorldPerSuite, type RunOptions } from '../test-support/cli-world.js';

const SECRET_LINE = /^whsec_[A-Za-z0-9+/]{43}=\n$/;

for (const dialect of testDialects) {
  describe.skipIf(!dialectAvailable(dialect))(`${dialect.name}: onepin webhooks`, () => {
    const { cli, run } = cliWorldPerSuite(dialect);

    const hooks = async (args: string[], options: RunOptions = {}) => {
      const as = await cli.key(['webhooks:read', 'webhooks:write', 'api_keys:write']);
      return cli.run(['webhooks', ...args], {
        ...options,
        env: { ONEPIN_API_KEY: as, NO_COLOR: '1', ...options.env },
      });
    };
    const created = async (...args: string[]) => {
      const result = await hooks(['create', '--json', ...args]);
      expect(result.code, result.err).toBe(0);
      return result.json();
    };

    run('create prints the signing secret once on stdout, and the advice on stderr', async () => {
      const result = await hooks([
        'create',
        '--url',
        'https://hooks.example.com/a',
        '--events',
        'api_key.leaked, api_key.revoked',
      ]);
      expect(result.code, result.err).toBe(0);
      expect(result.out).toMatch(SECRET_LINE);
      expect(result.err).toContain('for api_key.leaked, api_key.revoked');
      expect(result.err).toContain('This is the only time the signing secret is shown');
      const listed = await hooks(['list']);
      expect(listed.out).not.toContain(result.out.trim());
      expect(listed.out).toContain(
        'https://hooks.example.com/a\tapi_key.leaked,api_key.revoked\tlive\tactive',
      );
    });

    run('refuses an unknown event as a usage error, naming the valid ones', async () => {
      const result = await hooks(['create', '--url', 'https://x.example', '--events', 'key.boom']);
      expect(result.code).toBe(2);
      expect(result.err).toContain('Unknown event "key.boom". Valid events: api_key.created');
    });

    run('update, show, and delete (which asks, or needs --yes off a terminal)', async () => {
      const hook = await created('--url', 'https://hooks.example.com/b', '--events', 'all');
      const updated = await hooks(['update', hook.id, '--disable', '--events', 'member.added']);
      expect(updated.code, updated.err).toBe(0);
      expect(updated.out).toContain('events\tmember.added');
      expect(updated.out).toContain('status\tdisabled');
      expect((await hooks(['update', hook.id])).code).toBe(2);

      expect((await hooks(['delete', hook.id])).code).toBe(2);
      const declined = await hooks(['delete', hook.id], { tty: true, input: 'n\n' });
      expect(declined.code).toBe(130);
      const deleted = await hooks(['delete', hook.id, '--yes']);
      expect(deleted.code, deleted.err).toBe(0);
      expect((await hooks(['show', hook.id])).code).toBe(1);
    });

    run(
      'rotate-secret prints the new secret once and keeps the old one signing for the grace',
      async () => {
        const hook = await created('--url', 'https://hooks.example.com/c', '--events', 'all');
        expect((await hooks(['rotate-secret', hook.id])).code).toBe(2);
        const rotated = await hooks(['rotate-secret', hook.id, '--grace', '1h', '--yes']);
        expect(rotated.code, rotated.err).toBe(0);
        expect(rotated.out).toMatch(SECRET_LINE);
        expect(rotated.out.trim()).not.toBe(hook.secret);
        expect(rotated.err).toContain('deliveries carry both signatures until');
      },
    );

    run('deliveries lists the log, shows one delivery, and redeliver queues it again', async () => {
      const hook = await created(
        '--url',
        'https://hooks.example.com/d',
        '--events',
        'api_key.created',
      );
      await cli.key([], { name: 'announced' });
      const log = await hooks(['deliveries', hook.id, '--json']);
      expect(log.code, log.err).toBe(0);
      const [delivery] = log.json();
      expect(delivery).toMatchObject({
        event_type: 'api_key.created',
        status: 'pending',
        attempts: 0,
      });
      const table = await hooks(['deliveries', hook.id]);
      expect(table.out).toContain(`${delivery.id}\tapi_key.created\tpending\t0`);
      const one = await hooks(['deliveries', hook.id, delivery.id, '--json']);
      expect(one.json().payload.type).toBe('api_key.created');
      const again = await hooks(['redeliver', hook.id, delivery.id]);
      expect(again.code, again.err).toBe(0);
      expect(again.err).toContain('is queued to be sent again now');
    });

    run('keys show puts a banner under a key reported leaked', async () => {
      const { world } = cli;
      const leaked = await cli.keyRecord([], { name: 'pasted' });
      const reported = await world.call('POST', '/api/v1/credentials/revoke', {
        body: { credentials: [leaked.plaintext] },
      });
      expect(reported.status).toBe(202);
      await world.processLeakReports();
      const shown = await cli.run(['keys', 'show', leaked.id], {
        env: { ONEPIN_API_KEY: await cli.key(['api_keys:read']), NO_COLOR: '1' },
      });
      expect(shown.code, shown.err).toBe(0);
      expect(shown.out).toContain('status\trevoked');
      expect(shown.out).toMatch(/leaked\t\S+ \(a public report\)/);
      expect(shown.err).toContain('! LEAKED: this key was found in public (a public report, ');
      expect(shown.err).toContain(') and was revoked at once.');
    });

    run('scan --revoke reports the keys it finds (asking first), never printing them', async () => {
      const { world } = cli;
      const leaked = await cli.keyRecord([], { name: 'committed' });
      const directory = mkdtempSync(join(tmpdir(), 'onepin-scan-revoke-'));
      try {
        writeFileSync(join(directory, '.env'), `ONEPIN_API_KEY=${leaked.plaintext}\n`);
        const scan = async (args: string[], tty = false, input?: string) => {
          const io = captureIo({
            cwd: directory,
            tty,
            env: { NO_COLOR: '1', ONEPIN_BASE_URL: 'http://onepin.test' },
            ...(input !== undefined && { input }),
          });
          const code = await main(['scan', directory, ...args], io, {
            client: {
              fetch: (request) =>
                Promise.resolve(
                  world.app.request(request, undefined, {
                    incoming: { socket: { remoteAddress: '192.0.2.55' } },
                  } as never),
                ),
            },
          });
          return { code, out: io.out(), err: io.err() };
        };
        const offTerminal = await scan(['--revoke']);
        expect(offTerminal.code).toBe(2);
        expect(offTerminal.err).toContain('pass --yes');
        const declined = await scan(['--revoke'], true, 'n\n');
        expect(declined.code).toBe(130);
        expect(declined.err).toContain(
          'Revoke the 1 key found, by reporting it to http://onepin.test?',
        );

        const done = await scan(['--revoke', '--yes']);
        expect(done.code).toBe(1);
        expect(done.err).toContain('Reported 1 key to http://onepin.test');
        for (const text of [offTerminal, declined, done].flatMap((r) => [r.out, r.err])) {
          expect(text).not.toContain(leaked.plaintext);
        }
        await world.processLeakReports();
        const whoami = await world.call('GET', '/api/v1/auth/whoami', { key: leaked.plaintext });
        expect(whoami.status).toBe(401);
      } finally {
        rmSync(directory, { recursive: true, force: true });
      }
    });
  });
}
