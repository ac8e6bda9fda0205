import { access, lstat, open, readdir } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import { extractApiKeys, findApiKeys } from '@onepin/core';
import type { ScanFinding } from './scan-finding.js';

const SKIPPED_DIRECTORIES = new Set(['.git', 'node_modules']);
const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** Reads a file as text, or `null` when it looks binary (a NUL in its first 8 KiB) or is huge. */
async function readText(path: string): Promise<string | null> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    if (size > MAX_FILE_BYTES) return null;
    const buffer = await handle.readFile();
    if (buffer.subarray(0, 8192).includes(0)) return null;
    return buffer.toString('utf8');
  } finally {
    await handle.close();
  }
}

/** Every regular file under `path` (or `path` itself), skipping .git, node_modules and
 * symbolic links (which could leave the tree or loop). */
async function* walk(path: string): AsyncGenerator<string> {
  const info = await lstat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null; // listed by git but deleted in the work tree
    throw error;
  });
  if (info === null) return;
  if (info.isFile()) {
    yield path;
    return;
  }
  if (!info.isDirectory()) return;
  for (const entry of await readdir(path, { withFileTypes: true })) {
    if (entry.isDirectory() && SKIPPED_DIRECTORIES.has(entry.name)) continue;
    if (entry.isDirectory() || entry.isFile()) yield* walk(join(path, entry.name));
  }
}

export interface FileScan {
  findings: ScanFinding[];
  /** The keys themselves, each once (see `ScanResult.keys`). */
  keys: string[];
  filesScanned: number;
}

/** Scans files and directories; paths in findings are relative to `cwd`. Paths the user
 * named (`explicit`) must exist; paths from git may have been deleted since. */
export async function scanFiles(
  paths: readonly string[],
  cwd: string,
  explicit = true,
): Promise<FileScan> {
  const findings: ScanFinding[] = [];
  const keys = new Set<string>();
  let filesScanned = 0;
  for (const path of paths) {
    const absolute = isAbsolute(path) ? path : join(cwd, path);
    if (explicit)
      await access(absolute).catch(() =>
        Promise.reject(new Error(`${path}: no such file or directory`)),
      );
    for await (const file of walk(absolute)) {
      const text = await readText(file);
      if (text === null) continue;
      filesScanned++;
      const shown = relative(cwd, file) || file;
      for (const found of findApiKeys(text)) findings.push({ ...found, file: shown });
      for (const key of extractApiKeys(text)) keys.add(key);
    }
  }
  return { findings, keys: [...keys], filesScanned };
}
