import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from './config.js';

describe('readConfig', () => {
  it('defaults to SQLite under ./data on 127.0.0.1:8000', () => {
    const config = readConfig({});
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 8000,
      databaseUrl: resolve('data', 'onepin.db'),
      publicUrl: 'http://127.0.0.1:8000',
      logLevel: 'info',
      redisUrl: undefined,
      defaultRateLimitPerMin: 600,
      failedAuthLimitPerMin: 30,
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reads every variable', () => {
    const config = readConfig({
      ONEPIN_HOST: '0.0.0.0',
      ONEPIN_PORT: '9000',
      ONEPIN_DATA_DIR: '/tmp/op',
      ONEPIN_DATABASE_URL: 'postgres://u:secret@db:5432/onepin',
      ONEPIN_REDIS_URL: 'redis://cache:6379',
      ONEPIN_PUBLIC_URL: 'https://keys.example.com/',
      ONEPIN_LOG_LEVEL: 'WARN',
    });
    expect(config).toMatchObject({
      host: '0.0.0.0',
      port: 9000,
      dataDir: '/tmp/op',
      databaseUrl: 'postgres://u:secret@db:5432/onepin',
      redisUrl: 'redis://cache:6379',
      publicUrl: 'https://keys.example.com',
      logLevel: 'warn',
    });
  });

  it('treats empty variables as unset', () => {
    expect(readConfig({ ONEPIN_PORT: '', ONEPIN_DATABASE_URL: '  ' }).port).toBe(8000);
  });

  it.each([
    [{ ONEPIN_PORT: 'eighty' }, /^ONEPIN_PORT must be an integer from 0 to 65535, got "eighty"$/],
    [{ ONEPIN_PORT: '70000' }, /ONEPIN_PORT/],
    [{ ONEPIN_DATABASE_URL: 'mysql://x' }, /^ONEPIN_DATABASE_URL must be/],
    [
      { ONEPIN_DATABASE_URL: 'postgres://u:hunter2@[bad' },
      /^ONEPIN_DATABASE_URL is not a valid URL/,
    ],
    [
      { ONEPIN_REDIS_URL: 'http://cache' },
      /^ONEPIN_REDIS_URL must start with redis:\/\/ or rediss:\/\//,
    ],
    [{ ONEPIN_PUBLIC_URL: 'ftp://x' }, /^ONEPIN_PUBLIC_URL/],
    [{ ONEPIN_LOG_LEVEL: 'loud' }, /^ONEPIN_LOG_LEVEL must be one of/],
    [{ ONEPIN_TRUST_PROXY: 'yes' }, /^ONEPIN_TRUST_PROXY/],
  ])('refuses %j with a one-line message naming the variable', (env, message) => {
    let error: unknown;
    try {
      readConfig(env);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
    expect((error as Error).message).not.toContain('hunter2');
  });
});
