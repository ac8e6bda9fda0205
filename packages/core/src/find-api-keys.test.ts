import { describe, expect, it } from 'vitest';
import { generateApiKey } from './api-key.js';
import { findApiKeys } from './find-api-keys.js';

describe('findApiKeys', () => {
  it('reports valid keys with line, column and preview, never the key', () => {
    const live = generateApiKey('live');
    const test = generateApiKey('test');
    const text = `first line\nconst key = "${live}";\n\n  export ONEPIN_API_KEY=${test}\n`;
    const found = findApiKeys(text);
    expect(found).toEqual([
      { line: 2, column: 14, type: 'live', preview: `op_live_…${live.slice(-4)}` },
      { line: 4, column: 25, type: 'test', preview: `op_test_…${test.slice(-4)}` },
    ]);
    expect(JSON.stringify(found)).not.toContain(live);
  });

  it('ignores look-alikes that fail the checksum', () => {
    const key = generateApiKey('live');
    const lookAlike = `${key.slice(0, -1)}${key.endsWith('a') ? 'b' : 'a'}`;
    expect(findApiKeys(`token: ${lookAlike}\nop_live_${'x'.repeat(32)}`)).toEqual([]);
  });

  it('finds several keys on one line and keys glued to punctuation', () => {
    const a = generateApiKey('live');
    const b = generateApiKey('live');
    expect(findApiKeys(`["${a}","${b}"]`).map((f) => f.column)).toEqual([3, 3 + a.length + 3]);
  });
});
