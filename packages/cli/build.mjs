// Bundles the CLI so `onepin --version` loads a few modules instead of hundreds. The entry,
// dist/onepin.js, holds what every run needs (the command tree, option parsing, output);
// what only some commands need — the SDK, the credentials file, scan — sits in chunks under
// dist/chunks/ that are loaded the first time a command uses them.
import { chmod, rm } from 'node:fs/promises';
import { build } from 'esbuild';

const dist = new URL('./dist/', import.meta.url).pathname;
await rm(dist, { recursive: true, force: true });
await build({
  entryPoints: { onepin: new URL('./src/bin.ts', import.meta.url).pathname },
  outdir: dist,
  bundle: true,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minifySyntax: true,
  legalComments: 'none',
  // commander is CommonJS: give the ESM output a `require` for the node: modules it loads.
  banner: {
    js: "import { createRequire as __onepinCreateRequire } from 'node:module';\nconst require = __onepinCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
await chmod(`${dist}onepin.js`, 0o755);
