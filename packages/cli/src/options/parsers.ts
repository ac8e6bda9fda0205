import {
  isScope,
  isWebhookEventType,
  SCOPES,
  type Scope,
  WEBHOOK_EVENT_TYPES,
  type WebhookEventType,
} from '@onepin/core';
import { InvalidArgumentError } from 'commander';

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

/** `--scopes a,b` (commas and/or spaces); empty means none. Unknown scopes list the valid ones. */
export function parseScopes(value: string): Scope[] {
  const names = value.split(/[\s,]+/).filter(Boolean);
  const unknown = names.filter((name) => !isScope(name));
  if (unknown.length > 0) {
    throw new InvalidArgumentError(
      `Unknown scope${unknown.length === 1 ? '' : 's'} ${unknown.map((s) => `"${s}"`).join(', ')}. Valid scopes: ${SCOPES.join(', ')}.`,
    );
  }
  return [...new Set(names as Scope[])].sort();
}

/** The longest grace period of a rotation: 7 days (SPEC §5). */
export const MAX_GRACE_SECONDS = 604_800;
const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86_400 } as const;

/** `--grace`: seconds (0–604800) or a duration such as `90s`, `15m`, `24h`, `7d`. */
export function parseGrace(value: string): number {
  const match = /^(\d+)\s*([smhd]?)$/i.exec(value.trim());
  const unit = (match?.[2]?.toLowerCase() || 's') as keyof typeof UNIT_SECONDS;
  const seconds = match ? Number(match[1]) * UNIT_SECONDS[unit] : Number.NaN;
  if (!Number.isSafeInteger(seconds) || seconds > MAX_GRACE_SECONDS) {
    throw new InvalidArgumentError(
      'Expected seconds from 0 to 604800, or a duration such as 15m, 24h or 7d (at most 7d).',
    );
  }
  return seconds;
}

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
