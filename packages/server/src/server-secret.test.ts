import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from './config.js';
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
