import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DOCS = join(ROOT, 'docs');
const SKIP = new Set(['node_modules', 'dist', '.git', '.runs', 'test-artifacts', 'data']);

/** Every file of the repository that people write (no dependencies, builds or run output). */
function repositoryFiles(dir = ROOT): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return SKIP.has(entry.name) ? [] : repositoryFiles(path);
    return [path];
  });
}

const FILES = repositoryFiles();
const read = (path: string) => readFileSync(path, 'utf8');

/** The `##` headings of a document: `## 5. The REST API` gives `5` and `The REST API`. */
function headings(document: string): Set<string> {
  const found = new Set<string>();
  for (const [, title] of read(join(DOCS, document)).matchAll(/^#{2,3} (.+)$/gm)) {
    const numbered = /^(\d+)\. (.+)$/.exec(title as string);
    if (numbered) found.add(numbered[1] as string).add(numbered[2] as string);
    else found.add(title as string);
  }
  return found;
}

const CONTRACT = headings('contract.md');
const ARCHITECTURE = headings('architecture.md');

interface Reference {
  where: string;
  text: string;
  resolves: boolean;
}

/**
 * The `§` references of a line: `SPEC §4` and the `§9` of `SPEC §4, §9` point into
 * docs/contract.md (so does `contract.md §2`), `ARCHITECTURE §Tests` into
 * docs/architecture.md; an RFC's sections are someone else's; within the contract a bare `§8`
 * is its own. Any other `§` is an error.
 */
function referencesIn(line: string, where: string): Reference[] {
  const references: Reference[] = [];
  const rest = line.replace(/RFC \d+ §[\d.]+/g, '');
  const toContract =
    where.startsWith('docs/contract.md:') || /\b(?:SPEC|contract\.md\)?) §\d/.test(rest);
  for (const match of rest.matchAll(/(ARCHITECTURE )?§([\w.]+)/g)) {
    const [text, architecture, section] = match as unknown as [string, string | undefined, string];
    const resolves = architecture
      ? ARCHITECTURE.has(section)
      : toContract && CONTRACT.has(section.replace(/\.$/, ''));
    references.push({ where, text, resolves });
  }
  return references;
}

describe('docs/', () => {
  it('holds the contract, the architecture and the walk of one request', () => {
    for (const name of ['contract.md', 'architecture.md', 'layout.md']) {
      expect(existsSync(join(DOCS, name)), name).toBe(true);
    }
    // The numbers the code cites (`SPEC §1` … `SPEC §9`) stay where they are.
    for (const section of ['1', '2', '3', '4', '5', '6', '7', '8', '9']) {
      expect(CONTRACT.has(section), `§${section}`).toBe(true);
    }
  });

  it('has a section for every § reference in the repository', () => {
    const sources = FILES.filter(
      (file) => /\.(ts|tsx|mjs|md)$/.test(file) && file !== fileURLToPath(import.meta.url),
    );
    const references = sources.flatMap((file) =>
      read(file)
        .split('\n')
        .flatMap((line, index) => referencesIn(line, `${relative(ROOT, file)}:${index + 1}`)),
    );
    expect(references.length).toBeGreaterThan(50);
    expect(references.filter((r) => !r.resolves).map((r) => `${r.where} ${r.text}`)).toEqual([]);
  });

  it('tells a dangling reference from a good one', () => {
    expect(referencesIn('see SPEC §4, §9', 'x').map((r) => r.resolves)).toEqual([true, true]);
    expect(referencesIn('see SPEC §99', 'x').map((r) => r.resolves)).toEqual([false]);
    expect(referencesIn('ARCHITECTURE §Nowhere', 'x').map((r) => r.resolves)).toEqual([false]);
    expect(referencesIn('a stray §3', 'x').map((r) => r.resolves)).toEqual([false]);
    expect(referencesIn('(RFC 8259 §8.1)', 'x')).toEqual([]);
  });

  describe.each(['contract.md', 'architecture.md', 'layout.md'])('%s', (document) => {
    const text = read(join(DOCS, document));

    it('links only to files that exist, under the names they export', () => {
      const problems: string[] = [];
      for (const [, label, href] of text.matchAll(/\[([^\]]+)\]\(([^)#\s]+)\)/g)) {
        if (/^[a-z]+:/.test(href as string)) continue;
        const target = resolve(DOCS, href as string);
        if (!existsSync(target)) {
          problems.push(`${href}: no such file`);
          continue;
        }
        const name = /^`([A-Za-z_$][\w$]*)`$/.exec(label as string)?.[1];
        if (name && !exportsName(read(target), name)) {
          problems.push(`${href}: exports no ${name}`);
        }
      }
      expect(problems).toEqual([]);
    });

    it('names only paths that exist', () => {
      const paths = [...text.matchAll(/`([\w.@-]+(?:\/[\w.@-]+)+\.(?:ts|tsx|md|mjs|json))`/g)];
      const missing = paths
        .map(([, path]) => path as string)
        .filter((path) => !FILES.some((file) => file.endsWith(`/${path}`)));
      expect(missing).toEqual([]);
    });
  });

  it('walks one request through at least a dozen exported functions', () => {
    const links = [...read(join(DOCS, 'layout.md')).matchAll(/\[`(\w+)`\]\(([^)]+)\)/g)];
    expect(new Set(links.map(([, name]) => name)).size).toBeGreaterThan(12);
    expect(new Set(links.map(([, , href]) => dirname(href as string))).size).toBeGreaterThan(6);
  });
});

/** Whether a module's source exports `name` (declared, or listed in an `export { … }`). */
function exportsName(source: string, name: string): boolean {
  const declared = new RegExp(
    `export\\s+(?:declare\\s+)?(?:async\\s+)?(?:abstract\\s+)?(?:function\\*?|const|let|class|interface|type|enum)\\s+${name}\\b`,
  );
  const listed = [...source.matchAll(/export\s+(?:type\s+)?\{([^}]*)\}/g)].some(([, names]) =>
    (names as string).split(',').some(
      (n) =>
        n
          .trim()
          .split(/\s+as\s+/)
          .pop() === name,
    ),
  );
  return declared.test(source) || listed;
}
