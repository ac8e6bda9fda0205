import { Hono } from 'hono';
import { onepin } from './hono.js';
import { describeAdapter } from './test-support/adapter-cases.js';

describeAdapter('Hono', async (verifier) => {
  const app = new Hono();
  app.get('/whoami', onepin(verifier, { scopes: ['reports:read'] }), (c) =>
    // Typed through the module augmentation: no cast.
    c.json({ principal: c.var.onepin }),
  );
  app.get('/custom', onepin(verifier, { scopes: [], key: (c) => c.req.header('x-api-key') }), (c) =>
    c.json({ principal: c.get('onepin') }),
  );
  return {
    request: (path, headers) => Promise.resolve(app.request(path, { headers })),
    close: async () => {},
  };
});
