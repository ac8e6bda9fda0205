import { generateApiKey } from '@onepin/core';
import { type ClientOptions, OnePinClient } from '../index.js';

/** What a scripted step answers: a response, or a thrown network failure. */
export type Step = Response | Error | ((request: Request) => Response | Promise<Response>);

/** A JSON response with the server's envelope conventions. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', 'x-request-id': 'req-header', ...headers },
  });
}

export function ok(data: unknown, extra: Record<string, unknown> = {}) {
  return json(200, { data, ...extra, meta: { request_id: 'req-1', timestamp: 'now' } });
}

export function failure(status: number, code: string, headers: Record<string, string> = {}) {
  return json(
    status,
    { error: { code, message: `${code} happened` }, meta: { request_id: `req-${status}` } },
    headers,
  );
}

/** A fetch that never answers (until its request is aborted, which it ignores). */
export const hang = () => new Promise<Response>(() => {});

/**
 * A client whose fetch answers the scripted steps in order and records every request; its
 * waits are recorded instead of slept, and jitter is fixed.
 */
export function scriptedClient(steps: Step[], options: Omit<ClientOptions, 'token'> = {}) {
  const requests: Request[] = [];
  const waits: number[] = [];
  const queue = [...steps];
  const client = new OnePinClient({
    token: generateApiKey('live'),
    baseUrl: 'http://fake.test',
    fetch: async (request) => {
      requests.push(request);
      const step = queue.shift();
      if (step === undefined)
        throw new Error(`unexpected request ${request.method} ${request.url}`);
      if (step instanceof Error) throw step;
      return typeof step === 'function' ? step(request) : step;
    },
    sleep: async (ms) => {
      waits.push(ms);
    },
    random: () => 0,
    ...options,
  });
  return { client, requests, waits, remaining: () => queue.length };
}
