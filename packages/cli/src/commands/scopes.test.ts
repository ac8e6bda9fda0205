import { existsSync } from 'node:fs';
import { SCOPES, ScopeCatalogue } from '@onepin/core';
import { dialectAvailable, testDialects } from '@onepin/db/test-support';
import { describe, expect } from 'vitest';
import { scopesCachePath } from '../scopes/catalogue.js';
import { cliWorldPerSuite } from '../test-support/cli-world.js';

const catalogue = new ScopeCatalogue([
  { name: 'billing:read', description: 'Read invoices', roles: ['editor'] },
]);

for (const dialect of testDialects) {
  describe.skipIf(!dialectAvailable(dialect))(
    `${dialect.name}: onepin and the server's scopes`,
    () => {
      const { cli, run } = cliWorldPerSuite(dialect, { scopes: catalogue });
      const manager = () => cli.key(['api_keys:read', 'api_keys:write', 'billing:read']);

      run('scopes list shows the catalogue and remembers it for completion', async () => {
        const env = { ONEPIN_API_KEY: await cli.key([]), NO_COLOR: '1' };
        const before = await cli.run(['completion', 'bash']);
        expect(before.out).not.toContain('billing:read');
        const listed = await cli.run(['scopes', 'list', '--json'], { env });
        expect(listed.code, listed.err).toBe(0);
        expect(listed.json().map((s: { name: string }) => s.name)).toEqual(
          [...SCOPES, 'billing:read'].sort(),
        );
        const table = await cli.run(['scopes', 'list'], { env, tty: true, columns: 160 });
        expect(table.out).toMatch(/billing:read +custom +admin,editor +Read invoices/);
        expect(existsSync(scopesCachePath())).toBe(true);
        for (const shell of ['bash', 'fish']) {
          expect((await cli.run(['completion', shell])).out).toContain('billing:read');
        }
      });

      run(
        'keys create takes a scope of the server’s catalogue, and refuses others (exit 2)',
        async () => {
          const as = await manager();
          const made = await cli.keys(
            ['create', '--json', '--name', 'b', '--scopes', 'billing:read'],
            {
              as,
            },
          );
          expect(made.code, made.err).toBe(0);
          expect(made.json().scopes).toEqual(['billing:read']);

          const refused = await cli.keys(['create', '--name', 'x', '--scopes', 'billing:nope'], {
            as,
          });
          expect(refused.code).toBe(2);
          expect(refused.err).toContain(
            'Unknown scope "billing:nope". Valid scopes: api_keys:read, api_keys:write, billing:read,',
          );
          // It asked for the catalogue, and created nothing more.
          const sent = cli.requests.map((r) => `${r.method} ${new URL(r.url).pathname}`);
          expect(sent.filter((line) => line === 'POST /api/v1/api-keys')).toHaveLength(1);
          expect(sent.at(-1)).toBe('GET /api/v1/scopes');
        },
      );

      run('offline, --scopes falls back to the built-in and cached scopes', async () => {
        const as = await manager();
        const offline = await cli.keys(['create', '--name', 'x', '--scopes', 'billing:read'], {
          as,
          offline: true,
          maxRetries: 0,
        });
        expect(offline.code).toBe(2);
        expect(offline.err).toContain('Unknown scope "billing:read"');
        expect(offline.err).toContain('the server could not be asked');
        // Once cached, the scope passes; the request itself then cannot reach the server.
        await cli.run(['scopes', 'list'], { env: { ONEPIN_API_KEY: as } });
        const cached = await cli.keys(['create', '--name', 'x', '--scopes', 'billing:read'], {
          as,
          offline: true,
          maxRetries: 0,
        });
        expect(cached.code).toBe(1);
        expect(cached.err).toContain('[CONNECTION_ERROR]');
      });

      run('keys list and show mark a scope the server no longer knows', async () => {
        const old = await cli.keyRecord(['gone:read'], {
          name: 'old',
          catalogue: new ScopeCatalogue([{ name: 'gone:read', description: 'x', roles: [] }]),
        });
        const shown = await cli.keys(['show', old.id], { tty: true, columns: 160 });
        expect(shown.code, shown.err).toBe(0);
        expect(shown.out).toMatch(/Scopes +gone:read \(unknown\)/);
        expect(shown.out).toMatch(
          /Unknown scopes +gone:read \(no longer in the server's catalogue/,
        );
        const listed = await cli.keys(['list'], { tty: true, columns: 200 });
        expect(listed.out.split('\n').find((line) => line.includes(old.id))).toContain(
          'gone:read (unknown)',
        );
      });
    },
  );
}
