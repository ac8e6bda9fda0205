import { hkdfSync, randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { ConfigError, type ServerConfig } from './config.js';

/** The file in the data directory that holds the generated secret when ONEPIN_SECRET is unset. */
export const SECRET_FILE_NAME = 'secret';

const SECRET_FILE_CONTENT = /^[0-9a-f]{64}$/;

/**
 * The server's secret: `ONEPIN_SECRET` when set, otherwise 32 random bytes generated on the
 * first start and kept in `<dataDir>/secret` (mode 0600), so signed URLs survive restarts.
 * Several nodes behind one load balancer must share it: set ONEPIN_SECRET on each.
 */
export function loadServerSecret(config: Pick<ServerConfig, 'secret' | 'dataDir'>): Buffer {
  if (config.secret !== undefined) return Buffer.from(config.secret, 'utf8');
  const path = join(config.dataDir, SECRET_FILE_NAME);
  return readSecretFile(path) ?? createSecretFile(path);
}

/**
 * A key for one purpose (e.g. `upload-url`), derived from the server secret with HKDF-SHA256,
 * so no two uses of the secret ever share a key.
 */
export function deriveKey(secret: Uint8Array, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'onepin', `onepin/${purpose}`, 32));
}

function readSecretFile(path: string): Buffer | undefined {
  let mode: number;
  try {
    mode = statSync(path).mode;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    throw new ConfigError(
      `${path} can be read by other users; run \`chmod 600 ${path}\` (or set ONEPIN_SECRET)`,
    );
  }
  const content = readFileSync(path, 'utf8').trim();
  if (!SECRET_FILE_CONTENT.test(content)) {
    throw new ConfigError(
      `${path} is not a OnePin secret (64 hex characters); delete it to make a new one (upload URLs already handed out stop working)`,
    );
  }
  return Buffer.from(content, 'hex');
}

/**
 * Writes a new secret atomically: a private temp file, flushed, then hard-linked into place,
 * which fails if another process got there first (then its secret wins).
 */
function createSecretFile(path: string): Buffer {
  const secret = randomBytes(32);
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = openSync(temp, 'wx', 0o600);
  try {
    writeSync(fd, `${secret.toString('hex')}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temp, path);
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const theirs = readSecretFile(path);
    if (!theirs) throw error;
    return theirs;
  } finally {
    rmSync(temp, { force: true });
  }
}
