import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const source = (path: string) => fileURLToPath(new URL(`./packages/${path}`, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests run against package sources, so they never need a build to see a change.
    alias: [
      { find: /^@onepin\/core$/, replacement: source('core/src/index.ts') },
      {
        find: /^@onepin\/core\/hidden-input$/,
        replacement: source('core/src/hidden-input.ts'),
      },
      { find: /^@onepin\/db$/, replacement: source('db/src/index.ts') },
      { find: /^@onepin\/db\/test-support$/, replacement: source('db/src/test-support/index.ts') },
      { find: /^@onepin\/sdk$/, replacement: source('sdk/src/index.ts') },
      { find: /^@onepin\/sdk\/credentials$/, replacement: source('sdk/src/credentials/index.ts') },
      { find: /^@onepin\/sdk\/format$/, replacement: source('sdk/src/format/index.ts') },
      { find: /^@onepin\/verify$/, replacement: source('verify/src/index.ts') },
      { find: /^@onepin\/verify\/hono$/, replacement: source('verify/src/hono.ts') },
      { find: /^@onepin\/verify\/express$/, replacement: source('verify/src/express.ts') },
      { find: /^@onepin\/verify\/fastify$/, replacement: source('verify/src/fastify.ts') },
      { find: /^@onepin\/server$/, replacement: source('server/src/index.ts') },
      {
        find: /^@onepin\/server\/test-support$/,
        replacement: source('server/src/test-support/world.ts'),
      },
    ],
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'e2e/**/*.test.ts', 'compat/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**', 'compat/vendor/**'],
    // The first says which optional suites run; the second clears the servers' log files
    // before the suite and scans them for plaintext keys after it.
    globalSetup: ['./vitest.global-setup.ts', './e2e/helpers/global-setup.ts'],
    // Vitest's default is one worker per CPU but one; most files here wait on a server, a
    // database or Chromium rather than compute, so on a 2-core CI machine that default (one
    // worker) leaves the CPU idle: two workers took the suite from 638 s to 441 s there.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
