import { OnePinConfigurationError } from './errors.js';
import {
  checkMaxRetries,
  checkTimeout,
  checkToken,
  checkWorkspaceId,
  maskToken,
  normalizeBaseUrl,
} from './internal/config.js';
import { sleep } from './internal/sleep.js';
import { type Fetch, Transport } from './internal/transport.js';
import { Activity } from './resources/activity.js';
import { ApiKeys } from './resources/api-keys.js';
import { Auth } from './resources/auth.js';
import { Keys } from './resources/keys.js';
import { Scopes } from './resources/scopes.js';
import { Templates } from './resources/templates.js';
import { Uploads } from './resources/uploads.js';
import { Webhooks } from './resources/webhooks.js';
import { Workflows } from './resources/workflows.js';
import { CurrentWorkspace } from './resources/workspace.js';

export interface ClientOptions {
  /**
   * The API key (`op_live_…` or `op_test_…`). The SDK never reads the environment itself:
   * pass `process.env.ONEPIN_API_KEY` (or a value from your secret store). Checked at once.
   */
  token?: string | null | undefined;
  /** The server, `http://127.0.0.1:8000` by default. Only http and https. */
  baseUrl?: string | null | undefined;
  /** Sent as `X-Workspace-Id`; the server refuses it (403) when it is not the key's workspace. */
  workspaceId?: string | null | undefined;
  /** Milliseconds each attempt may take (default 60 000; uploads get at least 10 minutes). */
  timeoutMs?: number | undefined;
  /** How often an idempotent request is retried on a connection error, 408, 429 or 5xx (default 2). */
  maxRetries?: number | undefined;
  /** The `fetch` to use (default: the global one), e.g. `(request) => app.request(request)`. */
  fetch?: Fetch | undefined;
  /** @internal Waits between retries; tests replace it to observe the delays. */
  sleep?: ((ms: number, signal?: AbortSignal) => Promise<void>) | undefined;
  /** @internal The jitter source, a number in [0, 1). */
  random?: (() => number) | undefined;
}

const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/**
 * The OnePin API client. Every method resolves to the envelope's `data`; list methods return
 * pages you can also iterate with `for await` across all pages. Errors are `OnePinError`s.
 *
 * @example
 * const client = new OnePinClient({ token: process.env.ONEPIN_API_KEY });
 * const me = await client.auth.whoami();
 */
export class OnePinClient {
  /** `whoami`: who the token belongs to. */
  readonly auth: Auth;
  /** The workspace's API keys: list, create, update, rotate, revoke. */
  readonly apiKeys: ApiKeys;
  /** The verify API (`verify`, `verifyBatch`), for a client whose token is a service token. */
  readonly keys: Keys;
  /** Workflows: list, create, update, replace, delete, duplicate, their uploads. */
  readonly workflows: Workflows;
  /** Templates: list, show, clone into a workflow. */
  readonly templates: Templates;
  /** Uploads: create (sends the bytes), confirm, delete. */
  readonly uploads: Uploads;
  /** The token's workspace. */
  readonly workspace: CurrentWorkspace;
  /** The workspace's audit log. */
  readonly activity: Activity;
  /** Webhooks: list, create, update, delete, rotate their secret, deliveries, redeliver. */
  readonly webhooks: Webhooks;
  /** The scopes keys can hold on this server, the operator's own included. */
  readonly scopes: Scopes;

  /** The server's base URL, without a trailing slash. */
  readonly baseUrl: string;
  readonly workspaceId: string | undefined;
  readonly timeoutMs: number;
  readonly maxRetries: number;

  readonly #options: ClientOptions;
  readonly #tokenPreview: string;

  /** Checks the options (a missing or malformed token throws `OnePinConfigurationError`). */
  constructor(options: ClientOptions) {
    if (typeof options !== 'object' || options === null) {
      throw new OnePinConfigurationError(
        'Pass the client options, e.g. new OnePinClient({ token: process.env.ONEPIN_API_KEY }).',
      );
    }
    const token = checkToken(options.token);
    this.#tokenPreview = maskToken(token);
    this.baseUrl = normalizeBaseUrl(options.baseUrl);
    this.workspaceId = checkWorkspaceId(options.workspaceId);
    this.timeoutMs = checkTimeout(options.timeoutMs);
    this.maxRetries = checkMaxRetries(options.maxRetries);
    const fetch = options.fetch ?? defaultFetch();
    this.#options = { ...options };

    const transport = new Transport({
      token: options.token as string,
      baseUrl: this.baseUrl,
      workspaceId: this.workspaceId,
      timeoutMs: this.timeoutMs,
      maxRetries: this.maxRetries,
      fetch,
      sleep: options.sleep ?? sleep,
      random: options.random ?? Math.random,
    });
    this.auth = new Auth(transport);
    this.apiKeys = new ApiKeys(transport);
    this.keys = new Keys(transport);
    this.workflows = new Workflows(transport);
    this.templates = new Templates(transport);
    this.uploads = new Uploads(transport);
    this.workspace = new CurrentWorkspace(transport);
    this.activity = new Activity(transport);
    this.webhooks = new Webhooks(transport);
    this.scopes = new Scopes(transport);
  }

  /**
   * A new client with some options changed and the rest (the token included) kept.
   *
   * @example const patient = client.withOptions({ timeoutMs: 120_000, maxRetries: 5 });
   */
  withOptions(overrides: ClientOptions): OnePinClient {
    return new OnePinClient({ ...this.#options, ...overrides });
  }

  /** The token in the form that is safe to show: `op_live_…AbCd`. */
  get tokenPreview(): string {
    return this.#tokenPreview;
  }

  /** The configuration, with the token masked, for logs. */
  toJSON(): Record<string, unknown> {
    return {
      baseUrl: this.baseUrl,
      token: this.#tokenPreview,
      workspaceId: this.workspaceId ?? null,
      timeoutMs: this.timeoutMs,
      maxRetries: this.maxRetries,
    };
  }

  toString(): string {
    return `OnePinClient(${this.baseUrl}, ${this.#tokenPreview})`;
  }

  /** What `console.log(client)` shows in Node: the masked configuration only. */
  [INSPECT](): string {
    const fields = Object.entries(this.toJSON())
      .map(([name, value]) => `${name}: ${JSON.stringify(value)}`)
      .join(', ');
    return `OnePinClient { ${fields} }`;
  }
}

function defaultFetch(): Fetch {
  if (typeof globalThis.fetch !== 'function') {
    throw new OnePinConfigurationError(
      'No global fetch in this runtime (Node ≥ 20 and browsers have one); pass options.fetch.',
    );
  }
  // Looked up on each call, so a fetch installed later (a test double, a polyfill) is used.
  return (request) => globalThis.fetch(request);
}
