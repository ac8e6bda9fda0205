import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../packages/cli/dist/onepin.js', import.meta.url));
const ROOT = fileURLToPath(new URL('..', import.meta.url));

describe('this repository', () => {
  it('passes `onepin scan`: no committed file holds a real-looking OnePin key', async () => {
    expect(existsSync(CLI), 'run `npm run build` first').toBe(true);
    const result = await promisify(execFile)(process.execPath, [CLI, 'scan'], { cwd: ROOT }).then(
      ({ stderr }) => ({ code: 0, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => ({
        code: error.code,
        stderr: `${error.stdout}${error.stderr}`,
      }),
    );
    expect(result.stderr).toContain('No OnePin keys found');
    expect(result.code).toBe(0);
  });

  it('holds no key-shaped literal at all, valid checksum or not (tests build their keys at run time)', async () => {
    const { stdout } = await promisify(execFile)('git', ['ls-files', '-z'], { cwd: ROOT });
    const shaped = /op_(?:live|test)_[0-9A-Za-z]{32}/;
    const offenders: string[] = [];
    for (const file of stdout.split('\0').filter(Boolean)) {
      const path = `${ROOT}${file}`;
      if (!existsSync(path)) continue;
      if (shaped.test(readFileSync(path, 'latin1'))) offenders.push(file);
    }
    expect(offenders).toEqual([]);
  });
});
