/**
 * A small service for `npm run bench:verify`: Express 5 or Hono (on @hono/node-server) on
 * 127.0.0.1 and a free port, serving `GET /hello` behind @onepin/verify's middleware
 * (`BENCH_AUTH=on`) or with no authentication at all (`off`, the baseline). Prints
 * "listening on <url>" when ready; stops on SIGTERM.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createVerifier, type Verifier } from '@onepin/verify';
import { onepin as expressOnePin } from '@onepin/verify/express';
import { onepin as honoOnePin } from '@onepin/verify/hono';
import express from 'express';
import { Hono } from 'hono';

const framework = process.env.BENCH_FRAMEWORK === 'hono' ? 'hono' : 'express';
const auth = process.env.BENCH_AUTH === 'on';
const verifier: Verifier | null = auth
  ? createVerifier({
      baseUrl: process.env.ONEPIN_URL ?? '',
      serviceToken: process.env.ONEPIN_SERVICE_TOKEN ?? '',
      onError: (error) => console.error(`verifier: ${error.message}`),
    })
  : null;
const scopes = ['workflows:read'];

function listening(port: number): void {
  console.log(`listening on http://127.0.0.1:${port}`);
}

let close: () => void;
if (framework === 'express') {
  const app = express();
  if (verifier) app.use('/hello', expressOnePin(verifier, { scopes }));
  app.get('/hello', (req, res) => {
    res.json({ hello: req.onepin?.workspaceName ?? 'anyone' });
  });
  const server = app.listen(0, '127.0.0.1', () =>
    listening((server.address() as AddressInfo).port),
  );
  close = () => server.close();
} else {
  const app = new Hono();
  if (verifier) app.use('/hello', honoOnePin(verifier, { scopes }));
  app.get('/hello', (c) => c.json({ hello: c.get('onepin')?.workspaceName ?? 'anyone' }));
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) =>
    listening(info.port),
  );
  close = () => server.close();
}

process.once('SIGTERM', () => {
  close();
  void verifier?.close().then(() => process.exit(0));
  if (!verifier) process.exit(0);
});
