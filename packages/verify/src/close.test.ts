import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FakeOnePin } from './test-support/fake-onepin.js';

const run = promisify(execFile);
let fake: FakeOnePin;

beforeAll(async () => {
  fake = await new FakeOnePin().start();
});
afterAll(() => fake.stop());

it('lets a process exit by itself once close() has returned (no timer or stream left)', async () => {
  const key = fake.addKey();
  const started = Date.now();
  const { stdout } = await run(
    process.execPath,
    [
      '--import',
      'tsx',
      fileURLToPath(new URL('./test-support/exit-after-close.ts', import.meta.url)),
    ],
    {
      env: {
        ...process.env,
        FAKE_ONEPIN_URL: fake.url,
        FAKE_ONEPIN_TOKEN: fake.serviceToken,
        FAKE_ONEPIN_KEY: key.plaintext,
      },
      timeout: 15_000,
    },
  );
  expect(stdout).toContain('verified VALID, closed');
  expect(fake.calls.events).toBe(1);
  expect(fake.openStreams).toBe(0);
  // Well under the 15 s heartbeat and any reconnection delay: nothing held it.
  expect(Date.now() - started).toBeLessThan(10_000);
});
