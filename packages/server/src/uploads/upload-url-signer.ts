import { createHmac, timingSafeEqual } from 'node:crypto';
import { deriveKey } from '../server-secret.js';

/** What a signed upload URL allows: sending the bytes of one upload until a time. */
export interface UploadGrant {
  uploadId: string;
  /** Unix seconds. */
  expiresAt: number;
}

/**
 * Signs and checks upload URLs: HMAC-SHA256 over the upload id and the expiry, with a key
 * derived from the server secret. Base64url, so the signature needs no escaping in a URL.
 */
export class UploadUrlSigner {
  readonly #key: Buffer;

  constructor(serverSecret: Uint8Array) {
    this.#key = deriveKey(serverSecret, 'upload-url');
  }

  sign(grant: UploadGrant): string {
    return this.#mac(grant).toString('base64url');
  }

  /** Compares in constant time; any malformed signature is simply not valid. */
  verify(grant: UploadGrant, signature: string): boolean {
    const expected = this.#mac(grant);
    const given = Buffer.from(signature, 'base64url');
    // base64url decoding ignores stray characters: insist on the canonical form as well.
    return (
      given.length === expected.length &&
      timingSafeEqual(given, expected) &&
      given.toString('base64url') === signature
    );
  }

  #mac({ uploadId, expiresAt }: UploadGrant): Buffer {
    return createHmac('sha256', this.#key).update(`v1\n${uploadId}\n${expiresAt}`).digest();
  }
}
