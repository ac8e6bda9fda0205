import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The product's own source files: no tests, no test support, nothing generated or built. */
function productSources(dir = join(ROOT, 'packages')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const skip = ['node_modules', 'dist', 'generated', 'test-support'].includes(entry.name);
      return skip ? [] : productSources(path);
    }
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('the source', () => {
  it('cuts keys into their shown parts in @onepin/core only (keyDisplayParts, previewApiKey)', () => {
    const offenders = productSources().flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, index) =>
          /\.slice\(0, 8\)|\.slice\(-4\)/.test(line)
            ? [`${relative(ROOT, file)}:${index + 1}`]
            : [],
        ),
    );
    expect(offenders).toEqual([]);
  });
});
