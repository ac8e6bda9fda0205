import { createPublicKey, type KeyObject, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * GitHub's secret-scanning public keys, as GitHub publishes them
 * (`GET https://api.github.com/meta/public_keys/secret_scanning`, saved to a file the operator
 * names in `ONEPIN_SECRET_SCANNING_KEYS_FILE`: the server fetches nothing itself). Each
 * report is signed with one of them: ECDSA P-256 with SHA-256 over the raw body, the key
 * named by `Github-Public-Key-Identifier`, the DER signature in base64 in
 * `Github-Public-Key-Signature`.
 */
export class GithubPublicKeys {
  readonly #keys: ReadonlyMap<string, KeyObject>;

  constructor(keys: ReadonlyMap<string, KeyObject>) {
    this.#keys = keys;
  }

  /** Parses GitHub's JSON document (`{"public_keys": [{"key_identifier", "key"}]}`). */
  static fromJson(text: string): GithubPublicKeys {
    let document: unknown;
    try {
      document = JSON.parse(text);
    } catch {
      throw new Error('is not JSON');
    }
    const list = (document as { public_keys?: unknown })?.public_keys;
    if (!Array.isArray(list) || list.length === 0) {
      throw new Error(
        'has no "public_keys" list (save what GitHub\'s meta/public_keys/secret_scanning returns)',
      );
    }
    const keys = new Map<string, KeyObject>();
    for (const [index, entry] of list.entries()) {
      const { key_identifier: id, key } = (entry ?? {}) as Record<string, unknown>;
      if (typeof id !== 'string' || typeof key !== 'string') {
        throw new Error(`public_keys[${index}] needs "key_identifier" and "key"`);
      }
      let parsed: KeyObject;
      try {
        parsed = createPublicKey(key);
      } catch {
        throw new Error(`public_keys[${index}].key is not a PEM public key`);
      }
      if (
        parsed.asymmetricKeyType !== 'ec' ||
        parsed.asymmetricKeyDetails?.namedCurve !== 'prime256v1'
      ) {
        throw new Error(`public_keys[${index}].key is not an ECDSA P-256 key`);
      }
      keys.set(id, parsed);
    }
    return new GithubPublicKeys(keys);
  }

  static fromFile(path: string): GithubPublicKeys {
    return GithubPublicKeys.fromJson(readFileSync(path, 'utf8'));
  }

  /** Whether `signature` (base64 DER) is the named key's over exactly these bytes. */
  verify(identifier: string | undefined, signature: string | undefined, body: Uint8Array): boolean {
    if (identifier === undefined || signature === undefined) return false;
    const key = this.#keys.get(identifier);
    if (key === undefined || !/^[A-Za-z0-9+/]+={0,2}$/.test(signature)) return false;
    try {
      return verify('sha256', body, { key, dsaEncoding: 'der' }, Buffer.from(signature, 'base64'));
    } catch {
      return false;
    }
  }
}
