// A tiny Express service protected by @onepin/verify, run as its own process by
// e2e/verify-revocation.test.ts: `GET /reports` needs a key with workflows:read. It prints
// "service listening on <url>" once it listens on 127.0.0.1 and a free port.
import type { AddressInfo } from 'node:net';
import { createVerifier } from '@onepin/verify';
import { onepin } from '@onepin/verify/express';
import express from 'express';

const verifier = createVerifier({
  baseUrl: process.env.ONEPIN_URL ?? '',
  serviceToken: process.env.ONEPIN_SERVICE_TOKEN ?? '',
  onError: (error) => console.error(`verifier: ${error.message}`),
});
const app = express();
app.get('/reports', onepin(verifier, { scopes: ['workflows:read'] }), (req, res) => {
  res.json({ workspace: req.onepin.workspaceName });
});
const server = app.listen(0, '127.0.0.1', () => {
  console.log(`service listening on http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
process.once('SIGTERM', () => {
  server.close();
  void verifier.close();
});
