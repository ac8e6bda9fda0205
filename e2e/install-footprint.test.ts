import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (path: string) =>
  JSON.parse(readFileSync(new URL(`../${path}`, import.meta.url), 'utf8'));

/** What only the benchmark needs: the alternative it measures and its load generator. */
const BENCH_ONLY = /(^|\/)(better-auth|@better-auth\/[^/]+|autocannon|@types\/autocannon)$/;

describe('the install footprint', () => {
  it("the product's lockfile holds neither better-auth, its adapters, nor autocannon", () => {
    const packages = Object.keys(read('package-lock.json').packages);
    expect(packages.filter((path) => BENCH_ONLY.test(path))).toEqual([]);
    expect(read('package.json').workspaces).not.toContain('bench');
  });

  it("the benchmark's own lockfile holds them, for `npm run bench` to install", () => {
    const packages = Object.keys(read('bench/package-lock.json').packages);
    for (const name of ['better-auth', '@better-auth/api-key', 'autocannon']) {
      expect(packages).toContain(`node_modules/${name}`);
    }
    // Every benchmark script compiles all of bench/, so each installs its dependencies first.
    const scripts = Object.entries(read('package.json').scripts as Record<string, string>);
    const benchScripts = scripts.filter(([name]) => /^bench(:|$)/.test(name));
    expect(benchScripts.map(([name]) => name)).toEqual(['bench', 'bench:webhooks', 'bench:verify']);
    for (const [name, script] of benchScripts) {
      expect(script, name).toContain('node bench/scripts/install.mjs');
    }
  });
});
