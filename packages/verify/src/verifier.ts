import * as crypto from 'node:crypto';
import { API_KEY_LENGTH, parseApiKey, parseServiceToken } from '@onepin/core';
import { VerifierConfigurationError, VerifierUnavailableError } from './errors.js';
import { KeyEventStream } from './internal/event-stream.js';
import { type UsageAnswer, type VerifyAnswer, VerifyApi } from './internal/wire.js';
import type { RateLimitInfo, VerifiedKeyInfo, VerifyOptions, VerifyResult } from './types.js';

export interface VerifierOptions {
  /** Where the OnePin server is, e.g. `https://keys.example.com` (a path prefix is kept). */
  baseUrl: string;
  /** A service token (`op_svc_…`) made with `onepin-server admin create-service-token`. */
  serviceToken: string;
  /** The longest a verified key is served from memory without asking again (60 s). */
  cacheTtlMs?: number;
  /** How often the keys' use is reported to the server (1 s): the overshoot bound. */
  reportIntervalMs?: number;
  /** Follow the server's key-change stream, so a revoked key is refused within ~1 s (true). */
  events?: boolean;
  /** A verification the server has not answered after this long is a 503 (5 s). */
  timeoutMs?: number;
  /** At most this many keys are kept in memory (100,000; the oldest go first). */
  maxCachedKeys?: number;
  /** `fetch` to use (the global one by default). */
  fetch?: typeof fetch;
  /** Told when the events stream drops or a usage report fails (nothing by default). */
  onError?: (error: Error) => void;
  /** @internal The clock, in epoch milliseconds, for tests. */
  now?: () => number;
  /** @internal Runs `task` every `everyMs` (an unref'd `setInterval` by default), for tests. */
  schedule?: (task: () => Promise<void>, everyMs: number) => { cancel(): void };
  /** @internal The first reconnection delay of the events stream (250 ms). */
  reconnectDelayMs?: number;
}

/** Verifies OnePin keys with a local cache; see `createVerifier`. */
export interface Verifier {
  /**
   * Whether `key` may be used with `scopes` in `workspaceId`. Malformed keys are INVALID at
   * once; a key seen before is answered from memory (its rate limit counted here); any
   * other asks the server once, however many calls wait for it. Rejects with
   * `VerifierUnavailableError` when the server cannot answer for a key not in memory.
   */
  verify(key: string, options?: VerifyOptions): Promise<VerifyResult>;
  /** Reports the use counted so far now, instead of at the next interval. */
  flush(): Promise<void>;
  /** Reports what is left to report, stops the timer and the events stream. */
  close(): Promise<void>;
}

/** One key this process has verified (or found invalid), by the SHA-256 of its plaintext. */
interface CacheEntry {
  readonly key: VerifiedKeyInfo | null;
  /** Served from memory until then: the TTL, never past the key's own expiry. */
  readonly staleAtMs: number;
  budget: Budget | null;
}

/** The key's rate limit as counted here: the server's last word minus the use since. */
interface Budget {
  limit: number;
  remaining: number;
  resetMs: number;
}

/** A first sight being asked of the server; `stale` when the key changed meanwhile. */
interface Flight {
  readonly promise: Promise<{ entry: CacheEntry; answer: VerifyAnswer }>;
  stale: boolean;
}

/** The server counts rate limits in minute windows aligned to the clock. */
const RATE_WINDOW_MS = 60_000;
/** `count` of one usage entry is at most this, and a report carries at most 1000 entries. */
const MAX_USAGE_COUNT = 1_000_000;
const MAX_USAGE_ENTRIES = 1000;

const INVALID: VerifyResult = Object.freeze({
  valid: false,
  code: 'INVALID',
  missingScopes: Object.freeze([]),
  key: null,
  rateLimit: null,
});
const NO_SCOPES: readonly string[] = Object.freeze([]);

/**
 * A verifier of OnePin keys for another service. Keys are cached by their SHA-256; the
 * server's key-change stream drops a changed key at once (and everything on a reset or a
 * reconnection); a cached key's rate limit is counted here against the server's last
 * answer and reported at least every `reportIntervalMs`, so the server's count lags by at
 * most one interval of this process's traffic. Call `close()` when done.
 */
export function createVerifier(options: VerifierOptions): Verifier {
  const baseUrl = checkBaseUrl(options.baseUrl);
  checkServiceToken(options.serviceToken);
  const cacheTtlMs = options.cacheTtlMs ?? 60_000;
  const reportIntervalMs = options.reportIntervalMs ?? 1000;
  const maxCachedKeys = options.maxCachedKeys ?? 100_000;
  const now = options.now ?? Date.now;
  const onError = options.onError ?? (() => {});
  const api = new VerifyApi(
    baseUrl,
    options.serviceToken,
    options.fetch ?? globalThis.fetch,
    options.timeoutMs ?? 5000,
  );

  const cache = new Map<string, CacheEntry>();
  const hashByKeyId = new Map<string, string>();
  const flights = new Map<string, Flight>();
  /** Use counted since the last report was sent, by key id. */
  let unreported = new Map<string, number>();
  /** Bumped whenever the whole cache is dropped: an answer asked before must not be cached. */
  let generation = 0;
  let closed = false;
  let reporting: Promise<void> | null = null;

  function forget(hash: string): void {
    const entry = cache.get(hash);
    if (entry !== undefined) {
      cache.delete(hash);
      if (entry.key !== null && hashByKeyId.get(entry.key.id) === hash) {
        hashByKeyId.delete(entry.key.id);
      }
    }
    const flight = flights.get(hash);
    if (flight !== undefined) flight.stale = true;
  }

  function forgetAll(): void {
    generation++;
    cache.clear();
    hashByKeyId.clear();
    for (const flight of flights.values()) flight.stale = true;
  }

  function remember(hash: string, entry: CacheEntry): void {
    if (cache.size >= maxCachedKeys) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) forget(oldest);
    }
    cache.set(hash, entry);
    if (entry.key !== null) hashByKeyId.set(entry.key.id, hash);
  }

  function entryOf(answer: VerifyAnswer, at: number): CacheEntry {
    let staleAtMs = at + cacheTtlMs;
    if (answer.key?.expiresAt) {
      const expiry = Date.parse(answer.key.expiresAt);
      if (Number.isFinite(expiry)) staleAtMs = Math.min(staleAtMs, expiry);
    }
    const rate = answer.rateLimit;
    return {
      key: answer.key,
      staleAtMs,
      budget:
        rate === null
          ? null
          : { limit: rate.limit, remaining: rate.remaining, resetMs: rate.reset * 1000 },
    };
  }

  /** Asks the server about a key no call is asking about yet. */
  function lookUp(key: string, hash: string, options: VerifyOptions): Flight {
    const asked = generation;
    const flight: Flight = {
      stale: false,
      promise: api.verify(key, options.scopes ?? NO_SCOPES, options.workspaceId).then((answer) => {
        const entry = entryOf(answer, now());
        if (!flight.stale && asked === generation && !closed && entry.staleAtMs > now()) {
          remember(hash, entry);
        }
        return { entry, answer };
      }),
    };
    flights.set(hash, flight);
    const done = () => {
      if (flights.get(hash) === flight) flights.delete(hash);
    };
    flight.promise.then(done, done);
    return flight;
  }

  /** A cached key's answer: its rate limit counted here, then workspace, then scopes. */
  function answerLocally(entry: CacheEntry, options: VerifyOptions, at: number): VerifyResult {
    const key = entry.key;
    if (key === null) return INVALID;
    const budget = entry.budget;
    if (budget !== null) {
      if (at >= budget.resetMs) {
        // A new window began: the server's count starts again too.
        budget.resetMs += Math.ceil((at - budget.resetMs + 1) / RATE_WINDOW_MS) * RATE_WINDOW_MS;
        budget.remaining = budget.limit;
      }
      if (budget.remaining <= 0) return judge(key, budget, options, true);
      budget.remaining--;
    }
    unreported.set(key.id, (unreported.get(key.id) ?? 0) + 1);
    return judge(key, budget, options, false);
  }

  async function report(): Promise<void> {
    if (unreported.size === 0) return;
    const sent = unreported;
    unreported = new Map();
    const entries = [...sent].map(([key_id, count]) => ({
      key_id,
      count: Math.min(count, MAX_USAGE_COUNT),
    }));
    try {
      for (let i = 0; i < entries.length; i += MAX_USAGE_ENTRIES) {
        const chunk = entries.slice(i, i + MAX_USAGE_ENTRIES);
        const answers = await api.usage(chunk);
        for (const answer of answers) applyUsageAnswer(answer);
        for (const { key_id } of chunk) sent.delete(key_id);
      }
    } catch (error) {
      // Counted again with the next report: use is never lost to a failed one.
      for (const [keyId, count] of sent) {
        unreported.set(keyId, (unreported.get(keyId) ?? 0) + count);
      }
      onError(error instanceof Error ? error : new Error(String(error)));
    }
  }

  /** The server's count replaces ours, less what was used here since the report left. */
  function applyUsageAnswer(answer: UsageAnswer): void {
    const hash = hashByKeyId.get(answer.keyId);
    if (hash === undefined) return;
    if (!answer.valid) {
      forget(hash);
      return;
    }
    const entry = cache.get(hash);
    const rate = answer.rateLimit;
    if (entry === undefined || rate === null) return;
    const since = unreported.get(answer.keyId) ?? 0;
    entry.budget = {
      limit: rate.limit,
      remaining: Math.max(0, rate.remaining - since),
      resetMs: rate.reset * 1000,
    };
  }

  /** The timer's report: one at a time, so a slow server does not pile them up. */
  function reportOnce(): Promise<void> {
    reporting ??= report().finally(() => {
      reporting = null;
    });
    return reporting;
  }

  /** Reports everything counted until now, after the report in flight if there is one. */
  async function flush(): Promise<void> {
    if (reporting !== null) await reporting;
    await reportOnce();
  }

  const ticker = (options.schedule ?? everyInterval)(reportOnce, reportIntervalMs);

  const stream =
    options.events === false
      ? null
      : new KeyEventStream({
          url: api.url('/api/v1/keys/verify/events'),
          authorization: api.authorization,
          fetch: options.fetch ?? globalThis.fetch,
          baseDelayMs: options.reconnectDelayMs ?? 250,
          maxDelayMs: 30_000,
          handlers: {
            // Changes made while the stream was down may be missing: start afresh.
            onReady: () => forgetAll(),
            onReset: () => forgetAll(),
            onInvalidate: (hash) => forget(hash),
            onError,
          },
        });
  stream?.start();

  return {
    async verify(key: string, options: VerifyOptions = {}): Promise<VerifyResult> {
      if (closed) throw new VerifierUnavailableError('The verifier is closed.');
      if (typeof key !== 'string' || key.length !== API_KEY_LENGTH) return INVALID;
      const hash = sha256Hex(key);
      const at = now();
      // Only checked keys are ever cached, so a hit needs no second look at the checksum.
      const entry = cache.get(hash);
      if (entry !== undefined) {
        if (at < entry.staleAtMs) return answerLocally(entry, options, at);
        forget(hash);
      }
      // Shape and checksum before any network: a typo or a made-up key costs no request.
      if (parseApiKey(key) === null) return INVALID;
      const waiting = flights.get(hash);
      if (waiting !== undefined) {
        const { entry: shared } = await waiting.promise;
        return answerLocally(shared, options, now());
      }
      const { entry: fresh, answer } = await lookUp(key, hash, options).promise;
      if (fresh.key === null) return INVALID;
      // The server counted this request already: judge it without counting it again.
      return judge(fresh.key, fresh.budget, options, answer.code === 'RATE_LIMITED');
    },
    flush,
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      ticker.cancel();
      await Promise.all([stream?.close(), flush()]);
      forgetAll();
    },
  };
}

function everyInterval(task: () => Promise<void>, everyMs: number): { cancel(): void } {
  const timer = setInterval(() => void task(), everyMs);
  // The reports alone must not keep a process alive.
  timer.unref();
  return { cancel: () => clearInterval(timer) };
}

/** The answer for a known key, in the server's order: rate limit, workspace, scopes. */
function judge(
  key: VerifiedKeyInfo,
  budget: Budget | null,
  options: VerifyOptions,
  rateLimited: boolean,
): VerifyResult {
  const rateLimit: RateLimitInfo | null =
    budget === null
      ? null
      : {
          limit: budget.limit,
          remaining: Math.max(0, budget.remaining),
          reset: Math.ceil(budget.resetMs / 1000),
        };
  if (rateLimited) {
    return { valid: false, code: 'RATE_LIMITED', missingScopes: NO_SCOPES, key, rateLimit };
  }
  if (options.workspaceId !== undefined && options.workspaceId !== key.workspaceId) {
    return { valid: false, code: 'WORKSPACE_MISMATCH', missingScopes: NO_SCOPES, key, rateLimit };
  }
  const wanted = options.scopes ?? NO_SCOPES;
  if (wanted.length > 0) {
    let missing: string[] | undefined;
    for (const scope of wanted) {
      if (!key.scopes.includes(scope)) {
        missing ??= [];
        missing.push(scope);
      }
    }
    if (missing !== undefined) {
      return { valid: false, code: 'INSUFFICIENT_SCOPE', missingScopes: missing, key, rateLimit };
    }
  }
  return { valid: true, code: 'VALID', missingScopes: NO_SCOPES, key, rateLimit };
}

/** One-shot `crypto.hash` where Node has it (≥ 20.12): about twice as fast as `createHash`. */
const oneShotHash = (
  crypto as { hash?: (algorithm: string, data: string, encoding: 'hex') => string }
).hash;

export function sha256Hex(text: string): string {
  return oneShotHash
    ? oneShotHash('sha256', text, 'hex')
    : crypto.createHash('sha256').update(text).digest('hex');
}

function checkBaseUrl(value: unknown): string {
  if (typeof value !== 'string' || value === '') {
    throw new VerifierConfigurationError('baseUrl is required (the OnePin server, https://…).');
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new VerifierConfigurationError(`baseUrl is not a URL: ${value}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new VerifierConfigurationError('baseUrl must be an http: or https: URL.');
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** Shape and checksum, as API keys: a typo fails here rather than as 503s later. */
function checkServiceToken(value: unknown): void {
  if (typeof value !== 'string' || parseServiceToken(value) === null) {
    throw new VerifierConfigurationError(
      'serviceToken must be a OnePin service token (op_svc_ and 32 characters, from `onepin-server admin create-service-token`).',
    );
  }
}
