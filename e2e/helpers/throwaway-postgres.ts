import { execFile as execFileCallback, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const execFile = promisify(execFileCallback);

/** A PostgreSQL server of this test's own, on a free port, that it may stop and start at will
 * (the shared one must never be restarted). */
export interface ThrowawayPostgres {
  /** `postgres://postgres@127.0.0.1:PORT/postgres`. */
  readonly url: string;
  /** Stops the server: `immediate` is a crash (recovery on the next start), `fast` a clean stop. */
  stop(mode?: 'immediate' | 'fast'): Promise<void>;
  start(): Promise<void>;
  /** Stops it and deletes its data. */
  destroy(): Promise<void>;
}

type Availability =
  | { ok: true; binDir: string; runAs: string | null }
  | { ok: false; reason: string };

/** Where initdb and pg_ctl are, and as whom to run them (initdb refuses to run as root). */
export function throwawayPostgresAvailability(): Availability {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const binDir = versions
    .map((version) => join(root, version, 'bin'))
    .find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')));
  if (!binDir) return { ok: false, reason: `no initdb/pg_ctl under ${root}/*/bin` };
  if (process.getuid?.() !== 0) return { ok: true, binDir, runAs: null };
  try {
    execFileSync('id', ['-u', 'postgres'], { stdio: 'ignore' });
  } catch {
    return { ok: false, reason: 'running as root and there is no postgres user to run initdb as' };
  }
  return { ok: true, binDir, runAs: 'postgres' };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** initdb into a temporary directory and start the server; a couple of seconds. */
export async function createThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const availability = throwawayPostgresAvailability();
  if (!availability.ok)
    throw new Error(`cannot run a PostgreSQL of our own: ${availability.reason}`);
  const { binDir, runAs } = availability;
  const directory = mkdtempSync(join(tmpdir(), 'onepin-pg-'));
  const dataDir = join(directory, 'data');
  if (runAs) {
    const uid = Number(execFileSync('id', ['-u', runAs]).toString().trim());
    const gid = Number(execFileSync('id', ['-g', runAs]).toString().trim());
    chownSync(directory, uid, gid);
  }
  const execOptions = { cwd: directory, timeout: 60_000 };
  const run = (tool: string, args: string[]) =>
    runAs
      ? execFile('runuser', ['-u', runAs, '--', join(binDir, tool), ...args], execOptions)
      : execFile(join(binDir, tool), args, execOptions);

  await run('initdb', ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync']);
  const port = await freePort();
  const options = [
    `-p ${port}`,
    `-k ${directory}`,
    '-c listen_addresses=127.0.0.1',
    '-c fsync=off',
    '-c max_connections=50',
  ].join(' ');
  const logFile = join(directory, 'postgres.log');
  const start = async () => {
    await run('pg_ctl', ['-D', dataDir, '-l', logFile, '-o', options, '-w', '-t', '30', 'start']);
  };
  const stop = async (mode: 'immediate' | 'fast' = 'immediate') => {
    await run('pg_ctl', ['-D', dataDir, '-m', mode, '-w', '-t', '30', 'stop']);
  };
  await start();
  let running = true;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stop(mode) {
      await stop(mode);
      running = false;
    },
    async start() {
      await start();
      running = true;
    },
    async destroy() {
      if (running) await stop('immediate').catch(() => {});
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
