import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './stats.js';

/** The built `onepin` CLI (`npm run bench` builds it first). Should it be missing, the CLI rows
 * say why and only the `node -e 0` floor is measured. */
export const CLI_BIN = fileURLToPath(new URL('../../packages/cli/dist/onepin.js', import.meta.url));

export interface StartTime {
  command: string;
  /** Median wall-clock milliseconds from spawn to exit, or why it was not measured. */
  medianMs: number | null;
  note?: string;
}

/** Spawns `args` `runs` times (after one unmeasured run) and takes the median wall time. */
function timeCommand(args: string[], runs: number, env: NodeJS.ProcessEnv): number | string {
  const samples: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const started = performance.now();
    const result = spawnSync(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const elapsed = performance.now() - started;
    if (result.status !== 0) {
      return `exit ${result.status}: ${String(result.stderr).trim().split('\n')[0] ?? ''}`;
    }
    if (i > 0) samples.push(elapsed);
  }
  return median(samples);
}

/**
 * `node -e 0` (the floor for any Node CLI), `onepin --version`, and `onepin whoami` against a
 * running server with a valid key, each spawned the same way.
 */
export function measureCliStart(runs: number, server: { url: string; key: string }): StartTime[] {
  const home = mkdtempSync(join(tmpdir(), 'onepin-bench-home-'));
  const env = {
    ...process.env,
    HOME: home,
    NO_COLOR: '1',
    ONEPIN_API_KEY: server.key,
    ONEPIN_BASE_URL: server.url,
  };
  try {
    const rows: StartTime[] = [];
    const measure = (command: string, args: string[]) => {
      const result = timeCommand(args, runs, env);
      rows.push(
        typeof result === 'number'
          ? { command, medianMs: result }
          : { command, medianMs: null, note: result },
      );
    };
    measure('node -e 0', ['-e', '0']);
    if (existsSync(CLI_BIN)) {
      measure('onepin --version', [CLI_BIN, '--version']);
      measure('onepin whoami', [CLI_BIN, 'whoami']);
    } else {
      const note = 'not measured: packages/cli/dist/onepin.js is missing (npm run build)';
      rows.push({ command: 'onepin --version', medianMs: null, note });
      rows.push({ command: 'onepin whoami', medianMs: null, note });
    }
    return rows;
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}
