import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { UploadUrlSigner } from './upload-url-signer.js';

const grant = { uploadId: '7d4c1f9e-0b1a-4c55-9a57-0c0f2f1b9e11', expiresAt: 1_800_000_000 };

describe('UploadUrlSigner', () => {
  const signer = new UploadUrlSigner(randomBytes(32));
  const signature = signer.sign(grant);

  it('accepts its own signature, which is URL-safe', () => {
    expect(signature).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(signer.verify(grant, signature)).toBe(true);
  });

  it.each([
    ['another upload', { ...grant, uploadId: `${grant.uploadId.slice(0, -1)}2` }],
    ['a later expiry', { ...grant, expiresAt: grant.expiresAt + 1 }],
  ])('refuses the signature for %s', (_label, other) => {
    expect(signer.verify(other, signature)).toBe(false);
  });

  it.each([
    ['an empty signature', ''],
    ['a truncated signature', signature.slice(0, -1)],
    [
      'a signature with a character changed',
      `${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`,
    ],
    ['padding appended', `${signature}=`],
    ['junk appended', `${signature}!!`],
    ['a hex signature', Buffer.from(signature, 'base64url').toString('hex')],
  ])('refuses %s', (_label, forged) => {
    expect(signer.verify(grant, forged)).toBe(false);
  });

  it("refuses another server's signature", () => {
    expect(new UploadUrlSigner(randomBytes(32)).verify(grant, signature)).toBe(false);
  });
});
