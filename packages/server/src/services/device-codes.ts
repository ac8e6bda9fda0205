import { randomBytes, randomInt } from 'node:crypto';
import { sha256Hex } from '../auth/sha256.js';

/**
 * Twenty consonants with nothing to misread: no vowels (so no words, RFC 8628 §6.1), no
 * digits, and none of the shapes people confuse (0/O, 1/I/L are all absent or unambiguous in
 * upper case). 20^8 ≈ 2.6 × 10^10 codes.
 */
export const USER_CODE_ALPHABET = 'BCDFGHJKLMNPQRSTVWXZ';
export const USER_CODE_LENGTH = 8;

/** A new user code, as people see it: `XXXX-XXXX`. */
export function generateUserCode(): string {
  let code = '';
  for (let i = 0; i < USER_CODE_LENGTH; i++) code += USER_CODE_ALPHABET[randomInt(20)];
  return formatUserCode(code);
}

/** `BCDFGHJK` → `BCDF-GHJK`. */
export function formatUserCode(normalized: string): string {
  return `${normalized.slice(0, 4)}-${normalized.slice(4)}`;
}

/**
 * A typed user code in its stored form: upper case, without the dash or spaces people add
 * (`bcdf ghjk`, `BCDF-GHJK`); `null` when what is left cannot be a code at all.
 */
export function normalizeUserCode(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== USER_CODE_LENGTH) return null;
  for (const letter of code) if (!USER_CODE_ALPHABET.includes(letter)) return null;
  return code;
}

/**
 * The SHA-256 the database keeps of a user code. A user code is too short for a hash to
 * protect it from someone who reads the database; it is hashed so the table holds no code
 * anyone could copy from a glance at a backup, like every other token here.
 */
export function userCodeHash(normalized: string): string {
  return sha256Hex(`user-code:${normalized}`);
}

/** A new device code: 256 random bits, base64url. Only its SHA-256 is stored. */
export function generateDeviceCode(): string {
  return randomBytes(32).toString('base64url');
}

export function deviceCodeHash(deviceCode: string): string {
  return sha256Hex(`device-code:${deviceCode}`);
}
