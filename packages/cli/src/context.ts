import { previewApiKey } from '@onepin/core';
import type { ClientOptions, Fetch, OnePinClient } from '@onepin/sdk';
import { loadSdk } from './api/sdk.js';
import type { ApiTarget } from './api/to-cli-error.js';
import { checkBaseUrl } from './credentials/check.js';
import { loadCredentialsFile } from './credentials/file.js';
import {
  baseUrlSourceLabel,
  type ResolvedCredentials,
  resolveBaseUrl,
  resolveCredentials,
  resolveProfile,
} from './credentials/resolve.js';
import { CliError } from './errors.js';
import type { CliIo } from './io.js';
import { Output } from './output/output.js';

/** The options every command accepts, before or after its name (SPEC §6). */
export interface GlobalOptions {
  apiKey?: string;
  baseUrl?: string;
  profile?: string;
  json?: boolean;
  /** `false` with --no-color. */
  color?: boolean;
  verbose?: boolean;
}

/** What the CLI does not decide itself; tests replace these, the real CLI uses the defaults. */
export interface CliDeps {
  /** SDK client options, e.g. `fetch: (request) => app.request(request)` to reach an app in process. */
  client?: Omit<ClientOptions, 'token' | 'baseUrl'>;
  /** The current time in epoch milliseconds (key ages, relative times). */
  now?: () => number;
  /** Opens a URL in the person's browser (`login --web`); resolves to whether it could. */
  openBrowser?: (url: string) => Promise<boolean>;
}

/** What a running command works with; built once per invocation. */
export class CliContext {
  readonly io: CliIo;
  readonly deps: CliDeps;
  /** Set by a command that succeeds but must exit non-zero (e.g. `scan` finding a key). */
  exitCode = 0;
  #global: GlobalOptions = {};
  #out: Output | undefined;
  readonly #jsonRequested: boolean;
  #credentials: Promise<ResolvedCredentials> | undefined;
  #target: ApiTarget | undefined;

  constructor(io: CliIo, deps: CliDeps = {}, options: { json?: boolean } = {}) {
    this.io = io;
    this.deps = deps;
    this.#jsonRequested = options.json === true;
  }

  /** `--json` is on the command line: even errors found while parsing it are JSON. */
  get jsonRequested(): boolean {
    return this.#jsonRequested;
  }

  /** Called before the action runs, once commander has parsed the global options. */
  configure(global: GlobalOptions): void {
    this.#global = global;
    const noColor = this.io.env.NO_COLOR !== undefined && this.io.env.NO_COLOR !== '';
    this.#out = new Output(this.io, {
      json: global.json === true,
      color: global.color !== false && !noColor,
    });
  }

  get global(): GlobalOptions {
    return this.#global;
  }

  get out(): Output {
    this.#out ??= new Output(this.io, { json: this.#jsonRequested, color: false });
    return this.#out;
  }

  now(): number {
    return this.deps.now?.() ?? Date.now();
  }

  /** With -v: a dimmed line on stderr explaining what happens. */
  debug(text: string): void {
    if (this.#global.verbose) this.out.message(this.out.messageColors.dim(text));
  }

  /** The key and server of this invocation (SPEC §6 resolution order), resolved once. */
  credentials(): Promise<ResolvedCredentials> {
    this.#credentials ??= loadCredentialsFile().then((file) =>
      resolveCredentials({ ...this.#global, env: this.io.env }, file),
    );
    return this.#credentials;
  }

  /**
   * The server alone, for the calls that need no key (the public revocation endpoint):
   * `--base-url` → `ONEPIN_BASE_URL` → the profile's `base_url` → the default, checked.
   */
  async serverWithoutKey(): Promise<string> {
    const input = { ...this.#global, env: this.io.env };
    let label = '';
    const { baseUrl, baseUrlSource } = await resolveBaseUrl(input, async () => {
      const file = await loadCredentialsFile();
      const profile = resolveProfile(input, file);
      const found = await file.readProfile({ profile });
      label = baseUrlSourceLabel('file', profile, found?.path ?? file.credentialsPath());
      return found?.baseUrl;
    });
    const baseUrlFrom =
      baseUrlSource === 'file' ? label : baseUrlSourceLabel(baseUrlSource, '', '');
    checkBaseUrl(baseUrl, baseUrlFrom);
    this.#target = { baseUrl, keyFrom: 'no key (none is needed)', baseUrlFrom };
    return baseUrl;
  }

  /** A client for the resolved key and server. */
  async client(): Promise<OnePinClient> {
    const credentials = await this.credentials();
    this.debug(
      `Using ${previewApiKey(credentials.apiKey)} from ${credentials.keyFrom} against ${credentials.baseUrl}`,
    );
    return this.connect(credentials);
  }

  /** A client for a given key (checked by the caller) and server; errors will name them. */
  async connect(target: ApiTarget & { apiKey: string }): Promise<OnePinClient> {
    const { apiKey, baseUrl, keyFrom, baseUrlFrom, whenRefused } = target;
    this.#target = { baseUrl, keyFrom, baseUrlFrom, whenRefused };
    const options = this.deps.client ?? {};
    const { OnePinClient, OnePinConfigurationError } = await loadSdk();
    try {
      return new OnePinClient({
        ...options,
        token: apiKey,
        baseUrl,
        fetch: this.#global.verbose ? this.#tracing(options.fetch) : options.fetch,
      });
    } catch (error) {
      // The key was checked before; what is left is the base URL (credentials, a query…).
      if (error instanceof OnePinConfigurationError) {
        throw new CliError('INVALID_BASE_URL', error.message);
      }
      throw error;
    }
  }

  /** Names the server of requests made without a client (device login), for error messages. */
  useTarget(target: ApiTarget): void {
    this.#target = target;
  }

  /** The server the last client talked to, for error messages. */
  get target(): ApiTarget | undefined {
    return this.#target;
  }

  /** Logs each request's method, path, status and time — never headers or query strings. */
  #tracing(inner: Fetch | undefined): Fetch {
    const fetch = inner ?? ((request: Request) => globalThis.fetch(request));
    return async (request) => {
      const url = new URL(request.url);
      const started = performance.now();
      this.debug(`→ ${request.method} ${url.origin}${url.pathname}`);
      const response = await fetch(request);
      const ms = Math.round(performance.now() - started);
      const id = response.headers.get('x-request-id');
      this.debug(`← ${response.status} in ${ms} ms${id ? ` (request_id=${id})` : ''}`);
      return response;
    };
  }
}
