import { type KeyType, parseApiKey, previewApiKey } from './api-key.js';
import { parseServiceToken } from './service-token.js';

/** What a finding is: an API key of a type, or a service token (`op_svc_`, issue 14). */
export type FoundKeyType = KeyType | 'service';

export interface FoundApiKey {
  /** 1-based line and column of the key's first character. */
  line: number;
  column: number;
  /** `live` or `test` for an API key, `service` for a service token. */
  type: FoundKeyType;
  /** Safe to print: `op_live_…AbCd`, `op_svc_…AbCd`. The key itself is never part of a finding. */
  preview: string;
}

/**
 * Anything shaped like a key (an API key or a service token), wherever it sits: glued to letters, digits or `_` on either side
 * (`prod_op_live_…`, `op_live_…x`), and with its underscores percent-encoded as in a URL
 * (`op%5Flive%5F…`). No word boundaries: a key always starts at its prefix and is exactly 32
 * base62 characters after it, and `_` (or `%`) cannot occur inside those 32, so a candidate
 * can never swallow the start of a real key that follows it.
 */
const KEY_SHAPED = /op(?:_|%5[Ff])(live|test|svc)(?:_|%5[Ff])([0-9A-Za-z]{32})/g;

/** The type of a key-shaped candidate (underscores decoded) whose checksum holds, or `null`. */
function checkedType(candidate: string): FoundKeyType | null {
  if (candidate.startsWith('op_svc_')) return parseServiceToken(candidate) ? 'service' : null;
  return parseApiKey(candidate)?.type ?? null;
}

/** Whether text may hold a key at all: a cheap test before any regular expression runs. */
function mayHoldKey(text: string): boolean {
  return text.includes('op_') || text.includes('op%5');
}

/**
 * Finds OnePin keys and service tokens in text by prefix, shape and checksum, so random look-alikes (which fail
 * the CRC-32 check with near certainty) are not reported. Keys glued to other text and keys
 * with percent-encoded underscores are found too (see `KEY_SHAPED`).
 */
export function findApiKeys(text: string): FoundApiKey[] {
  const found: FoundApiKey[] = [];
  if (!mayHoldKey(text)) return found;
  let line = 1;
  let lineStart = 0;
  let scanned = 0;
  for (const match of text.matchAll(new RegExp(KEY_SHAPED.source, 'g'))) {
    const candidate = `op_${match[1]}_${match[2]}`;
    const type = checkedType(candidate);
    if (type === null) continue;
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
      type,
      preview: previewApiKey(candidate),
    });
  }
  return found;
}

/**
 * The keys themselves (valid checksum, underscores decoded), for a tool that must hand them
 * on — `onepin scan --revoke` reporting them for revocation — and nothing else: never print
 * or store what this returns.
 */
export function extractApiKeys(text: string): string[] {
  const keys: string[] = [];
  if (!mayHoldKey(text)) return keys;
  for (const match of text.matchAll(new RegExp(KEY_SHAPED.source, 'g'))) {
    const key = `op_${match[1]}_${match[2]}`;
    if (checkedType(key) !== null) keys.push(key);
  }
  return keys;
}

/**
 * Whether text holds a OnePin key or service token with a valid checksum anywhere (see
 * `findApiKeys`).
 */
export function containsApiKey(text: string): boolean {
  if (!mayHoldKey(text)) return false;
  for (const match of text.matchAll(new RegExp(KEY_SHAPED.source, 'g'))) {
    if (checkedType(`op_${match[1]}_${match[2]}`) !== null) return true;
  }
  return false;
}

/**
 * Replaces everything key-shaped (service tokens too) with its preview (`op_live_…AbCd`,
 * `op_svc_…AbCd`), checksum or not: for
 * text that leaves the server (log lines, error messages quoting input), where hiding a
 * look-alike is harmless and showing a key with one typo would still leak 31 of its characters.
 */
export function redactKeyShapedText(text: string): string {
  if (!mayHoldKey(text)) return text;
  return text.replace(KEY_SHAPED, (key) => previewApiKey(key));
}
