import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateApiKey } from '@onepin/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startWebhookReceiver, type WebhookReceiver } from '../test-support/webhook-receiver.js';
import { HttpWebhookSender, type ResolveHost } from './http-sender.js';

const delivery = (url: string) => ({
  url,
  headers: { 'webhook-id': 'evt', 'webhook-timestamp': '1', 'webhook-signature': 'v1,x' },
  body: '{"type":"api_key.created"}',
});

/** A server whose every answer `handler` writes. */
async function rawServer(
  handler: Parameters<typeof createServer>[1],
): Promise<{ url: string; server: Server }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

describe('webhook delivery over HTTP (SSRF)', () => {
  let receiver: WebhookReceiver;
  const servers: Server[] = [];

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
  });
  afterEach(() => {
    receiver.received.length = 0;
  });
  afterAll(async () => {
    await receiver.close();
    for (const server of servers) {
      server.closeAllConnections();
      server.close();
    }
  });

  it('refuses a loopback target unless private targets are allowed, and sends nothing', async () => {
    const strict = new HttpWebhookSender({ allowPrivate: false, timeoutMs: 5_000 });
    const refused = await strict.send(delivery(receiver.url));
    expect(refused.statusCode).toBeNull();
    expect(refused.error).toMatch(
      /^refused: 127\.0\.0\.1 resolves to 127\.0\.0\.1, which is a loopback address/,
    );
    expect(receiver.received).toHaveLength(0);

    const lab = new HttpWebhookSender({ allowPrivate: true, timeoutMs: 5_000 });
    const sent = await lab.send(delivery(receiver.url));
    expect(sent).toMatchObject({ statusCode: 204, error: null });
    expect(receiver.received).toHaveLength(1);
  });

  it.each([
    ['[::1]', 'loopback'],
    ['[::ffff:127.0.0.1]', 'loopback'],
    ['[::ffff:a9fe:a9fe]', 'link-local'],
    ['169.254.169.254', 'link-local'],
    ['0x7f.1', 'loopback'],
    ['2130706433', 'loopback'],
    ['10.0.0.1', 'private'],
  ])('refuses %s written as a literal address (%s)', async (host, kind) => {
    const strict = new HttpWebhookSender({ allowPrivate: false, timeoutMs: 5_000 });
    const result = await strict.send(delivery(`http://${host}:1/hook`));
    expect(result.error).toContain(kind);
  });

  it('checks what a name resolves to at delivery time: one private answer among public ones refuses it', async () => {
    const resolve: ResolveHost = async () => [
      { address: '93.184.215.14', family: 4 },
      { address: '10.0.0.7', family: 4 },
    ];
    const strict = new HttpWebhookSender({ allowPrivate: false, timeoutMs: 5_000, resolve });
    const result = await strict.send(delivery('https://hooks.example.com/x'));
    expect(result.error).toBe(
      'refused: hooks.example.com resolves to 10.0.0.7, which is a private address (set ONEPIN_WEBHOOKS_ALLOW_PRIVATE=true to allow private targets)',
    );
  });

  it('connects to the address it checked: a name that changes its answer (DNS rebinding) cannot move the connection', async () => {
    const port = new URL(receiver.url).port;
    const answers = ['127.0.0.1', '10.255.255.1'];
    let lookups = 0;
    const resolve: ResolveHost = async () => [
      { address: answers[lookups++] ?? '10.0.0.1', family: 4 },
    ];
    const sender = new HttpWebhookSender({ allowPrivate: true, timeoutMs: 5_000, resolve });
    const result = await sender.send(delivery(`http://rebind.example.test:${port}/hooks`));
    expect(result).toMatchObject({ statusCode: 204, error: null });
    expect(lookups).toBe(1);
    expect(receiver.received[0]?.headers.host).toBe(`rebind.example.test:${port}`);
  });

  it('does not follow redirects', async () => {
    const { url, server } = await rawServer((_request, response) => {
      response.writeHead(302, { location: receiver.url });
      response.end();
    });
    servers.push(server);
    const sender = new HttpWebhookSender({ allowPrivate: true, timeoutMs: 5_000 });
    const result = await sender.send(delivery(url));
    expect(result).toMatchObject({ statusCode: 302, error: 'redirect (302) not followed' });
    expect(receiver.received).toHaveLength(0);
  });

  it('reads only the start of a response, and keeps no key from it', async () => {
    const key = generateApiKey('live');
    const { url, server } = await rawServer((_request, response) => {
      response.writeHead(500, { 'content-type': 'text/plain' });
      response.write(`error near ${key} `);
      // Far more than is ever read: the sender must stop without waiting for it all.
      const chunk = 'x'.repeat(64 * 1024);
      for (let i = 0; i < 64; i++) response.write(chunk);
      response.end();
    });
    servers.push(server);
    const sender = new HttpWebhookSender({ allowPrivate: true, timeoutMs: 5_000 });
    const result = await sender.send(delivery(url));
    expect(result.statusCode).toBe(500);
    expect(result.responseExcerpt?.length).toBeLessThanOrEqual(501);
    expect(result.responseExcerpt).toContain('op_live_…');
    expect(result.responseExcerpt).not.toContain(key);
  });

  it('gives up on an endpoint that never answers', async () => {
    const { url, server } = await rawServer(() => {});
    servers.push(server);
    const sender = new HttpWebhookSender({ allowPrivate: true, timeoutMs: 200 });
    const result = await sender.send(delivery(url));
    expect(result).toMatchObject({ statusCode: null, error: 'no answer within 200 ms' });
  });

  it('reports a refused connection and an unresolvable name without a stack', async () => {
    const sender = new HttpWebhookSender({
      allowPrivate: true,
      timeoutMs: 5_000,
      resolve: async () => {
        throw Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' });
      },
    });
    expect((await sender.send(delivery('https://nowhere.invalid/'))).error).toBe(
      'cannot resolve nowhere.invalid',
    );
    const closed = new HttpWebhookSender({ allowPrivate: true, timeoutMs: 5_000 });
    expect((await closed.send(delivery('http://127.0.0.1:1/'))).error).toBe('connection refused');
  });
});
