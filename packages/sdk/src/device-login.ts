import type { ClientOptions } from './client.js';
import { APIError, APIUserAbortError } from './errors.js';
import type { components } from './generated/openapi.js';
import { checkMaxRetries, checkTimeout, normalizeBaseUrl } from './internal/config.js';
import { envelopeOf } from './internal/envelope.js';
import { sleep as realSleep } from './internal/sleep.js';
import { type RequestOptions, Transport } from './internal/transport.js';

/** RFC 8628's answer to a new sign-in: the codes, where to approve them, for how long. */
export type DeviceCode = components['schemas']['DeviceCode'];
/** The key a device collects once the sign-in is approved: its plaintext, this once. */
export type DeviceToken = components['schemas']['DeviceToken'];

/** What the device says about itself; the approval page shows it (as unverified). */
export interface DeviceDetails {
  clientName?: string | undefined;
  clientVersion?: string | undefined;
  hostName?: string | undefined;
  os?: string | undefined;
}

/** The client options that apply before there is a key (no token, no workspace). */
export type DeviceLoginOptions = Pick<
  ClientOptions,
  'baseUrl' | 'timeoutMs' | 'maxRetries' | 'fetch' | 'sleep' | 'random'
>;

/** What the device is told while it waits: each poll's answer and the interval it keeps. */
export interface DevicePollEvent {
  status: 'pending' | 'slow_down';
  /** Seconds until the next poll. */
  interval: number;
}

const GRANT_TYPE = 'urn:ietf:params:oauth:grant-type:device_code';
/** RFC 8628 §3.5: what each `slow_down` adds to the interval. */
const SLOW_DOWN_STEP_SECONDS = 5;

/**
 * Signs a program in through the browser (OAuth 2.0 device authorization grant, RFC 8628), as
 * `onepin login --web` does: no key is needed to start. Show `userCode` and
 * `verificationUriComplete` to the person, who approves in the dashboard; `waitForKey` polls
 * at the interval, slows down when told to, and resolves to the new key. A denial, an expired
 * code or a used one rejects with the `APIError` of that code (`ACCESS_DENIED`,
 * `EXPIRED_TOKEN`, `INVALID_GRANT`).
 *
 * @example
 * const login = await DeviceLogin.start({ baseUrl, device: { hostName: os.hostname() } });
 * console.log(`Open ${login.verificationUriComplete} and confirm ${login.userCode}`);
 * const { api_key } = await login.waitForKey();
 */
export class DeviceLogin {
  /** The code the person confirms in the browser, `XXXX-XXXX`. */
  readonly userCode: string;
  /** Where to approve: the dashboard's `/device` page. */
  readonly verificationUri: string;
  /** The same page with the code filled in. */
  readonly verificationUriComplete: string;
  /** When the codes stop working (epoch ms, by this machine's clock). */
  readonly expiresAt: number;
  readonly #deviceCode: string;
  readonly #transport: Transport;
  readonly #tokenUrl: string;
  readonly #sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  #interval: number;

  private constructor(
    code: DeviceCode,
    transport: Transport,
    tokenUrl: string,
    sleep: (ms: number, signal?: AbortSignal) => Promise<void>,
    now: number,
  ) {
    this.userCode = code.user_code;
    this.verificationUri = code.verification_uri;
    this.verificationUriComplete = code.verification_uri_complete;
    this.expiresAt = now + code.expires_in * 1000;
    this.#deviceCode = code.device_code;
    this.#transport = transport;
    this.#tokenUrl = tokenUrl;
    this.#sleep = sleep;
    this.#interval = code.interval;
  }

  /** Starts a sign-in (`POST /api/v1/device/code`): no credential needed. */
  static async start(
    options: DeviceLoginOptions & { device?: DeviceDetails; signal?: AbortSignal } = {},
  ): Promise<DeviceLogin> {
    const baseUrl = normalizeBaseUrl(options.baseUrl);
    const sleep = options.sleep ?? realSleep;
    const fetch = options.fetch ?? ((request: Request) => globalThis.fetch(request));
    const transport = new Transport({
      // Device login's requests carry no credential (`authenticated: false`).
      token: '',
      baseUrl,
      workspaceId: undefined,
      timeoutMs: checkTimeout(options.timeoutMs),
      maxRetries: checkMaxRetries(options.maxRetries),
      fetch,
      sleep,
      random: options.random ?? Math.random,
    });
    const device = options.device ?? {};
    const body = {
      ...(device.clientName && { client_name: device.clientName }),
      ...(device.clientVersion && { client_version: device.clientVersion }),
      ...(device.hostName && { host_name: device.hostName }),
      ...(device.os && { os: device.os }),
    };
    const result = await transport.request(
      { method: 'POST', path: `${baseUrl}/api/v1/device/code`, json: body, authenticated: false },
      { signal: options.signal },
    );
    const code = envelopeOf(result).data as DeviceCode;
    return new DeviceLogin(code, transport, `${baseUrl}/api/v1/device/token`, sleep, Date.now());
  }

  /** The seconds between polls, as the server last asked (5, plus 5 per `slow_down`). */
  get interval(): number {
    return this.#interval;
  }

  /**
   * Polls until the sign-in is decided: every `interval` seconds, 5 more after each
   * `slow_down` (RFC 8628 §3.5). Resolves to the key; rejects with the server's `APIError`
   * when it was denied, expired or used, and with `APIUserAbortError` when `signal` aborts.
   */
  async waitForKey(
    options: { signal?: AbortSignal; onPoll?: (event: DevicePollEvent) => void } = {},
  ): Promise<DeviceToken> {
    const { signal, onPoll } = options;
    for (;;) {
      await this.#wait(this.#interval * 1000, signal);
      try {
        return await this.poll({ signal });
      } catch (error) {
        if (!(error instanceof APIError)) throw error;
        if (error.code === 'SLOW_DOWN') {
          this.#interval += SLOW_DOWN_STEP_SECONDS;
          onPoll?.({ status: 'slow_down', interval: this.#interval });
        } else if (error.code === 'AUTHORIZATION_PENDING') {
          onPoll?.({ status: 'pending', interval: this.#interval });
        } else {
          throw error;
        }
      }
    }
  }

  /** One poll (`POST /api/v1/device/token`): the key, or the `APIError` of the answer. */
  async poll(options: RequestOptions = {}): Promise<DeviceToken> {
    const result = await this.#transport.request(
      {
        method: 'POST',
        path: this.#tokenUrl,
        json: { device_code: this.#deviceCode, grant_type: GRANT_TYPE },
        authenticated: false,
        // Polls are repeated anyway: a connection error or a 5xx is retried like a GET. (An
        // answer lost after the key was handed out cannot be: the code is used up then.)
        retryable: true,
      },
      options,
    );
    return envelopeOf(result).data as DeviceToken;
  }

  async #wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
    try {
      await this.#sleep(ms, signal);
    } catch (error) {
      if (signal?.aborted) throw new APIUserAbortError(undefined, { cause: signal.reason });
      throw error;
    }
  }

  /** Never shows the device code: it is the device's secret until the key is collected. */
  toJSON(): Record<string, unknown> {
    return {
      userCode: this.userCode,
      verificationUri: this.verificationUri,
      verificationUriComplete: this.verificationUriComplete,
      expiresAt: new Date(this.expiresAt).toISOString(),
      interval: this.#interval,
    };
  }
}
