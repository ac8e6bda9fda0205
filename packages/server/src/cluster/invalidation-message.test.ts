import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  decodeInvalidation,
  encodeInvalidations,
  HASHES_PER_MESSAGE,
} from './invalidation-message.js';

const hash = () => randomBytes(32).toString('hex');

describe('invalidation messages', () => {
  it('round-trips the source and the hashes', () => {
    const hashes = [hash(), hash()];
    const [payload] = encodeInvalidations('node-a', hashes);
    expect(decodeInvalidation(payload as string)).toEqual({ source: 'node-a', hashes });
  });

  it('splits many hashes into payloads under the 8000-byte NOTIFY limit, losing none', () => {
    const hashes = Array.from({ length: HASHES_PER_MESSAGE * 2 + 7 }, hash);
    const payloads = encodeInvalidations('0b4c7c6e-4a53-4f0e-9a45-3d1a3c8e9f10', hashes);
    expect(payloads).toHaveLength(3);
    for (const payload of payloads) expect(Buffer.byteLength(payload)).toBeLessThan(8000);
    expect(payloads.flatMap((p) => decodeInvalidation(p)?.hashes ?? [])).toEqual(hashes);
  });

  it('sends nothing for no hashes', () => {
    expect(encodeInvalidations('node-a', [])).toEqual([]);
  });

  it.each([
    ['not JSON', '{'],
    ['JSON null', 'null'],
    ['another version', JSON.stringify({ v: 2, source: 'a', hashes: [] })],
    ['no source', JSON.stringify({ v: 1, hashes: [] })],
    ['hashes not a list', JSON.stringify({ v: 1, source: 'a', hashes: 'x' })],
    ['a hash of the wrong shape', JSON.stringify({ v: 1, source: 'a', hashes: ['ABC'] })],
  ])('rejects %s', (_label, payload) => {
    expect(decodeInvalidation(payload)).toBeNull();
  });
});
