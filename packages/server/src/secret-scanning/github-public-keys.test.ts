import { generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../config.js';
import { startServer } from '../main.js';
import { GithubPublicKeys } from './github-public-keys.js';

const pair = (curve = 'P-256') => generateKeyPairSync('ec', { namedCurve: curve });
const pem = (key: ReturnType<typeof pair>['publicKey']) =>
  key.export({ type: 'spki', format: 'pem' }).toString();

describe("GitHub's secret-scanning public keys", () => {
  const current = pair();
  const retired = pair();
  const keys = GithubPublicKeys.fromJson(
    JSON.stringify({
      public_keys: [
        { key_identifier: 'new', key: pem(current.publicKey), is_current: true },
        { key_identifier: 'old', key: pem(retired.publicKey), is_current: false },
      ],
    }),
  );
  const body = Buffer.from('[{"token":"x","type":"t"}]');
  const signature = (key = current.privateKey, bytes = body) =>
    sign('sha256', bytes, key).toString('base64');

  it('verifies a signature by the named key, over exactly these bytes', () => {
    expect(keys.verify('new', signature(), body)).toBe(true);
    expect(keys.verify('old', signature(retired.privateKey), body)).toBe(true);
    expect(keys.verify('old', signature(), body)).toBe(false);
    expect(keys.verify('new', signature(), Buffer.from(`${body} `))).toBe(false);
    expect(keys.verify('missing', signature(), body)).toBe(false);
    expect(keys.verify(undefined, signature(), body)).toBe(false);
    expect(keys.verify('new', undefined, body)).toBe(false);
    expect(keys.verify('new', 'not base64!', body)).toBe(false);
    expect(keys.verify('new', 'AAAA', body)).toBe(false);
  });

  it.each([
    ['not json', 'is not JSON'],
    ['{}', 'has no "public_keys" list'],
    [
      '{"public_keys": [{"key_identifier": "a"}]}',
      'public_keys[0] needs "key_identifier" and "key"',
    ],
    [
      '{"public_keys": [{"key_identifier": "a", "key": "nope"}]}',
      'public_keys[0].key is not a PEM public key',
    ],
  ])('refuses a keys file that is %s', (text, message) => {
    expect(() => GithubPublicKeys.fromJson(text)).toThrow(message);
  });

  it('refuses a key on another curve', () => {
    const other = pair('secp384r1');
    const text = JSON.stringify({
      public_keys: [{ key_identifier: 'a', key: pem(other.publicKey) }],
    });
    expect(() => GithubPublicKeys.fromJson(text)).toThrow('is not an ECDSA P-256 key');
  });

  it('stops the server at start with one line naming the variable when the file is unusable', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'onepin-gh-keys-'));
    try {
      const base = { ONEPIN_DATA_DIR: dir, ONEPIN_PORT: '0', ONEPIN_LOG_LEVEL: 'silent' };
      const missing = join(dir, 'missing.json');
      await expect(
        startServer(readConfig({ ...base, ONEPIN_SECRET_SCANNING_KEYS_FILE: missing }), {
          print: () => {},
        }),
      ).rejects.toThrow(
        new ConfigError(`ONEPIN_SECRET_SCANNING_KEYS_FILE (${missing}) does not exist`),
      );
      const broken = join(dir, 'broken.json');
      writeFileSync(broken, '{}');
      await expect(
        startServer(readConfig({ ...base, ONEPIN_SECRET_SCANNING_KEYS_FILE: broken }), {
          print: () => {},
        }),
      ).rejects.toThrow(
        /^ONEPIN_SECRET_SCANNING_KEYS_FILE \(.*broken\.json\) has no "public_keys" list/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
