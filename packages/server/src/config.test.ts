import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from './config.js';

describe('configuration', () => {
  it('has production defaults for the cluster settings', () => {
    const config = readConfig({});
    expect(config.redisUrl).toBeUndefined();
    expect(config.keyCacheTtlMs).toBe(30_000);
    expect(config.redisPrefix).toBe('onepin:');
    expect(config.shutdownTimeoutMs).toBe(10_000);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reads them from ONEPIN_* variables', () => {
    const config = readConfig({
      ONEPIN_REDIS_URL: 'redis://cache.internal:6379/2',
      ONEPIN_REDIS_PREFIX: 'prod-eu:',
      ONEPIN_KEY_CACHE_TTL_SECONDS: '5',
      ONEPIN_SHUTDOWN_TIMEOUT_SECONDS: '0',
    });
    expect(config.redisUrl).toBe('redis://cache.internal:6379/2');
    expect(config.redisPrefix).toBe('prod-eu:');
    expect(config.keyCacheTtlMs).toBe(5_000);
    expect(config.shutdownTimeoutMs).toBe(0);
  });

  it.each([
    [
      'ONEPIN_REDIS_URL',
      'http://cache:6379',
      /ONEPIN_REDIS_URL must start with redis:\/\/ or rediss:\/\//,
    ],
    ['ONEPIN_REDIS_URL', 'redis://user:pa ss@', /ONEPIN_REDIS_URL is not a valid URL/],
    ['ONEPIN_REDIS_PREFIX', 'has space', /ONEPIN_REDIS_PREFIX must be/],
    [
      'ONEPIN_KEY_CACHE_TTL_SECONDS',
      '0',
      /ONEPIN_KEY_CACHE_TTL_SECONDS must be an integer from 1 to 3600/,
    ],
    ['ONEPIN_KEY_CACHE_TTL_SECONDS', '1.5', /ONEPIN_KEY_CACHE_TTL_SECONDS/],
    ['ONEPIN_SHUTDOWN_TIMEOUT_SECONDS', '-1', /ONEPIN_SHUTDOWN_TIMEOUT_SECONDS/],
  ])('stops on a bad %s with a one-line message naming it', (name, value, message) => {
    const read = () => readConfig({ [name]: value });
    expect(read).toThrow(ConfigError);
    expect(read).toThrow(message);
  });

  it('never repeats a Redis password in its messages', () => {
    expect(() => readConfig({ ONEPIN_REDIS_URL: 'redis://:s3cret@cache:bad-port' })).toThrow(
      /^(?!.*s3cret)/,
    );
  });
});
