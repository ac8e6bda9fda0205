import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateApiKey, generateServiceToken } from '@onepin/core';

/** A key the fake server knows. */
export interface FakeKey {
  id: string;
  plaintext: string;
  hash: string;
  name: string;
  workspaceId: string;
  workspaceName: string;
  scopes: string[];
  rateLimitPerMin: number;
  expiresAt: string | null;
  revoked: boolean;
}

export interface FakeOnePinOptions {
  /** The clock of the rate-limit windows and expiries (Date.now by default). */
  now?: () => number;
  heartbeatMs?: number;
}

/** A service token, made at run time. */
export function makeServiceToken(): string {
  return generateServiceToken();
}

const WINDOW_MS = 60_000;

/**
 * The verify endpoints of the OnePin server as the wire contract of issue #14 describes them,
 * on a real `node:http` server at 127.0.0.1 and a free port: `POST /api/v1/keys/verify`,
 * `/usage` and the `GET /api/v1/keys/verify/events` stream (ready, invalidate, reset,
 * heartbeats, `Last-Event-ID`). It counts what it was asked, so tests can say how often the
 * verifier reached it.
 */
export class FakeOnePin {
  readonly serviceToken = makeServiceToken();
  readonly keys = new Map<string, FakeKey>();
  /** Requests by endpoint. */
  readonly calls = { verify: 0, usage: 0, events: 0 };
  /** Every count reported to /usage, by key id. */
  readonly reported = new Map<string, number>();
  /** Refuse every request with this status (e.g. 503), or serve normally (null). */
  failWith: number | null = null;
  /** Stop sending heartbeats, as a dead peer behind a proxy would. */
  silent = false;
  /** Delay the answers of POST /verify by this long. */
  verifyDelayMs = 0;
  url = '';

  readonly #server: Server;
  readonly #now: () => number;
  readonly #heartbeatMs: number;
  readonly #streams = new Set<ServerResponse>();
  readonly #events: { seq: number; hash: string; reason: string }[] = [];
  #seq = 100;
  /** Events at or below this seq were pruned: a client asking for one gets `reset`. */
  #prunedThrough = 0;
  /** Per key id: the window's start and how many requests it counted. */
  readonly #windows = new Map<string, { start: number; used: number }>();
  #keyCounter = 0;

  constructor(options: FakeOnePinOptions = {}) {
    this.#now = options.now ?? Date.now;
    this.#heartbeatMs = options.heartbeatMs ?? 15_000;
    this.#server = createServer((req, res) => {
      this.#route(req, res).catch(() => {
        if (!res.headersSent) res.writeHead(500).end();
      });
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.dropStreams();
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  addKey(
    options: {
      scopes?: string[];
      workspaceId?: string;
      rateLimitPerMin?: number;
      expiresAt?: string | null;
    } = {},
  ): FakeKey {
    const plaintext = generateApiKey('live');
    const key: FakeKey = {
      id: `key_${++this.#keyCounter}`,
      plaintext,
      hash: createHash('sha256').update(plaintext).digest('hex'),
      name: `key ${this.#keyCounter}`,
      workspaceId: options.workspaceId ?? 'ws_1',
      workspaceName: 'Acme',
      scopes: options.scopes ?? [],
      rateLimitPerMin: options.rateLimitPerMin ?? 1000,
      expiresAt: options.expiresAt ?? null,
      revoked: false,
    };
    this.keys.set(plaintext, key);
    return key;
  }

  /** Revokes the key and tells the streams (unless `silently`, as if the event were lost). */
  revoke(key: FakeKey, silently = false): void {
    key.revoked = true;
    this.#events.push({ seq: ++this.#seq, hash: key.hash, reason: 'revoked' });
    if (!silently) this.#broadcast(this.#seq, key.hash, 'revoked');
  }

  /** Forgets every event so far: a client resuming from one of them gets `reset`. */
  pruneEvents(): void {
    this.#prunedThrough = this.#seq;
    this.#events.length = 0;
  }

  /** Cuts every open events stream, as a restart or a proxy would. */
  dropStreams(): void {
    for (const res of this.#streams) res.destroy();
    this.#streams.clear();
  }

  get openStreams(): number {
    return this.#streams.size;
  }

  /** The requests the server counted in the key's current window. */
  used(key: FakeKey): number {
    const window = this.#windows.get(key.id);
    return window && window.start === this.#windowStart() ? window.used : 0;
  }

  #windowStart(): number {
    return Math.floor(this.#now() / WINDOW_MS) * WINDOW_MS;
  }

  /** Consumes `count` of the key's limit (the count floors at the limit); whether it fitted. */
  #consume(
    key: FakeKey,
    count: number,
  ): { allowed: boolean; limit: number; remaining: number; reset: number } {
    const start = this.#windowStart();
    let window = this.#windows.get(key.id);
    if (window === undefined || window.start !== start) {
      window = { start, used: 0 };
      this.#windows.set(key.id, window);
    }
    const allowed = window.used + count <= key.rateLimitPerMin;
    window.used = Math.min(key.rateLimitPerMin, window.used + count);
    return {
      allowed,
      limit: key.rateLimitPerMin,
      remaining: key.rateLimitPerMin - window.used,
      reset: (start + WINDOW_MS) / 1000,
    };
  }

  #usable(key: FakeKey | undefined): key is FakeKey {
    return (
      key !== undefined &&
      !key.revoked &&
      (key.expiresAt === null || Date.parse(key.expiresAt) > this.#now())
    );
  }

  async #route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.headers.authorization !== `Bearer ${this.serviceToken}`) {
      return json(res, 401, {
        error: {
          code: 'INVALID_API_KEY',
          message: 'This endpoint takes a service token (op_svc_…).',
        },
      });
    }
    if (this.failWith !== null) {
      return json(res, this.failWith, { error: { code: 'SERVICE_UNAVAILABLE', message: '' } });
    }
    const url = new URL(req.url ?? '/', 'http://x');
    if (req.method === 'GET' && url.pathname === '/api/v1/keys/verify/events') {
      return this.#stream(req, res, url);
    }
    const body = JSON.parse((await readBody(req)) || 'null');
    if (req.method === 'POST' && url.pathname === '/api/v1/keys/verify') {
      this.calls.verify++;
      if (this.verifyDelayMs > 0) await new Promise((r) => setTimeout(r, this.verifyDelayMs));
      return json(res, 200, { data: this.#verify(body) });
    }
    if (req.method === 'POST' && url.pathname === '/api/v1/keys/verify/usage') {
      this.calls.usage++;
      const results = (body.usage as { key_id: string; count: number }[]).map(
        ({ key_id, count }) => {
          this.reported.set(key_id, (this.reported.get(key_id) ?? 0) + count);
          const key = [...this.keys.values()].find((k) => k.id === key_id);
          if (!this.#usable(key)) return { key_id, valid: false, rate_limit: null };
          const { limit, remaining, reset } = this.#consume(key, count);
          return { key_id, valid: true, rate_limit: { limit, remaining, reset } };
        },
      );
      return json(res, 200, { data: { results } });
    }
    return json(res, 404, { error: { code: 'NOT_FOUND', message: 'Not found.' } });
  }

  #verify(body: { key: string; scopes?: string[]; workspace_id?: string }) {
    const key = this.keys.get(body.key);
    if (!this.#usable(key)) {
      return { valid: false, code: 'INVALID', missing_scopes: [], key: null, rate_limit: null };
    }
    const { allowed, limit, remaining, reset } = this.#consume(key, 1);
    const missing = (body.scopes ?? []).filter((scope) => !key.scopes.includes(scope));
    const code = !allowed
      ? 'RATE_LIMITED'
      : body.workspace_id !== undefined && body.workspace_id !== key.workspaceId
        ? 'WORKSPACE_MISMATCH'
        : missing.length > 0
          ? 'INSUFFICIENT_SCOPE'
          : 'VALID';
    return {
      valid: code === 'VALID',
      code,
      missing_scopes: code === 'INSUFFICIENT_SCOPE' ? missing : [],
      key: {
        id: key.id,
        name: key.name,
        workspace_id: key.workspaceId,
        workspace_name: key.workspaceName,
        key_type: 'live',
        scopes: key.scopes,
        expires_at: key.expiresAt,
      },
      rate_limit: { limit, remaining, reset },
    };
  }

  #stream(req: IncomingMessage, res: ServerResponse, url: URL): void {
    this.calls.events++;
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
    const from = req.headers['last-event-id'] ?? url.searchParams.get('last_event_id');
    if (typeof from === 'string') {
      const seq = Number(from);
      if (!Number.isInteger(seq) || seq <= this.#prunedThrough || seq > this.#seq) {
        res.write('event: reset\ndata: {"reason":"history no longer available"}\n\n');
      } else {
        for (const event of this.#events.filter((e) => e.seq > seq)) {
          res.write(frame(event.seq, event.hash, event.reason));
        }
      }
    }
    res.write(`id: ${this.#seq}\nevent: ready\ndata: {"heartbeat_ms":${this.#heartbeatMs}}\n\n`);
    const heartbeat = setInterval(() => {
      if (!this.silent) res.write(': heartbeat\n\n');
    }, this.#heartbeatMs);
    this.#streams.add(res);
    res.on('close', () => {
      clearInterval(heartbeat);
      this.#streams.delete(res);
    });
  }

  #broadcast(seq: number, hash: string, reason: string): void {
    for (const res of this.#streams) res.write(frame(seq, hash, reason));
  }
}

function frame(seq: number, hash: string, reason: string): string {
  return `id: ${seq}\nevent: invalidate\ndata: ${JSON.stringify({ key_hash: hash, reason })}\n\n`;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of req) text += chunk;
  return text;
}
