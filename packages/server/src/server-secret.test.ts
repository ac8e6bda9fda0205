import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_UPLOAD_MAX_BYTES, readConfig } from './config.js';
import { deriveKey, loadServerSecret, SECRET_FILE_NAME } from './server-secret.js';

const directories: string[] = [];
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'onepin-secret-'));
  directories.push(dir);
  return join(dir, 'data');
}
afterAll(() => {
  for (const dir of directories) rmSync(dir, { recursive: true, force: true });
});

describe('loadServerSecret', () => {
  it('generates a 32-byte secret once, in a private file, and reads it back after', () => {
    const dir = dataDir();
    const first = loadServerSecret({ dataDir: dir, secret: undefined });
    expect(first).toHaveLength(32);
    const path = join(dir, SECRET_FILE_NAME);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, 'utf8').trim()).toBe(first.toString('hex'));
    expect(loadServerSecret({ dataDir: dir, secret: undefined })).toEqual(first);
  });

  it('uses ONEPIN_SECRET when set, and writes no file', () => {
    const dir = dataDir();
    const secret = 'x'.repeat(40);
    expect(loadServerSecret({ dataDir: dir, secret }).toString()).toBe(secret);
    expect(() => statSync(join(dir, SECRET_FILE_NAME))).toThrow();
  });

  it('refuses a secret file other users can read, naming the chmod fix', () => {
    const dir = dataDir();
    loadServerSecret({ dataDir: dir, secret: undefined });
    chmodSync(join(dir, SECRET_FILE_NAME), 0o644);
    expect(() => loadServerSecret({ dataDir: dir, secret: undefined })).toThrow(/chmod 600/);
  });

  it('refuses a secret file that is not 64 hex characters', () => {
    const dir = dataDir();
    loadServerSecret({ dataDir: dir, secret: undefined });
    writeFileSync(join(dir, SECRET_FILE_NAME), 'short\n', { mode: 0o600 });
    expect(() => loadServerSecret({ dataDir: dir, secret: undefined })).toThrow(ConfigError);
  });

  it('derives different keys for different purposes', () => {
    const secret = Buffer.alloc(32, 7);
    expect(deriveKey(secret, 'upload-url')).toHaveLength(32);
    expect(deriveKey(secret, 'upload-url')).toEqual(deriveKey(secret, 'upload-url'));
    expect(deriveKey(secret, 'upload-url')).not.toEqual(deriveKey(secret, 'session'));
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
