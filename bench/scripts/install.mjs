#!/usr/bin/env node
// Installs the benchmark's own dependencies (bench/package-lock.json: better-auth, autocannon)
// the first time `npm run bench` needs them, and again whenever that lockfile changes. The
// product's `npm ci` never installs them: bench/ is not a workspace. Plain JavaScript with no
// dependency, since it runs before anything of the bench is installed or built.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const benchDir = fileURLToPath(new URL('..', import.meta.url));
const lockfile = new URL('../package-lock.json', import.meta.url);
/** The lockfile's hash at the last install that succeeded. */
const stamp = new URL('../node_modules/.onepin-bench-lock', import.meta.url);

const wanted = createHash('sha256').update(readFileSync(lockfile)).digest('hex');
const installed = existsSync(stamp) ? readFileSync(stamp, 'utf8').trim() : null;
if (installed !== wanted) {
  console.log('bench: installing its own dependencies (bench/package-lock.json)…');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund', '--loglevel', 'error'], {
    cwd: benchDir,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    console.error('bench: `npm ci` in bench/ failed; see above.');
    process.exit(result.status ?? 1);
  }
  writeFileSync(stamp, `${wanted}\n`);
}
