// Bundles the CLI into one file so `onepin --version` loads one module instead of hundreds.
import { chmod } from 'node:fs/promises';
import { build } from 'esbuild';

const outfile = new URL('./dist/onepin.js', import.meta.url).pathname;
await build({
  entryPoints: [new URL('./src/bin.ts', import.meta.url).pathname],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minifySyntax: true,
  legalComments: 'none',
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __onepinCreateRequire } from 'node:module';\nconst require = __onepinCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
await chmod(outfile, 0o755);
