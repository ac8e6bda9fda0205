import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ByteLimitExceeded, meterStream, SourceInterrupted } from './metered-stream.js';

const chunks = ['abc', 'defg', 'h'];

describe('meterStream', () => {
  it('passes bytes through, counting and hashing them', async () => {
    const metered = meterStream(new Blob(chunks).stream(), 8);
    expect(await new Response(metered.stream).text()).toBe('abcdefgh');
    expect(metered.bytes()).toBe(8);
    expect(metered.sha256()).toBe(createHash('sha256').update('abcdefgh').digest('hex'));
  });

  it('fails at the first byte past the limit', async () => {
    const metered = meterStream(new Blob(chunks).stream(), 7);
    await expect(new Response(metered.stream).text()).rejects.toBeInstanceOf(ByteLimitExceeded);
  });

  it('says when the source broke off', async () => {
    const source = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.error(new Error('socket hang up'));
      },
    });
    const metered = meterStream(source, 100);
    await expect(new Response(metered.stream).text()).rejects.toBeInstanceOf(SourceInterrupted);
  });
});
