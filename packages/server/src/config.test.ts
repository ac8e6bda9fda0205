import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_UPLOAD_MAX_BYTES, readConfig } from './config.js';

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

  it('reads the key-event settings (issue 16), safe by default', () => {
    expect(readConfig({})).toMatchObject({
      webhooksAllowPrivate: false,
      webhookTimeoutMs: 10_000,
      secretScanningKeysFile: undefined,
      secretScanningAction: 'revoke',
      publicRevocationLimitPerMin: 10,
    });
    expect(
      readConfig({
        ONEPIN_WEBHOOKS_ALLOW_PRIVATE: 'true',
        ONEPIN_WEBHOOK_TIMEOUT_SECONDS: '3',
        ONEPIN_SECRET_SCANNING_KEYS_FILE: 'github-keys.json',
        ONEPIN_SECRET_SCANNING_ACTION: 'notify',
        ONEPIN_PUBLIC_REVOCATION_LIMIT_PER_MIN: '50',
      }),
    ).toMatchObject({
      webhooksAllowPrivate: true,
      webhookTimeoutMs: 3_000,
      secretScanningKeysFile: resolve('github-keys.json'),
      secretScanningAction: 'notify',
      publicRevocationLimitPerMin: 50,
    });
  });

  it.each([
    [
      { ONEPIN_WEBHOOKS_ALLOW_PRIVATE: 'yes' },
      /^ONEPIN_WEBHOOKS_ALLOW_PRIVATE must be true or false/,
    ],
    [
      { ONEPIN_WEBHOOK_TIMEOUT_SECONDS: '0' },
      /^ONEPIN_WEBHOOK_TIMEOUT_SECONDS must be an integer from 1 to 60/,
    ],
    [
      { ONEPIN_SECRET_SCANNING_ACTION: 'delete' },
      /^ONEPIN_SECRET_SCANNING_ACTION must be revoke or notify/,
    ],
    [{ ONEPIN_PUBLIC_REVOCATION_LIMIT_PER_MIN: '0' }, /^ONEPIN_PUBLIC_REVOCATION_LIMIT_PER_MIN/],
  ])('refuses a bad key-event setting %j', (env, message) => {
    expect(() => readConfig(env)).toThrow(message);
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

describe('readConfig: uploads and the secret', () => {
  it('defaults to a 50 MiB upload limit, blobs under the data dir, and no secret', () => {
    const config = readConfig({ ONEPIN_DATA_DIR: '/srv/onepin' });
    expect(config.uploadMaxBytes).toBe(DEFAULT_UPLOAD_MAX_BYTES);
    expect(DEFAULT_UPLOAD_MAX_BYTES).toBe(52_428_800);
    expect(config.blobDir).toBe('/srv/onepin/blobs');
    expect(config.secret).toBeUndefined();
  });

  it('reads ONEPIN_UPLOAD_MAX_BYTES and ONEPIN_SECRET', () => {
    const config = readConfig({ ONEPIN_UPLOAD_MAX_BYTES: '1024', ONEPIN_SECRET: 's'.repeat(32) });
    expect(config.uploadMaxBytes).toBe(1024);
    expect(config.secret).toBe('s'.repeat(32));
  });

  it.each([
    ['ONEPIN_UPLOAD_MAX_BYTES', '0', /ONEPIN_UPLOAD_MAX_BYTES must be an integer/],
    ['ONEPIN_UPLOAD_MAX_BYTES', '50MB', /ONEPIN_UPLOAD_MAX_BYTES must be an integer/],
    ['ONEPIN_UPLOAD_MAX_BYTES', '-1', /ONEPIN_UPLOAD_MAX_BYTES must be an integer/],
    ['ONEPIN_SECRET', 'too-short', /ONEPIN_SECRET must be 32 to 1024 characters/],
  ])('refuses %s=%j with a message naming it', (name, value, message) => {
    expect(() => readConfig({ [name]: value })).toThrow(message);
  });

  it('never repeats a bad secret in its message', () => {
    expect(() => readConfig({ ONEPIN_SECRET: 'hunter2-hunter2' })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('hunter2') }),
    );
  });
});

describe('readConfig: cluster and shutdown settings', () => {
  it('has production defaults for the cluster settings', () => {
    const config = readConfig({});
    expect(config.redisUrl).toBeUndefined();
    expect(config.keyCacheTtlMs).toBe(30_000);
    expect(config.redisPrefix).toBe('onepin:');
    expect(config.shutdownTimeoutMs).toBe(10_000);
    expect(config.requestTimeoutMs).toBe(300_000);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reads them from ONEPIN_* variables', () => {
    const config = readConfig({
      ONEPIN_REDIS_URL: 'redis://cache.internal:6379/2',
      ONEPIN_REDIS_PREFIX: 'prod-eu:',
      ONEPIN_KEY_CACHE_TTL_SECONDS: '5',
      ONEPIN_SHUTDOWN_TIMEOUT_SECONDS: '0',
      ONEPIN_REQUEST_TIMEOUT_SECONDS: '3600',
    });
    expect(config.redisUrl).toBe('redis://cache.internal:6379/2');
    expect(config.redisPrefix).toBe('prod-eu:');
    expect(config.keyCacheTtlMs).toBe(5_000);
    expect(config.shutdownTimeoutMs).toBe(0);
    expect(config.requestTimeoutMs).toBe(3_600_000);
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
    ['ONEPIN_REQUEST_TIMEOUT_SECONDS', '0', /ONEPIN_REQUEST_TIMEOUT_SECONDS/],
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
