import { encodeBase62, randomBase62 } from './base62.js';
import { crc32Ascii } from './crc32.js';

/** Whether a key reaches live data or the workspace's separate test data (SPEC §8). */
export type KeyType = 'live' | 'test';
export const KEY_TYPES: readonly KeyType[] = ['live', 'test'];

export const API_KEY_RANDOM_LENGTH = 26;
export const API_KEY_CHECKSUM_LENGTH = 6;
/** `op_live_` / `op_test_` + 32 base62 characters. */
export const API_KEY_PATTERN = /^op_(live|test)_[0-9A-Za-z]{32}$/;
/**
 * The same shape without anchors or word boundaries, for scanning text: a key glued to other
 * text (`prod_op_live_…`, `op_live_…x`) is still a key, so nothing may stand in for `\b`.
 * Shape only: `findApiKeys` also checks the checksum.
 */
export const API_KEY_SEARCH_PATTERN = /op_(?:live|test)_[0-9A-Za-z]{32}/g;
export const API_KEY_LENGTH = 8 + API_KEY_RANDOM_LENGTH + API_KEY_CHECKSUM_LENGTH;
/** The characters after the prefix: the random part and the checksum. */
const API_KEY_BODY_LENGTH = API_KEY_RANDOM_LENGTH + API_KEY_CHECKSUM_LENGTH;
/** How many trailing characters of a key may be stored and shown. */
const SHOWN_SUFFIX_LENGTH = 4;

/** The prefix a key of this type starts with, e.g. `op_live_`. */
export function keyPrefix(type: KeyType): `op_${KeyType}_` {
  return `op_${type}_`;
}

/** The 6-character checksum of SPEC §2: CRC-32 (IEEE) of the random part, base62, zero-padded. */
export function apiKeyChecksum(random: string): string {
  return encodeBase62(crc32Ascii(random), API_KEY_CHECKSUM_LENGTH);
}

/** Makes a new key: 26 CSPRNG base62 characters (≈155 bits) and their checksum. */
export function generateApiKey(type: KeyType): string {
  const random = randomBase62(API_KEY_RANDOM_LENGTH);
  return keyPrefix(type) + random + apiKeyChecksum(random);
}

export interface ParsedApiKey {
  readonly type: KeyType;
  readonly prefix: `op_${KeyType}_`;
  /** Last four characters, safe to show (`op_live_…AbCd`). */
  readonly suffix: string;
}

/**
 * Parses a presented key without any I/O. Returns `null` for anything that is not a
 * well-formed key with a valid checksum, so callers treat every failure the same way.
 */
export function parseApiKey(candidate: string): ParsedApiKey | null {
  if (candidate.length !== API_KEY_LENGTH || !API_KEY_PATTERN.test(candidate)) return null;
  const random = candidate.slice(8, 8 + API_KEY_RANDOM_LENGTH);
  if (candidate.slice(8 + API_KEY_RANDOM_LENGTH) !== apiKeyChecksum(random)) return null;
  const type: KeyType = candidate.charCodeAt(3) === 108 /* l */ ? 'live' : 'test';
  return { type, prefix: keyPrefix(type), suffix: candidate.slice(-SHOWN_SUFFIX_LENGTH) };
}

/** Why a string is not a usable key, for tools that explain (the CLI); servers must not. */
export type ApiKeyProblem = 'prefix' | 'format' | 'checksum';

/** Explains what is wrong with a candidate key, or returns `null` when it is valid. */
export function diagnoseApiKey(candidate: string): ApiKeyProblem | null {
  if (!candidate.startsWith('op_live_') && !candidate.startsWith('op_test_')) return 'prefix';
  if (!API_KEY_PATTERN.test(candidate)) return 'format';
  return parseApiKey(candidate) ? null : 'checksum';
}

/** The display form of a key that is safe to print: `op_live_…AbCd`. */
export function keyPreview(prefix: string, suffix: string): string {
  return `${prefix}…${suffix}`;
}

/**
 * What of a key may be stored and shown: everything before its 32 secret characters (the
 * prefix, `op_live_`, percent-encoded or not) and its last four. The one place that cuts a key.
 */
export function keyDisplayParts(key: string): { prefix: string; suffix: string } {
  return {
    prefix: key.slice(0, Math.max(0, key.length - API_KEY_BODY_LENGTH)),
    suffix: key.slice(-SHOWN_SUFFIX_LENGTH),
  };
}

/** `op_live_…AbCd` of a whole key (or of anything key-shaped, as the logger finds them). */
export function previewApiKey(key: string): string {
  const { prefix, suffix } = keyDisplayParts(key);
  return keyPreview(prefix, suffix);
}
