/**
 * The message one node sends the others when keys change: which node sent it and the
 * SHA-256 hashes of the keys to forget. JSON, so it stays readable in `redis-cli monitor`.
 */
export interface InvalidationMessage {
  /** The sending node's id, so a node can skip its own messages (it already evicted). */
  source: string;
  hashes: string[];
}

/**
 * Hashes per message. PostgreSQL refuses a NOTIFY payload of 8000 bytes or more; 100 hashes
 * of 64 characters in JSON take about 6.7 kB, leaving room for the envelope.
 */
export const HASHES_PER_MESSAGE = 100;

const HASH = /^[0-9a-f]{64}$/;

/** Encodes the hashes as one or more payloads, each under the NOTIFY limit. */
export function encodeInvalidations(source: string, hashes: readonly string[]): string[] {
  const payloads: string[] = [];
  for (let start = 0; start < hashes.length; start += HASHES_PER_MESSAGE) {
    const chunk = hashes.slice(start, start + HASHES_PER_MESSAGE);
    payloads.push(JSON.stringify({ v: 1, source, hashes: chunk }));
  }
  return payloads;
}

/** Decodes a payload; anything malformed (another version, a stray publisher) is `null`. */
export function decodeInvalidation(payload: string): InvalidationMessage | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { v, source, hashes } = parsed as Record<string, unknown>;
  if (v !== 1 || typeof source !== 'string' || !Array.isArray(hashes)) return null;
  if (!hashes.every((hash) => typeof hash === 'string' && HASH.test(hash))) return null;
  return { source, hashes: hashes as string[] };
}
