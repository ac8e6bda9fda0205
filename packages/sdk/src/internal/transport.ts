import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  OnePinError,
} from '../errors.js';
import {
  backoffDelayMs,
  isIdempotent,
  isRetryableStatus,
  MAX_RETRY_AFTER_MS,
  retryAfterMs,
} from './retry.js';

/** The `fetch` the client calls: given a `Request`, answers a `Response`. */
export type Fetch = (request: Request) => Promise<Response>;

/** Per-call options every SDK method accepts as its last argument. */
export interface RequestOptions {
  /** Aborts the call (and any retry wait); the call then rejects with `APIUserAbortError`. */
  signal?: AbortSignal | undefined;
  /** Milliseconds each attempt may take, overriding the client's `timeoutMs`. */
  timeoutMs?: number | undefined;
  /** Retries for this call, overriding the client's `maxRetries`. */
  maxRetries?: number | undefined;
  /** Extra request headers. */
  headers?: Record<string, string> | undefined;
}

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue | readonly QueryValue[]>;

/** What one SDK method asks of the transport. */
export interface RequestSpec {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** A path under the base URL (`/api/v1/…`), or an absolute URL when `authenticated` is false. */
  path: string;
  query?: Query | undefined;
  /** Sent as JSON. */
  json?: unknown;
  /** A raw body, made afresh for each attempt (a stream cannot be sent twice). */
  body?: (() => Promise<RawBody>) | undefined;
  /** Whether to send the token and workspace (default true). Signed upload URLs need neither. */
  authenticated?: boolean;
  /** Whether a failed attempt may be repeated (default: the method is idempotent). */
  retryable?: boolean;
  /** A floor for the client's `timeoutMs` (uploads take longer); a call's own `timeoutMs` wins. */
  minTimeoutMs?: number;
}

export interface RawBody {
  body: NonNullable<RequestInit['body']>;
  contentType: string;
  /** Whether the body is a stream (fetch then needs `duplex: 'half'`). */
  streaming: boolean;
}

export interface ApiResponse {
  response: Response;
  /** The parsed JSON body, the text when it is not JSON, or `null` when empty. */
  body: unknown;
}

export interface TransportConfig {
  token: string;
  baseUrl: string;
  workspaceId: string | undefined;
  timeoutMs: number;
  maxRetries: number;
  fetch: Fetch;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  random: () => number;
}

/**
 * Sends requests: URL, headers and body; one timeout per attempt combined with the caller's
 * signal; retries with backoff for idempotent calls; non-2xx answers become `APIError`s.
 * The token lives only in a private field and only ever goes into the `Authorization` header.
 */
export class Transport {
  readonly #config: TransportConfig;

  constructor(config: TransportConfig) {
    this.#config = config;
  }

  get baseUrl(): string {
    return this.#config.baseUrl;
  }

  /** Sends the request, retrying when allowed, and answers the 2xx response and its body. */
  async request(spec: RequestSpec, options: RequestOptions = {}): Promise<ApiResponse> {
    const maxRetries = options.maxRetries ?? this.#config.maxRetries;
    const retryable = spec.retryable ?? isIdempotent(spec.method);
    for (let retry = 0; ; retry++) {
      const mayRetry = retryable && retry < maxRetries;
      let result: ApiResponse;
      try {
        result = await this.#attempt(spec, options);
      } catch (error) {
        if (!(mayRetry && error instanceof APIConnectionError)) throw error;
        await this.#wait(backoffDelayMs(retry, this.#config.random), options.signal);
        continue;
      }
      const { response, body } = result;
      if (response.ok) return result;
      const delay =
        mayRetry && isRetryableStatus(response.status) ? this.#delay(retry, response) : null;
      if (delay === null) throw APIError.from(response.status, body, response.headers);
      await this.#wait(delay, options.signal);
    }
  }

  /** The server's `Retry-After` when it is reasonable, else backoff; `null`: do not retry. */
  #delay(retry: number, response: Response): number | null {
    const requested = retryAfterMs(response.headers, Date.now());
    if (requested === null) return backoffDelayMs(retry, this.#config.random);
    return requested <= MAX_RETRY_AFTER_MS ? requested : null;
  }

  async #wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
    try {
      await this.#config.sleep(ms, signal);
    } catch (error) {
      if (signal?.aborted) throw new APIUserAbortError(undefined, { cause: signal.reason });
      throw error;
    }
  }

  /** One try: send, then read the whole body, all under one timeout and the caller's signal. */
  async #attempt(spec: RequestSpec, options: RequestOptions): Promise<ApiResponse> {
    const { signal } = options;
    if (signal?.aborted) throw new APIUserAbortError(undefined, { cause: signal.reason });
    const timeoutMs = options.timeoutMs ?? Math.max(this.#config.timeoutMs, spec.minTimeoutMs ?? 0);
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onAbort = () => controller.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    const abortError = () =>
      timedOut
        ? new APIConnectionTimeoutError(`No answer within ${timeoutMs} ms.`)
        : new APIUserAbortError(undefined, { cause: signal?.reason });
    // Rejects on abort even when a custom fetch ignores the signal.
    const aborted = new Promise<never>((_, reject) => {
      controller.signal.addEventListener('abort', () => reject(abortError()), { once: true });
    });
    // Handled here too, for an abort that comes while the body is still being prepared.
    aborted.catch(() => {});
    try {
      const request = await this.#buildRequest(spec, options, controller.signal);
      if (controller.signal.aborted) throw abortError();
      let response: Response;
      try {
        response = await Promise.race([this.#config.fetch(request), aborted]);
      } catch (error) {
        if (error instanceof OnePinError) throw error;
        if (controller.signal.aborted) throw abortError();
        throw new APIConnectionError(
          `Could not reach ${new URL(request.url).origin}: ${describe(error)}`,
          { cause: error },
        );
      }
      const body = await Promise.race([readBody(response), aborted]).catch((error: unknown) => {
        if (error instanceof OnePinError) throw error;
        const message = `The connection broke while reading the answer: ${describe(error)}`;
        throw new APIConnectionError(message, { cause: error });
      });
      return { response, body };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  async #buildRequest(
    spec: RequestSpec,
    options: RequestOptions,
    signal: AbortSignal,
  ): Promise<Request> {
    const authenticated = spec.authenticated ?? true;
    const url = authenticated ? new URL(this.#config.baseUrl + spec.path) : new URL(spec.path);
    for (const [name, value] of Object.entries(spec.query ?? {})) {
      for (const item of Array.isArray(value) ? value : [value]) {
        if (item !== undefined && item !== null) url.searchParams.append(name, String(item));
      }
    }
    const headers = new Headers({ accept: 'application/json' });
    if (authenticated) {
      headers.set('authorization', `Bearer ${this.#config.token}`);
      if (this.#config.workspaceId) headers.set('x-workspace-id', this.#config.workspaceId);
    }
    const init: RequestInit & { duplex?: 'half' } = { method: spec.method, headers, signal };
    if (spec.json !== undefined) {
      headers.set('content-type', 'application/json');
      init.body = JSON.stringify(spec.json);
    } else if (spec.body) {
      const raw = await spec.body();
      headers.set('content-type', raw.contentType);
      init.body = raw.body;
      if (raw.streaming) init.duplex = 'half';
    }
    for (const [name, value] of Object.entries(options.headers ?? {})) {
      if (authenticated || name.toLowerCase() !== 'authorization') headers.set(name, value);
    }
    return new Request(url, init);
  }
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return null;
  if (!/\bjson\b/i.test(response.headers.get('content-type') ?? '')) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** A short reason for a network failure: `ECONNREFUSED`, or `fetch failed (bad port)`. */
function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  if (typeof cause?.code === 'string') return cause.code;
  const message = error instanceof Error ? error.message : String(error);
  return typeof cause?.message === 'string' ? `${message} (${cause.message})` : message;
}
