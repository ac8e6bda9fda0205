import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANIFEST, VENDOR_DIR } from './python-env.js';

const ROOT = join(VENDOR_DIR, '..');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [relative(ROOT, path)];
  });
}

/** `sha256  path` lines, as `sha256sum` writes them. */
function manifest(): Map<string, string> {
  return new Map(
    readFileSync(MANIFEST, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [hash = '', path = ''] = line.split(/ {2}/);
        return [path, hash];
      }),
  );
}

describe('the vendored official client', () => {
  it('is exactly the upstream tree the manifest records: no file added, removed or changed', () => {
    const expected = manifest();
    const present = filesUnder(VENDOR_DIR).sort();
    expect(present).toEqual([...expected.keys()].sort());
    for (const path of present) {
      const hash = createHash('sha256')
        .update(readFileSync(join(ROOT, path)))
        .digest('hex');
      expect(hash, path).toBe(expected.get(path));
    }
  });

  it('keeps its licence and the upstream commit it was taken at', () => {
    expect(readFileSync(join(VENDOR_DIR, 'LICENSE'), 'utf8')).toContain('MIT License');
    expect(readFileSync(join(VENDOR_DIR, 'UPSTREAM_COMMIT'), 'utf8')).toMatch(/^[0-9a-f]{40}\b/);
  });
});
