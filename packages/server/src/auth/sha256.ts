import { hash } from 'node:crypto';

/**
 * Lower-case hex SHA-256: how API keys (and setup and session tokens) are stored. They are
 * long CSPRNG strings, so a fast unsalted digest is safe and can be indexed. One-shot
 * `crypto.hash` costs a fraction of building a `Hash` object for a 40-byte input.
 */
export function sha256Hex(text: string): string {
  return hash('sha256', text, 'hex');
}
