import type { AddressInfo } from 'node:net';
import express from 'express';
import { onepin } from './express.js';
import { describeAdapter } from './test-support/adapter-cases.js';

describeAdapter('Express 5', async (verifier) => {
  const app = express();
  app.get('/whoami', onepin(verifier, { scopes: ['reports:read'] }), (req, res) => {
    // Typed through the module augmentation: no cast.
    res.json({ principal: req.onepin });
  });
  app.get(
    '/custom',
    onepin(verifier, { scopes: [], key: (req) => req.get('x-api-key') }),
    (req, res) => {
      res.json({ principal: req.onepin });
    },
  );
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    request: (path, headers) => fetch(`${url}${path}`, { headers }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
});
