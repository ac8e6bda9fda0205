import { describe, expect, it } from 'vitest';
import { createProgressBar } from './progress-bar.js';

describe('createProgressBar', () => {
  it('redraws in place at most every 80 ms, always draws the end, and ends its line', () => {
    let written = '';
    let now = 0;
    const bar = createProgressBar(
      { write: (t: string) => (written += t) },
      'Uploading a.txt',
      () => now,
    );
    bar.update(0, 2_097_152);
    now = 10;
    bar.update(524_288, 2_097_152); // too soon: skipped
    now = 100;
    bar.update(1_048_576, 2_097_152);
    now = 101;
    bar.update(2_097_152, 2_097_152); // the end is always drawn
    bar.done();
    const frames = written.split('\r').filter(Boolean);
    expect(frames).toEqual([
      `Uploading a.txt  [${'·'.repeat(24)}]    0%  0 bytes / 2 MiB\u001b[K`,
      `Uploading a.txt  [${'#'.repeat(12)}${'·'.repeat(12)}]   50%  1 MiB / 2 MiB\u001b[K`,
      `Uploading a.txt  [${'#'.repeat(24)}]  100%  2 MiB / 2 MiB\u001b[K\n`,
    ]);
  });

  it('writes nothing at all when nothing was drawn', () => {
    let written = '';
    createProgressBar({ write: (t: string) => (written += t) }, 'x').done();
    expect(written).toBe('');
  });
});
