import Fastify from 'fastify';
import { onepin } from './fastify.js';
import { describeAdapter } from './test-support/adapter-cases.js';

describeAdapter('Fastify 5', async (verifier) => {
  const app = Fastify();
  app.get('/whoami', { preHandler: onepin(verifier, { scopes: ['reports:read'] }) }, (request) => ({
    // Typed through the module augmentation: no cast.
    principal: request.onepin,
  }));
  app.get(
    '/custom',
    {
      preHandler: onepin(verifier, {
        scopes: [],
        key: (request) => {
          const header = request.headers['x-api-key'];
          return typeof header === 'string' ? header : undefined;
        },
      }),
    },
    (request) => ({ principal: request.onepin }),
  );
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    request: (path, headers) => fetch(`${url}${path}`, { headers }),
    close: () => app.close(),
  };
});
