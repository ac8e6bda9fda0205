import { API_KEY_SEARCH_PATTERN, type KeyType, keyPreview, parseApiKey } from './api-key.js';

export interface FoundApiKey {
  /** 1-based line and column of the key's first character. */
  line: number;
  column: number;
  type: KeyType;
  /** Safe to print: `op_live_…AbCd`. The key itself is never part of a finding. */
  preview: string;
}

/**
 * Finds OnePin keys in text by prefix, shape and checksum, so random look-alikes (which fail
 * the CRC-32 check with near certainty) are not reported.
 */
export function findApiKeys(text: string): FoundApiKey[] {
  const found: FoundApiKey[] = [];
  let line = 1;
  let lineStart = 0;
  let scanned = 0;
  for (const match of text.matchAll(new RegExp(API_KEY_SEARCH_PATTERN.source, 'g'))) {
    const parsed = parseApiKey(match[0]);
    if (parsed === null) continue;
    for (let i = scanned; i < match.index; i++) {
      if (text.charCodeAt(i) === 10) {
        line++;
        lineStart = i + 1;
      }
    }
    scanned = match.index;
    found.push({
      line,
      column: match.index - lineStart + 1,
      type: parsed.type,
      preview: keyPreview(parsed.prefix, parsed.suffix),
    });
  }
  return found;
}
