import { apiKeyChecksum, keyPreview } from './api-key.js';
import { randomBase62 } from './base62.js';

/**
 * Service tokens (issue 14): the credential of an operator's own services, allowed to call
 * only the verify API. The same body as an API key — 26 CSPRNG base62 characters and their
 * CRC-32 checksum — behind a prefix no API key can have, so no code path can take one for
 * the other, and the scanner finds both.
 */
export const SERVICE_TOKEN_PREFIX = 'op_svc_';
export const SERVICE_TOKEN_PATTERN = /^op_svc_[0-9A-Za-z]{32}$/;
const RANDOM_LENGTH = 26;
export const SERVICE_TOKEN_LENGTH = SERVICE_TOKEN_PREFIX.length + RANDOM_LENGTH + 6;
const SHOWN_SUFFIX_LENGTH = 4;

/** Makes a new service token: `op_svc_` + 26 random base62 characters + their checksum. */
export function generateServiceToken(): string {
  const random = randomBase62(RANDOM_LENGTH);
  return SERVICE_TOKEN_PREFIX + random + apiKeyChecksum(random);
}

/** The parts of a well-formed token that may be stored and shown. */
export interface ParsedServiceToken {
  readonly prefix: typeof SERVICE_TOKEN_PREFIX;
  /** Last four characters, safe to show (`op_svc_…AbCd`). */
  readonly suffix: string;
}

/** Parses a presented token without I/O: `null` unless its shape and checksum are right. */
export function parseServiceToken(candidate: string): ParsedServiceToken | null {
  if (candidate.length !== SERVICE_TOKEN_LENGTH || !SERVICE_TOKEN_PATTERN.test(candidate)) {
    return null;
  }
  const start = SERVICE_TOKEN_PREFIX.length;
  const random = candidate.slice(start, start + RANDOM_LENGTH);
  if (candidate.slice(start + RANDOM_LENGTH) !== apiKeyChecksum(random)) return null;
  return { prefix: SERVICE_TOKEN_PREFIX, suffix: candidate.slice(-SHOWN_SUFFIX_LENGTH) };
}

/** `op_svc_…AbCd`: the only form of a service token that may be printed. */
export function previewServiceToken(token: string): string {
  return keyPreview(SERVICE_TOKEN_PREFIX, token.slice(-SHOWN_SUFFIX_LENGTH));
}
