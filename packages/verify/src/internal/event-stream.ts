import { SseParser } from './sse-parser.js';

export interface KeyEventHandlers {
  /** The stream is (again) live: everything after `id` will come. */
  onReady(heartbeatMs: number | null): void;
  onInvalidate(keyHash: string): void;
  /** The server cannot replay what was missed: forget every key. */
  onReset(): void;
  onError(error: Error): void;
}

export interface KeyEventStreamOptions {
  url: string;
  authorization: string;
  fetch: typeof fetch;
  handlers: KeyEventHandlers;
  /** The first reconnection delay; it doubles per failed attempt up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
}

/**
 * `GET /api/v1/keys/verify/events`, kept open: reconnects with exponential backoff (and
 * jitter) and `Last-Event-ID`, and gives up on a connection that stays silent for two
 * heartbeats (a dead peer behind a proxy looks exactly like a quiet stream otherwise).
 */
export class KeyEventStream {
  readonly #options: KeyEventStreamOptions;
  #lastEventId: string | undefined;
  #closed = false;
  #controller: AbortController | undefined;
  #sleepTimer: NodeJS.Timeout | undefined;
  #wakeSleep: (() => void) | undefined;
  #watchdog: NodeJS.Timeout | undefined;
  #silenceLimitMs = 0;
  #failures = 0;
  #serverDelayMs: number | undefined;
  #running: Promise<void> | undefined;

  constructor(options: KeyEventStreamOptions) {
    this.#options = options;
  }

  start(): void {
    this.#running ??= this.#run();
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#controller?.abort();
    clearTimeout(this.#sleepTimer);
    clearTimeout(this.#watchdog);
    this.#wakeSleep?.();
    await this.#running;
  }

  async #run(): Promise<void> {
    while (!this.#closed) {
      try {
        await this.#connect();
        if (!this.#closed) this.#options.handlers.onError(new Error('the events stream ended'));
      } catch (error) {
        if (!this.#closed) this.#options.handlers.onError(asError(error));
      }
      clearTimeout(this.#watchdog);
      if (this.#closed) break;
      this.#failures++;
      await this.#sleep(this.#delay());
    }
  }

  async #connect(): Promise<void> {
    const controller = new AbortController();
    this.#controller = controller;
    const headers: Record<string, string> = {
      authorization: this.#options.authorization,
      accept: 'text/event-stream',
    };
    if (this.#lastEventId !== undefined) headers['last-event-id'] = this.#lastEventId;
    const response = await this.#options.fetch(this.#options.url, {
      headers,
      signal: controller.signal,
    });
    if (!response.ok || response.body === null) {
      await response.body?.cancel().catch(() => {});
      throw new Error(`the events stream answered ${response.status}`);
    }
    const parser = new SseParser({
      onEvent: (event) => {
        if (event.id !== undefined) this.#lastEventId = event.id;
        this.#handle(event.event, event.data);
      },
      onRetry: (ms) => {
        this.#serverDelayMs = ms;
      },
    });
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    this.#silenceLimitMs = 0;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        this.#alive(controller);
        parser.feed(value);
      }
    } finally {
      controller.abort();
    }
  }

  #handle(event: string, data: string): void {
    const { handlers } = this.#options;
    if (event === 'ready') {
      const heartbeatMs = (parseJson(data) as { heartbeat_ms?: unknown } | null)?.heartbeat_ms;
      const heartbeat = typeof heartbeatMs === 'number' && heartbeatMs > 0 ? heartbeatMs : null;
      this.#failures = 0;
      if (heartbeat !== null) this.#silenceLimitMs = 2 * heartbeat + 1000;
      handlers.onReady(heartbeat);
    } else if (event === 'invalidate') {
      const keyHash = (parseJson(data) as { key_hash?: unknown } | null)?.key_hash;
      if (typeof keyHash === 'string') handlers.onInvalidate(keyHash.toLowerCase());
    } else if (event === 'reset') {
      handlers.onReset();
    }
  }

  /** Rearms the silence watchdog: bytes (a heartbeat, an event) arrived. */
  #alive(controller: AbortController): void {
    if (this.#silenceLimitMs === 0) return;
    clearTimeout(this.#watchdog);
    this.#watchdog = setTimeout(() => controller.abort(), this.#silenceLimitMs);
    this.#watchdog.unref();
  }

  #delay(): number {
    const { baseDelayMs, maxDelayMs } = this.#options;
    const exponential = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.min(this.#failures - 1, 16));
    const base = Math.max(this.#serverDelayMs ?? 0, exponential);
    return Math.round(base * (0.8 + Math.random() * 0.4));
  }

  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.#wakeSleep = resolve;
      this.#sleepTimer = setTimeout(resolve, ms);
      this.#sleepTimer.unref();
    });
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
