import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateApiKey } from '@onepin/core';
import { dialectAvailable, testDialects } from '@onepin/db/test-support';
import { afterEach, beforeEach, describe, expect } from 'vitest';
import { cliWorldPerSuite } from '../test-support/cli-world.js';

for (const dialect of testDialects) {
  describe.skipIf(!dialectAvailable(dialect))(`${dialect.name}: onepin scan, logged in`, () => {
    const { cli, run } = cliWorldPerSuite(dialect);
    let repo: string;
    beforeEach(() => {
      repo = mkdtempSync(join(tmpdir(), 'onepin-scan-lookup-'));
      execFileSync('git', ['init', '-q'], { cwd: repo });
    });
    afterEach(() => rmSync(repo, { recursive: true, force: true }));

    run(
      'names a found key of the workspace by its id, never sending the key anywhere',
      async () => {
        const leaked = await cli.keyRecord([], { name: 'leaked' });
        const stranger = generateApiKey('live');
        writeFileSync(join(repo, 'config.env'), `A=${leaked.plaintext}\nB=${stranger}\n`);
        const reader = await cli.key(['api_keys:read']);
        const scan = await cli.run(['scan'], {
          cwd: repo,
          env: { ONEPIN_API_KEY: reader, NO_COLOR: '1' },
        });
        expect(scan.code).toBe(1);
        const leakedPreview = `op_live_…${leaked.plaintext.slice(-4)}`;
        expect(scan.err).toContain(`  ${leakedPreview}: onepin keys revoke ${leaked.id}\n`);
        expect(scan.err).toContain(
          `  op_live_…${stranger.slice(-4)}: not a key of the workspace you are logged in to; revoke it where it was made.\n`,
        );
        // Only the key list was read; neither found key travelled, in any part of a request.
        expect(cli.requests.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
          'GET /api/v1/api-keys',
        ]);
        for (const request of cli.requests) {
          const sent = `${request.url}\n${[...request.headers].join('\n')}\n${await request.text()}`;
          expect(sent).not.toContain(leaked.plaintext);
          expect(sent).not.toContain(stranger);
        }
        const json = await cli.run(['scan', '--json'], {
          cwd: repo,
          env: { ONEPIN_API_KEY: reader },
        });
        expect(json.json().findings[0]).toMatchObject({
          preview: leakedPreview,
          key_id: leaked.id,
        });
        expect(json.json().findings[1].key_id).toBeUndefined();
      },
    );

    run('still scans, with the generic advice, when the key may not list keys', async () => {
      const leaked = await cli.keyRecord([], { name: 'leaked too' });
      writeFileSync(join(repo, 'config.env'), `A=${leaked.plaintext}\n`);
      const scan = await cli.run(['scan'], {
        cwd: repo,
        env: { ONEPIN_API_KEY: await cli.key(['workspace:read']) },
      });
      expect(scan.code).toBe(1);
      expect(scan.err).toContain('onepin keys revoke ID');
      expect(scan.err).not.toContain(leaked.id);
    });
  });
}
