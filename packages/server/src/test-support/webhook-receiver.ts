import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the receiver got, with what an independent check of its signature found. */
export interface ReceivedDelivery {
  id: string;
  timestamp: string;
  signatures: string[];
  body: string;
  json: any;
  headers: IncomingMessage['headers'];
  /** Which of the receiver's secrets verified it (by index), or -1. */
  verifiedWith: number;
}

/**
 * Verifies a Standard Webhooks signature written from the specification, not with the
 * library the server signs with: HMAC-SHA256 keyed with the base64-decoded secret (after
 * `whsec_`) over `${id}.${timestamp}.${body}`, base64; the header holds space-separated
 * `v1,<signature>` entries, any of which may match.
 */
export function verifyStandardWebhook(
  secret: string,
  headers: { id: string; timestamp: string; signature: string },
  body: string,
): boolean {
  if (!secret.startsWith('whsec_')) return false;
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  const expected = createHmac('sha256', key)
    .update(`${headers.id}.${headers.timestamp}.${body}`)
    .digest();
  return headers.signature.split(' ').some((entry) => {
    const [version, value] = entry.split(',');
    if (version !== 'v1' || value === undefined) return false;
    const given = Buffer.from(value, 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedDelivery[];
  /** Secrets to verify with (the latest the test knows). */
  secrets: string[];
  /** The status the next requests get (default 204); a function decides per request. */
  respondWith: number | ((delivery: ReceivedDelivery) => number);
  /** Resolves when `count` requests have arrived. */
  waitFor(count: number): Promise<ReceivedDelivery[]>;
  close(): Promise<void>;
}

/** A local HTTP server that records webhook deliveries and checks their signatures. */
export async function startWebhookReceiver(
  options: { host?: string; path?: string } = {},
): Promise<WebhookReceiver> {
  const waiters: Array<{ count: number; resolve: (all: ReceivedDelivery[]) => void }> = [];
  const receiver: WebhookReceiver = {
    url: '',
    received: [],
    secrets: [],
    respondWith: 204,
    waitFor(count) {
      if (receiver.received.length >= count) return Promise.resolve(receiver.received);
      return new Promise((resolve) => waiters.push({ count, resolve }));
    },
    close: async () => {},
  };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const header = (name: string) => String(request.headers[name] ?? '');
      const signed = {
        id: header('webhook-id'),
        timestamp: header('webhook-timestamp'),
        signature: header('webhook-signature'),
      };
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        json = undefined;
      }
      const delivery: ReceivedDelivery = {
        id: signed.id,
        timestamp: signed.timestamp,
        signatures: signed.signature.split(' ').filter(Boolean),
        body,
        json,
        headers: request.headers,
        verifiedWith: receiver.secrets.findIndex((secret) =>
          verifyStandardWebhook(secret, signed, body),
        ),
      };
      receiver.received.push(delivery);
      const status =
        typeof receiver.respondWith === 'function'
          ? receiver.respondWith(delivery)
          : receiver.respondWith;
      response.writeHead(status, { 'content-type': 'text/plain' });
      response.end(status < 300 ? 'ok' : 'no');
      for (const waiter of [...waiters]) {
        if (receiver.received.length >= waiter.count) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(receiver.received);
        }
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, options.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  receiver.url = `http://${options.host ?? '127.0.0.1'}:${port}${options.path ?? '/hooks'}`;
  receiver.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return receiver;
}
