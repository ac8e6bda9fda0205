import { Writable } from 'node:stream';
import { generateApiKey, generateServiceToken } from '@onepin/core';
import { describe, expect, it } from 'vitest';
import { createLogger, redactSecrets } from './logger.js';

const KEY_ANYWHERE = /op_(?:live|test|svc)_[0-9A-Za-z]{32}/;

function capture() {
  const lines: string[] = [];
  const logger = createLogger(
    'info',
    new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    }),
  );
  return { logger, text: () => lines.join('') };
}

describe('log redaction', () => {
  const live = generateApiKey('live');
  const test = generateApiKey('test');
  const service = generateServiceToken();

  it.each([
    ['in a message', (k: string) => `key ${k} was used`],
    ['after Bearer', (k: string) => `Authorization: Bearer ${k}`],
    ['in a URL query', (k: string) => `/api/v1/auth/whoami?api_key=${k}&x=1`],
    ['glued to other characters', (k: string) => `xx${k}yy`],
    ['percent-encoded', (k: string) => k.replaceAll('_', '%5F')],
    ['lower-case percent-encoded', (k: string) => k.replaceAll('_', '%5f')],
  ])('hides a key %s, keeping its preview', (_label, place) => {
    for (const key of [live, test, service]) {
      const redacted = redactSecrets(place(key));
      expect(redacted).not.toContain(key.slice(8));
      expect(redacted).toContain(`…${key.slice(-4)}`);
    }
  });

  it('hides keys in messages, fields, errors and their stacks', () => {
    const { logger, text } = capture();
    logger.info(`created ${live}`);
    logger.info({ url: `/api/v1/keys?token=${live}` }, 'request');
    logger.error({ err: new Error(`verification failed for ${test}`) }, 'request failed');
    logger.warn({ nested: { deeper: { value: [live] } } }, 'deep');
    logger.info(`service token ${service} presented`);
    expect(text()).not.toMatch(KEY_ANYWHERE);
    expect(text()).toContain(`service token op_svc_…${service.slice(-4)} presented`);
    expect(text()).toContain('verification failed for op_test_…');
  });

  it('hides credentials by where they are, whatever they look like', () => {
    const { logger, text } = capture();
    logger.info({ headers: { authorization: 'Bearer not-even-a-key', cookie: 'sid=s3cr3t' } });
    logger.info({ req: { headers: { authorization: 'Basic dXNlcjpzM2NyM3Q=' } } });
    logger.info({ authorization: 'Bearer abc', api_key: 'whatever', password: 'hunter2hunter2' });
    expect(text()).not.toMatch(/not-even-a-key|s3cr3t|dXNlcjpzM2NyM3Q|abc"|whatever|hunter2/);
    expect(text()).toContain('[redacted]');
  });
});
