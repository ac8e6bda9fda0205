import { lookup as dnsLookup } from 'node:dns/promises';
import { type ClientRequest, request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { redactKeyShapedText } from '@onepin/core';
import { literalAddress, refusedAddressReason } from './address-policy.js';

/** One signed POST to an endpoint. */
export interface OutgoingDelivery {
  url: string;
  headers: Readonly<Record<string, string>>;
  body: string;
}

/** What came of it: a status code, or why there is none. */
export interface DeliveryResult {
  statusCode: number | null;
  /** Set when the attempt failed: no answer, a refused address, a redirect, a non-2xx. */
  error: string | null;
  /** The start of the response body, keys hidden, for the delivery log. */
  responseExcerpt: string | null;
  durationMs: number;
}

export interface WebhookSender {
  send(delivery: OutgoingDelivery): Promise<DeliveryResult>;
}

export type ResolveHost = (host: string) => Promise<Array<{ address: string; family: number }>>;

export interface HttpSenderOptions {
  /** `ONEPIN_WEBHOOKS_ALLOW_PRIVATE=true`: private and loopback targets too (tests, labs). */
  allowPrivate: boolean;
  /** The whole attempt, from the DNS lookup to the last byte read. */
  timeoutMs: number;
  /** How much of a response body is read (and kept, cut shorter, in the log). */
  maxResponseBytes?: number;
  resolve?: ResolveHost;
}

const USER_AGENT = 'OnePin-Webhooks/1';
const EXCERPT_CHARS = 500;

const systemResolve: ResolveHost = (host) => dnsLookup(host, { all: true, verbatim: true });

/**
 * Sends deliveries over HTTP(S) without letting an endpoint reach inside the network (SSRF):
 * the host is resolved at delivery time and every address it resolves to must be public (see
 * `refusedAddressReason`), then the connection is pinned to the checked address — so a name
 * that changes its answer between the check and the connection (DNS rebinding) cannot move
 * it. TLS still verifies the certificate against the URL's host name. Redirects are never
 * followed (a 3xx is a failed attempt); at most `maxResponseBytes` of the answer are read; the
 * whole attempt has one deadline.
 */
export class HttpWebhookSender implements WebhookSender {
  readonly #options: Required<HttpSenderOptions>;

  constructor(options: HttpSenderOptions) {
    this.#options = { maxResponseBytes: 4096, resolve: systemResolve, ...options };
  }

  async send(delivery: OutgoingDelivery): Promise<DeliveryResult> {
    const started = performance.now();
    const finish = (result: Omit<DeliveryResult, 'durationMs'>): DeliveryResult => ({
      ...result,
      durationMs: Math.round(performance.now() - started),
    });
    const failed = (error: string) => finish({ statusCode: null, error, responseExcerpt: null });
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), this.#options.timeoutMs);
    try {
      const url = new URL(delivery.url);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        return failed('only http and https URLs are delivered to');
      }
      const target = await this.#checkedAddress(url.hostname, deadline.signal);
      if (typeof target === 'string') return failed(target);
      const response = await this.#post(url, target, delivery, deadline.signal);
      const { statusCode, excerpt } = response;
      let error: string | null = null;
      if (statusCode >= 300 && statusCode < 400) error = `redirect (${statusCode}) not followed`;
      else if (statusCode < 200 || statusCode >= 300) error = `endpoint answered ${statusCode}`;
      return finish({ statusCode, error, responseExcerpt: excerpt });
    } catch (cause) {
      if (deadline.signal.aborted) return failed(`no answer within ${this.#options.timeoutMs} ms`);
      return failed(describeNetworkError(cause));
    } finally {
      clearTimeout(timer);
    }
  }

  /** The address to connect to, or why there is none. */
  async #checkedAddress(
    hostname: string,
    signal: AbortSignal,
  ): Promise<{ address: string; family: number } | string> {
    const literal = literalAddress(hostname);
    let addresses: Array<{ address: string; family: number }>;
    if (literal !== null) {
      addresses = [{ address: literal, family: literal.includes(':') ? 6 : 4 }];
    } else {
      try {
        addresses = await abortable(this.#options.resolve(hostname), signal);
      } catch (cause) {
        if (signal.aborted) throw cause;
        return `cannot resolve ${hostname}`;
      }
    }
    const first = addresses[0];
    if (first === undefined) return `cannot resolve ${hostname}`;
    if (!this.#options.allowPrivate) {
      for (const { address } of addresses) {
        const reason = refusedAddressReason(address);
        if (reason !== null) {
          return `refused: ${hostname} resolves to ${address}, which ${reason} (set ONEPIN_WEBHOOKS_ALLOW_PRIVATE=true to allow private targets)`;
        }
      }
    }
    return first;
  }

  #post(
    url: URL,
    target: { address: string; family: number },
    delivery: OutgoingDelivery,
    signal: AbortSignal,
  ): Promise<{ statusCode: number; excerpt: string | null }> {
    const pinned: LookupFunction = (_host, options, callback) => {
      if ((options as { all?: boolean }).all) {
        (callback as (e: null, a: Array<{ address: string; family: number }>) => void)(null, [
          target,
        ]);
      } else {
        callback(null, target.address, target.family);
      }
    };
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const body = Buffer.from(delivery.body, 'utf8');
    return new Promise((resolve, reject) => {
      const request: ClientRequest = send(
        url,
        {
          method: 'POST',
          lookup: pinned,
          agent: false,
          signal,
          headers: {
            ...delivery.headers,
            'content-type': 'application/json',
            'content-length': String(body.length),
            'user-agent': USER_AGENT,
          },
        },
        (response) => {
          readCapped(response, this.#options.maxResponseBytes).then(
            (text) => resolve({ statusCode: response.statusCode ?? 0, excerpt: excerptOf(text) }),
            reject,
          );
        },
      );
      request.on('error', reject);
      request.end(body);
    });
  }
}

/** Reads at most `max` bytes of a response, then lets the connection go. */
function readCapped(response: IncomingMessage, max: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () => resolve(Buffer.concat(chunks).subarray(0, max).toString('utf8'));
    response.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= max) {
        response.destroy();
        done();
      }
    });
    response.on('end', done);
    response.on('error', (error) => (size >= max ? done() : reject(error)));
  });
}

function excerptOf(text: string): string | null {
  const clean = redactKeyShapedText(text)
    .replace(/whsec_[A-Za-z0-9+/=]+/g, 'whsec_…')
    .replace(/[\p{Cc}]+/gu, ' ')
    .trim();
  if (clean === '') return null;
  return clean.length > EXCERPT_CHARS ? `${clean.slice(0, EXCERPT_CHARS)}…` : clean;
}

function describeNetworkError(cause: unknown): string {
  const code = (cause as { code?: string }).code;
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ECONNRESET':
      return 'connection reset';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'host unreachable';
    case undefined:
      return 'the request failed';
    default:
      return code.startsWith('ERR_TLS') || code.includes('CERT')
        ? `TLS error (${code})`
        : `network error (${code})`;
  }
}

function abortable<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(new Error('aborted'));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
