import {
  isScope,
  isWebhookEventType,
  SCOPE_NAME_PATTERN,
  unprovidedScopeReason,
  WEBHOOK_EVENT_TYPES,
  type WebhookEventType,
} from '@onepin/core';
import { InvalidArgumentError } from 'commander';
import { offlineScopeNames, unknownScopesMessage } from '../scopes/catalogue.js';

// Option values are checked while commander parses, so a bad one is a usage error (exit 2)
// with commander's "option '--limit <n>' argument '0' is invalid." and our reason after it.

/** A whole number between `min` and `max`. */
export function integerBetween(min: number, max: number): (value: string) => number {
  return (value) => {
    const number = /^\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
    if (!Number.isSafeInteger(number) || number < min || number > max) {
      throw new InvalidArgumentError(
        max === Number.MAX_SAFE_INTEGER
          ? `Expected a whole number ≥ ${min}.`
          : `Expected a whole number from ${min} to ${max}.`,
      );
    }
    return number;
  };
}

/** `--limit`: a page of 1–100 (SPEC §5). */
export const parseLimit = integerBetween(1, 100);
/** `--offset`: ≥ 0. */
export const parseOffset = integerBetween(0, Number.MAX_SAFE_INTEGER);
/** `--rate-limit`: requests per minute, ≥ 1. */
export const parseRateLimit = integerBetween(1, Number.MAX_SAFE_INTEGER);

/**
 * `--scopes a,b` (commas and/or spaces); empty means none. What cannot be a scope anywhere (not
 * `resource:action`, an official scope this server lacks) is refused here, listing the built-in
 * and cached scopes; the rest is checked against the server's catalogue (`checkScopes`).
 */
export function parseScopes(value: string): string[] {
  const names = value.split(/[\s,]+/).filter(Boolean);
  const impossible = names.filter(
    (name) =>
      !isScope(name) && (!SCOPE_NAME_PATTERN.test(name) || unprovidedScopeReason(name) !== null),
  );
  if (impossible.length > 0) {
    throw new InvalidArgumentError(unknownScopesMessage(impossible, offlineScopeNames()));
  }
  return [...new Set(names)].sort();
}

/** The longest grace period of a rotation: 7 days (SPEC §5). */
export const MAX_GRACE_SECONDS = 604_800;
const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86_400 } as const;

/**
 * A duration flag: a number with its unit (`90s`, `30m`, `24h`, `7d`) or `0`, in seconds.
 * A bare number is refused: `--grace 2` meant two days as often as two seconds.
 */
export function durationParser(maxSeconds: number): (value: string) => number {
  const max = describeSeconds(maxSeconds);
  return (value) => {
    const text = value.trim();
    const match = /^(\d+)([smhd])$/i.exec(text);
    const unit = match?.[2]?.toLowerCase() as keyof typeof UNIT_SECONDS | undefined;
    const seconds =
      text === '0' ? 0 : match && unit ? Number(match[1]) * UNIT_SECONDS[unit] : Number.NaN;
    if (!Number.isSafeInteger(seconds) || seconds > maxSeconds) {
      const bare = /^\d+$/.test(text)
        ? ` A bare number has no unit: say ${text}s, ${text}m, ${text}h or ${text}d.`
        : '';
      throw new InvalidArgumentError(
        `Expected a duration with its unit, at most ${max}: 30m, 24h, 7d, or 0 for none.${bare}`,
      );
    }
    return seconds;
  };
}

/** `7d`, `12h`, `90m`: the largest unit that divides it. */
function describeSeconds(seconds: number): string {
  for (const [unit, size] of [
    ['d', 86_400],
    ['h', 3600],
    ['m', 60],
  ] as const) {
    if (seconds % size === 0) return `${seconds / size}${unit}`;
  }
  return `${seconds}s`;
}

/** `--grace`: how long the old key keeps working, 0 to 7d (SPEC §5). */
export const parseGrace = durationParser(MAX_GRACE_SECONDS);

const DATE_TIME =
  /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * `--expires-at`: an ISO 8601 date (`2027-01-31`, midnight UTC) or date-time
 * (`2027-01-31T18:00:00Z`, `…+02:00`; without a zone, local time). Sent as UTC.
 */
export function parseDateTime(value: string): string {
  const text = value.trim();
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(text);
  const time = DATE_TIME.test(text)
    ? Date.parse(dateOnly ? `${text}T00:00:00Z` : text)
    : Number.NaN;
  if (Number.isNaN(time)) {
    throw new InvalidArgumentError(
      'Expected a date or date-time such as 2027-01-31 or 2027-01-31T18:00:00Z.',
    );
  }
  return new Date(time).toISOString();
}

/** `--events a,b` (commas and/or spaces), or `*` / `all` for every event, present and future. */
export function parseEvents(value: string): Array<WebhookEventType | '*'> {
  const names = value.split(/[\s,]+/).filter(Boolean);
  if (names.length === 0) {
    throw new InvalidArgumentError('Name at least one event, or all.');
  }
  if (names.some((name) => name === '*' || name === 'all')) return ['*'];
  const unknown = names.filter((name) => !isWebhookEventType(name));
  if (unknown.length > 0) {
    throw new InvalidArgumentError(
      `Unknown event${unknown.length === 1 ? '' : 's'} ${unknown.map((e) => `"${e}"`).join(', ')}. Valid events: ${WEBHOOK_EVENT_TYPES.join(', ')}, or all.`,
    );
  }
  return [...new Set(names as WebhookEventType[])].sort();
}
