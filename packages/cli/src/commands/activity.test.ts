import { dialectAvailable, testDialects } from '@onepin/db/test-support';
import { describe, expect } from 'vitest';
import { cliWorldPerSuite } from '../test-support/cli-world.js';

for (const dialect of testDialects) {
  describe.skipIf(!dialectAvailable(dialect))(`${dialect.name}: onepin activity`, () => {
    const { cli, run } = cliWorldPerSuite(dialect);

    run(
      'shows the audit log newest first, pages by cursor, and --all walks every page',
      async () => {
        const admin = await cli.key(['api_keys:write', 'workspace:read'], { name: 'auditor' });
        const env = { ONEPIN_API_KEY: admin, NO_COLOR: '1' };
        for (const name of ['one', 'two', 'three']) {
          cli.world.clock.advance(1000);
          expect((await cli.run(['keys', 'create', '--name', name], { env })).code).toBe(0);
        }
        const events = (
          await cli.run(['activity', '--all', '--json', '--limit', '2'], { env })
        ).json();
        expect(events.length).toBeGreaterThanOrEqual(4);
        expect(events[0]).toMatchObject({
          type: 'api_key_created',
          actor: { type: 'api_key', name: 'auditor' },
          target: { type: 'api_key' },
        });

        const page = await cli.run(['activity', '--limit', '2'], { env });
        const rows = page.out.trimEnd().split('\n');
        expect(rows).toHaveLength(2);
        // The same sentences as the dashboard, naming the key by its preview.
        expect(rows[0]).toBe(
          [
            events[0].created_at,
            'api_key_created',
            'API key “auditor”',
            `Created API key “three” (${events[0].metadata.preview})`,
            'live',
          ].join('\t'),
        );
        const cursor = page.err.match(
          /^More events: --cursor (\S+) \(or --all for every page\)\n$/,
        )?.[1];
        expect(cursor).toBeDefined();
        const next = await cli.run(['activity', '--limit', '2', '--cursor', cursor!, '--json'], {
          env,
        });
        expect(next.json().map((e: any) => e.id)).toEqual(events.slice(2, 4).map((e: any) => e.id));

        const tty = await cli.run(['activity', '--limit', '1'], { env, tty: true, columns: 120 });
        expect(tty.out).toMatch(
          /^TIME +EVENT +WHO +WHAT +DATA\nless than a minute ago +api_key_created +API key “auditor” +Created API key “three” \(op_live_…\w{4}\) +live\n$/,
        );
      },
    );

    run('needs workspace:read', async () => {
      const { code, err } = await cli.run(['activity'], {
        env: { ONEPIN_API_KEY: await cli.key(['api_keys:read']) },
      });
      expect(code).toBe(1);
      expect(err).toMatch(/^\[INSUFFICIENT_SCOPE\] .*workspace:read/);
    });

    run('exits 2 for --cursor with --all', async () => {
      const { code, err } = await cli.run(['activity', '--all', '--cursor', 'x']);
      expect(code).toBe(2);
      expect(err).toContain("option '--cursor <cursor>' cannot be used with option '--all'");
    });
  });
}
