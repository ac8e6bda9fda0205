import { randomBytes } from 'node:crypto';
import { constants, type Stats } from 'node:fs';
import { chmod, lstat, mkdir, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { CredentialsError } from '../errors.js';

// The file system rules of SPEC §6: the file is read only when it is a regular file (not a
// symlink) owned by the current user with no group/other bits; the directory must not be a
// symlink, another user's, or writable by others; writes go through a 0600 temp file in the
// same directory, fsync, rename, fsync of the directory.

/** The current user id, or `undefined` where there is none (Windows: no POSIX modes there). */
const currentUid = (): number | undefined => process.getuid?.();

function insecure(path: string, message: string): CredentialsError {
  return new CredentialsError('INSECURE_CREDENTIALS_FILE', path, message);
}

/**
 * Refuses a directory that is a symlink, not a directory, or another user's; with
 * `allowLooseMode` false, also one that group or other can write to. `missing` when absent.
 */
export async function checkDirectory(
  dir: string,
  allowLooseMode = false,
): Promise<'missing' | 'ok'> {
  let stats: Stats;
  try {
    stats = await lstat(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }
  if (stats.isSymbolicLink()) {
    throw insecure(dir, `Refusing to use ${dir}: it is a symbolic link. Make it a real directory.`);
  }
  if (!stats.isDirectory()) {
    throw insecure(dir, `Refusing to use ${dir}: it is not a directory.`);
  }
  const uid = currentUid();
  if (uid !== undefined && stats.uid !== uid) {
    throw insecure(dir, `Refusing to use ${dir}: it belongs to another user.`);
  }
  if (!allowLooseMode && uid !== undefined && (stats.mode & 0o022) !== 0) {
    throw insecure(
      dir,
      `Refusing to use ${dir}: other users can write to it. Fix it with: chmod 700 ${dir}`,
    );
  }
  return 'ok';
}

/**
 * The file's text, or `null` when it does not exist. The file is opened without following
 * symlinks and checked through the open descriptor, so it cannot be swapped in between.
 * With `requirePrivate` false (before a rewrite that fixes them), loose modes are allowed.
 */
export async function readPrivateFile(path: string, requirePrivate = true): Promise<string | null> {
  if ((await checkDirectory(dirname(path), !requirePrivate)) === 'missing') return null;
  const link = await lstat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (link === null) return null;
  if (link.isSymbolicLink()) {
    throw insecure(
      path,
      `Refusing to read ${path}: it is a symbolic link. Replace it with a file.`,
    );
  }
  const handle = await open(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0)).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ELOOP')
        throw insecure(path, `Refusing to read ${path}: it is a symbolic link.`);
      throw error;
    },
  );
  try {
    const stats = await handle.stat();
    if (!stats.isFile())
      throw insecure(path, `Refusing to read ${path}: it is not a regular file.`);
    const uid = currentUid();
    if (uid !== undefined && stats.uid !== uid) {
      throw insecure(path, `Refusing to read ${path}: it belongs to another user.`);
    }
    if (requirePrivate && uid !== undefined && (stats.mode & 0o077) !== 0) {
      const mode = (stats.mode & 0o777).toString(8).padStart(3, '0');
      throw insecure(
        path,
        `Refusing to read ${path}: other users can access it (mode ${mode}). Fix it with: chmod 600 ${path}`,
      );
    }
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}

/** Creates the directory 0700, or tightens an existing one of ours to 0700. */
export async function ensurePrivateDirectory(dir: string): Promise<void> {
  // Loose modes are fixed below; symlinks and other owners are refused.
  if ((await checkDirectory(dir, true)) === 'missing') {
    await mkdir(dir, { recursive: true, mode: 0o700 });
  }
  if (currentUid() !== undefined) {
    const stats = await lstat(dir);
    if ((stats.mode & 0o777) !== 0o700) await chmod(dir, 0o700);
  }
}

/** Replaces the file with `text` atomically: 0600 temp file, fsync, rename, fsync the directory. */
export async function writePrivateFile(path: string, text: string): Promise<void> {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', 0o600);
  try {
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => {});
    throw error;
  }
  await syncDirectory(dir);
}

/** Removes the file (a missing one is fine) and makes the removal durable. */
export async function removeFile(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await syncDirectory(dirname(path));
}

/** fsync of a directory makes a rename durable; some platforms cannot, which is fine. */
async function syncDirectory(dir: string): Promise<void> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // Windows and some file systems refuse to open or fsync a directory.
  } finally {
    await handle?.close();
  }
}
