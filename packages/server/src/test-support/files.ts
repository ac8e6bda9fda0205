import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Every file under `root` (recursively), as paths relative to it; none when it is missing. */
export async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(root.length + 1))
    .sort();
}
