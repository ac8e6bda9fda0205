import { chmod, lstat, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { dialectAvailable, testDialects } from '@onepin/db/test-support';
import { describe, expect } from 'vitest';
import { cliWorldPerSuite } from '../../test-support/cli-world.js';

for (const dialect of testDialects) {
  describe.skipIf(!dialectAvailable(dialect))(`${dialect.name}: onepin logout`, () => {
    const { cli, run } = cliWorldPerSuite(dialect);

    const saveProfiles = async (text: string) => {
      await mkdir(join(cli.home, '.onepin'), { recursive: true, mode: 0o700 });
      await writeFile(cli.credentialsFile, text, { mode: 0o600 });
    };

    run("removes only the profile's table; other tables and comments stay", async () => {
      await saveProfiles(
        '# keys for onepin\n[default]\napi_key = "a"\n\n# staging below\n[staging]\napi_key = "b"\nbase_url = "http://s.test"\n',
      );
      const { code, out, err } = await cli.run(['logout']);
      expect(code).toBe(0);
      expect(out).toBe('');
      expect(err).toBe(
        `✓ Removed profile "default" from ${cli.credentialsFile}.\nThe key itself still works (it was pasted, not made by \`onepin login --web\`): revoke it with \`onepin keys revoke ID\` if no one needs it.\n`,
      );
      expect(await readFile(cli.credentialsFile, 'utf8')).toBe(
        '# keys for onepin\n\n# staging below\n[staging]\napi_key = "b"\nbase_url = "http://s.test"\n',
      );
      expect(cli.requests).toHaveLength(0);
    });

    run('removes the file with its last profile, and succeeds when nothing is saved', async () => {
      await saveProfiles('[ci]\napi_key = "a"\n');
      const first = await cli.run(['logout'], { env: { ONEPIN_PROFILE: 'ci' } });
      expect(first.code).toBe(0);
      expect(first.err).toContain('(it was the last one: the file is gone)');
      await expect(lstat(cli.credentialsFile)).rejects.toThrow(/ENOENT/);
      const again = await cli.run(['logout', '--profile', 'ci', '--json']);
      expect(again.code).toBe(0);
      expect(again.json()).toEqual({
        profile: 'ci',
        path: cli.credentialsFile,
        removed: false,
        file_removed: false,
        key: null,
      });
      expect(again.err).toBe(`Nothing to do: no profile "ci" in ${cli.credentialsFile}.\n`);
    });

    run('never revokes the key: it keeps working after logout', async () => {
      const key = await cli.key();
      expect((await cli.run(['login', '--key', key])).code).toBe(0);
      const { code, err } = await cli.run(['logout'], { env: { ONEPIN_API_KEY: key } });
      expect(code).toBe(0);
      expect(err).toContain('ONEPIN_API_KEY is still set in this environment');
      expect(cli.requests.map((r) => r.method)).toEqual(['GET']);
      expect((await cli.run(['whoami'], { env: { ONEPIN_API_KEY: key } })).code).toBe(0);
    });

    run('rewrites a loose file it edits as 0600 (logout reads without refusing)', async () => {
      await saveProfiles('[default]\napi_key = "a"\n\n[other]\napi_key = "b"\n');
      await chmod(cli.credentialsFile, 0o644);
      expect((await cli.run(['logout'])).code).toBe(0);
      expect((await lstat(cli.credentialsFile)).mode & 0o777).toBe(0o600);
    });
  });
}
