import { describe, expect, it } from 'vitest';
import { formatBytes } from './bytes.js';

describe('formatBytes', () => {
  it.each([
    [0, '0 bytes'],
    [1, '1 byte'],
    [1023, '1023 bytes'],
    [1024, '1 KiB'],
    [1536, '1.5 KiB'],
    [1_048_575, '1 MiB'],
    [1_048_576, '1 MiB'],
    [52_428_800, '50 MiB'],
    [3e9, '2.8 GiB'],
    [2 ** 50, '1024 TiB'],
  ])('%i bytes read %j', (bytes, text) => expect(formatBytes(bytes)).toBe(text));
});
