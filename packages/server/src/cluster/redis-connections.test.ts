import { describe, expect, it } from 'vitest';
import { createLogger } from '../logger.js';
import { connectRedis } from './redis-connections.js';

describe('connecting to Redis at start-up', () => {
  it('fails fast with the reason, the password hidden, and nothing left retrying', async () => {
    const started = performance.now();
    // Port 1 on the loopback refuses connections at once.
    await expect(
      connectRedis('redis://:s3cret@127.0.0.1:1', createLogger('silent')),
    ).rejects.toThrow('cannot connect to Redis at redis://:***@127.0.0.1:1: connect ECONNREFUSED');
    expect(performance.now() - started).toBeLessThan(3_000);
  });
});
