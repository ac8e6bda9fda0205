import { dialectAvailable, testDialects } from '@onepin/db/test-support';
import { describe, expect } from 'vitest';
import { cliWorldPerSuite } from '../test-support/cli-world.js';

/**
 * Keys as a person names and reads them, against the real server (issue 17): by id, unique
 * name or preview; rotated and revoked keys say so; durations round the way people read them;
 * a use shows at once.
 */
for (const dialect of testDialects) {
  describe.skipIf(!dialectAvailable(dialect))(`${dialect.name}: naming and reading keys`, () => {
    const { cli, run } = cliWorldPerSuite(dialect);

    const keys = cli.keys;
    const create = async (name: string) => {
      const result = await keys(['create', '--json', '--name', name]);
      expect(result.code, result.err).toBe(0);
      return result.json();
    };

    run('shows, rotates and revokes a key named by its unique name or its preview', async () => {
      const made = await create('named by name');
      const byName = await keys(['show', 'named by name', '--json']);
      expect(byName.json().id).toBe(made.id);
      const dots = made.preview.replace('…', '...');
      expect((await keys(['show', dots, '--json'])).json().id).toBe(made.id);
      const rotated = await keys(['rotate', made.preview, '--grace', '3d', '--yes']);
      expect(rotated.code, rotated.err).toBe(0);
      // 3 days from now, a moment later, still reads "in 3 days" (not "in 2 days").
      expect(rotated.err).toMatch(/stops working at \S+ \(in 3 days\)\./);
      const revoked = await keys(['revoke', made.preview, '--yes']);
      expect(revoked.code, revoked.err).toBe(0);
      expect(revoked.err).toBe(`✓ Revoked key “named by name” (${made.preview}).\n`);
    });

    run(
      'matches a pasted plaintext key by its preview, and never sends the plaintext',
      async () => {
        const made = await create('pasted');
        const shown = await keys(['show', made.api_key, '--json']);
        expect(shown.json().id).toBe(made.id);
        for (const request of cli.requests) {
          expect(`${request.url}${[...request.headers].join()}`).not.toContain(made.api_key);
        }
      },
    );

    run('refuses a name two keys share, listing their ids, and says which forms work', async () => {
      const first = await create('twin');
      const second = await create('twin');
      const ambiguous = await keys(['revoke', 'twin', '--yes']);
      expect(ambiguous.code).toBe(1);
      expect(ambiguous.err).toContain('[AMBIGUOUS_KEY] 2 API keys match “twin”: ');
      expect(ambiguous.err).toContain(`${first.id} (${first.preview}, active)`);
      expect(ambiguous.err).toContain(`${second.id} (${second.preview}, active)`);
      const missing = await keys(['show', 'no such key']);
      expect(missing.code).toBe(1);
      expect(missing.err).toContain('[NOT_FOUND] No API key matches “no such key”.');
      expect(missing.err).toContain(
        'Name a key by its id, its name (when no other key has it), or its preview (op_live_…AbCd).',
      );
    });

    run(
      'rotates by name right after a rotation: the rotated-out key is not a candidate',
      async () => {
        const made = await create('rotating by name');
        expect((await keys(['rotate', 'rotating by name', '--grace', '1h', '--yes'])).code).toBe(0);
        const again = await keys(['rotate', 'rotating by name', '--grace', '0', '--yes', '--json']);
        expect(again.code, again.err).toBe(0);
        expect(again.json().old_key.rotated_from).toBe(made.id);
      },
    );

    run('a write-only key names keys by id, and is told so for names', async () => {
      const made = await create('write only target');
      const writer = await cli.key(['api_keys:write']);
      const byName = await keys(['revoke', 'write only target', '--yes'], { as: writer });
      expect(byName.code).toBe(1);
      expect(byName.err).toContain('this API key may not list keys (api_keys:read)');
      expect((await keys(['revoke', made.id, '--yes'], { as: writer })).code).toBe(0);
    });

    run('lists usable keys by default; rotated and revoked keys say so in words', async () => {
      const admin = await cli.key(['api_keys:read', 'api_keys:write', 'workspace:read']);
      const old = await create('status old');
      const gone = await create('status gone');
      await keys(['rotate', old.id, '--grace', '24h', '--yes']);
      await keys(['revoke', gone.id, '--yes']);
      cli.world.clock.advance(3 * 60 * 60 * 1000);
      const list = await keys(['list', '--all'], { as: admin, tty: true, columns: 200 });
      const row = (preview: string) => list.out.split('\n').find((line) => line.includes(preview));
      expect(row(old.preview)).toMatch(/Rotated — stops working in 21 hours/);
      expect(row(gone.preview)).toBeUndefined();
      const all = await keys(['list', '--all', '--status', 'all'], {
        as: admin,
        tty: true,
        columns: 200,
      });
      const revokedRow = all.out.split('\n').find((line) => line.includes(gone.preview));
      expect(revokedRow).toMatch(/Revoked 3 hours ago/);
      const piped = await keys(['list', '--all', '--status', 'all'], { as: admin });
      expect(piped.out).toContain(`${old.id}\tstatus old\t${old.preview}\tlive\t\trotated\t`);
    });

    run('reports a use at once: "less than a minute ago", not "never"', async () => {
      const made = await create('used just now');
      expect((await cli.run(['whoami'], { env: { ONEPIN_API_KEY: made.api_key } })).code).toBe(0);
      const shown = await keys(['show', made.id], { tty: true, columns: 120 });
      expect(shown.out).toMatch(/Last used +\S+ \(less than a minute ago\)\n/);
    });
  });
}
