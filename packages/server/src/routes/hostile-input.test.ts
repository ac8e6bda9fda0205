import { SCOPES } from '@onepin/core';
import { dialectAvailable, testDialects } from '@onepin/db/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedUpload, seedWorkflow } from '../test-support/resources.js';
import { createTestWorld, type TestWorkspace, type TestWorld } from '../test-support/world.js';

interface Hostile {
  method: string;
  path: string;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
  /** Sent without the API key (the upload URL authenticates by signature). */
  anonymous?: boolean;
}

const deep = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const json = { 'content-type': 'application/json' };

/**
 * Malformed and hostile requests against the resource routes, as a curious or malicious
 * client would send them: each must get a clear 4xx with the error envelope, never a 5xx.
 * `:wf` and `:up` stand for a real workflow and upload of the caller.
 */
const HOSTILE: Array<[string, Hostile]> = [
  // Broken JSON
  [
    'truncated JSON',
    { method: 'POST', path: '/api/v1/workflows', rawBody: '{"name": "x"', headers: json },
  ],
  [
    'JSON with a trailing comma',
    { method: 'POST', path: '/api/v1/workflows', rawBody: '{"name":"x",}', headers: json },
  ],
  [
    'single-quoted JSON',
    { method: 'POST', path: '/api/v1/uploads', rawBody: "{'filename':'a.txt'}", headers: json },
  ],
  ['an empty JSON body', { method: 'POST', path: '/api/v1/workflows', rawBody: '', headers: json }],
  ['a JSON null', { method: 'POST', path: '/api/v1/workflows', rawBody: 'null', headers: json }],
  [
    'a JSON array',
    { method: 'PATCH', path: '/api/v1/workflows/:wf', rawBody: '[]', headers: json },
  ],
  [
    'a JSON string',
    { method: 'PUT', path: '/api/v1/workflows/:wf', rawBody: '"workflow"', headers: json },
  ],
  ['a JSON number', { method: 'POST', path: '/api/v1/uploads/:up', rawBody: '42', headers: json }],
  [
    'NaN in JSON',
    { method: 'POST', path: '/api/v1/uploads', rawBody: '{"size_bytes": NaN}', headers: json },
  ],
  [
    'an unpaired surrogate escaped in JSON',
    { method: 'POST', path: '/api/v1/workflows', rawBody: '{"name":"\\udc00"}', headers: json },
  ],
  [
    'a form body',
    {
      method: 'POST',
      path: '/api/v1/workflows',
      rawBody: 'name=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    },
  ],
  [
    'a text/plain body',
    {
      method: 'POST',
      path: '/api/v1/uploads',
      rawBody: '{}',
      headers: { 'content-type': 'text/plain' },
    },
  ],
  [
    'a body over 1 MiB',
    {
      method: 'POST',
      path: '/api/v1/workflows',
      rawBody: JSON.stringify({ name: 'x', description: 'd'.repeat(1_100_000) }),
      headers: json,
    },
  ],
  [
    'JSON nested a hundred thousand deep',
    {
      method: 'POST',
      path: '/api/v1/workflows',
      rawBody: `{"name":"deep","definition":{"graph":{"nodes":[{"id":"a","type":"t","x":${deep(100_000)}}],"edges":[]}}}`,
      headers: json,
    },
  ],
  // Wrong types and shapes
  [
    'a name that is an object',
    { method: 'POST', path: '/api/v1/workflows', body: { name: { $ne: null } } },
  ],
  [
    'a name that is an array',
    { method: 'POST', path: '/api/v1/workflows', body: { name: ['a', 'b'] } },
  ],
  ['a name that is null', { method: 'POST', path: '/api/v1/workflows', body: { name: null } }],
  [
    'a name of 10 000 characters',
    { method: 'POST', path: '/api/v1/workflows', body: { name: 'n'.repeat(10_000) } },
  ],
  [
    'a name made of zero-width spaces only',
    { method: 'POST', path: '/api/v1/workflows', body: { name: '\u0000\u0000' } },
  ],
  [
    'a name with an escape sequence',
    { method: 'PATCH', path: '/api/v1/workflows/:wf', body: { name: '\u001b[31mred' } },
  ],
  [
    'a definition with 10 000 nodes',
    {
      method: 'POST',
      path: '/api/v1/workflows',
      body: {
        name: 'big',
        definition: {
          graph: {
            nodes: Array.from({ length: 10_000 }, (_, i) => ({ id: `n${i}`, type: 't' })),
            edges: [],
          },
        },
      },
    },
  ],
  [
    'a definition with 5 000 edges',
    {
      method: 'POST',
      path: '/api/v1/workflows',
      body: {
        name: 'edgy',
        definition: {
          graph: {
            nodes: [{ id: 'a', type: 't' }],
            edges: Array.from({ length: 5_000 }, () => ({ from: 'a', to: 'a' })),
          },
        },
      },
    },
  ],
  [
    'a definition that is an array',
    { method: 'PUT', path: '/api/v1/workflows/:wf', body: { name: 'x', definition: [] } },
  ],
  [
    'nodes that are strings',
    {
      method: 'PATCH',
      path: '/api/v1/workflows/:wf',
      body: { definition: { graph: { nodes: ['a'], edges: [] } } },
    },
  ],
  [
    'an edge naming a node by number',
    {
      method: 'PATCH',
      path: '/api/v1/workflows/:wf',
      body: {
        definition: { graph: { nodes: [{ id: '1', type: 't' }], edges: [{ from: 1, to: 1 }] } },
      },
    },
  ],
  [
    'a __proto__ field',
    {
      method: 'POST',
      path: '/api/v1/workflows',
      rawBody: '{"name":"proto","__proto__":{"admin":true}}',
      headers: json,
    },
  ],
  [
    'a constructor field',
    {
      method: 'PATCH',
      path: '/api/v1/workflows/:wf',
      body: { constructor: { prototype: { admin: true } } },
    },
  ],
  [
    'a workspace_id field',
    {
      method: 'POST',
      path: '/api/v1/workflows',
      body: { name: 'mine', workspace_id: 'someone-else' },
    },
  ],
  [
    'an environment field',
    {
      method: 'POST',
      path: '/api/v1/workflows',
      body: { name: 'live please', environment: 'live' },
    },
  ],
  [
    'a size of 1e300',
    {
      method: 'POST',
      path: '/api/v1/uploads',
      body: { filename: 'a.txt', category: 'script', size_bytes: 1e300 },
    },
  ],
  [
    'a negative size',
    {
      method: 'POST',
      path: '/api/v1/uploads',
      body: { filename: 'a.txt', category: 'script', size_bytes: -1 },
    },
  ],
  [
    'a size of true',
    {
      method: 'POST',
      path: '/api/v1/uploads',
      body: { filename: 'a.txt', category: 'script', size_bytes: true },
    },
  ],
  // File names
  [
    'a traversal file name',
    {
      method: 'POST',
      path: '/api/v1/uploads',
      body: { filename: '../../../../etc/cron.d/x.txt', category: 'script', size_bytes: 1 },
    },
  ],
  [
    'an absolute file name',
    {
      method: 'POST',
      path: '/api/v1/uploads',
      body: { filename: '/etc/passwd.txt', category: 'script', size_bytes: 1 },
    },
  ],
  [
    'a URL-encoded traversal file name',
    {
      method: 'POST',
      path: '/api/v1/uploads',
      body: { filename: '..%2F..%2Fsecret.txt', category: 'script', size_bytes: 1 },
    },
  ],
  [
    'a Windows device file name',
    {
      method: 'POST',
      path: '/api/v1/uploads',
      body: { filename: 'C:\\Windows\\win.ini.txt', category: 'script', size_bytes: 1 },
    },
  ],
  [
    'a NUL-truncation file name',
    {
      method: 'POST',
      path: '/api/v1/uploads',
      body: { filename: 'safe.txt\u0000.php', category: 'script', size_bytes: 1 },
    },
  ],
  [
    'a file name of 5 000 characters',
    {
      method: 'POST',
      path: '/api/v1/uploads',
      body: { filename: `${'a'.repeat(5_000)}.txt`, category: 'script', size_bytes: 1 },
    },
  ],
  [
    'an executable disguised as audio',
    {
      method: 'POST',
      path: '/api/v1/uploads',
      body: { filename: 'voice.mp3.exe', category: 'dictionary', size_bytes: 1 },
    },
  ],
  [
    'a header-injecting content type',
    {
      method: 'POST',
      path: '/api/v1/uploads',
      body: {
        filename: 'a.txt',
        category: 'script',
        size_bytes: 1,
        content_type: 'text/plain\r\nX-Injected: 1',
      },
    },
  ],
  // Ids and query strings
  ['a NUL byte in a workflow id', { method: 'GET', path: '/api/v1/workflows/%00' }],
  [
    'an encoded traversal as a workflow id',
    { method: 'GET', path: '/api/v1/workflows/..%2F..%2Fapi-keys' },
  ],
  ['SQL in a workflow id', { method: 'DELETE', path: "/api/v1/workflows/1'%20OR%20'1'='1" }],
  [
    'a 5 000-character upload id',
    { method: 'DELETE', path: `/api/v1/uploads/${'u'.repeat(5_000)}` },
  ],
  [
    'a NUL byte in a context id',
    {
      method: 'POST',
      path: '/api/v1/uploads/:up',
      body: { context_type: 'workflow', context_id: 'a\u0000b' },
    },
  ],
  ['a limit written as +5', { method: 'GET', path: '/api/v1/workflows?limit=%2B5' }],
  [
    'a description with an unpaired surrogate',
    {
      method: 'PATCH',
      path: '/api/v1/workflows/:wf',
      rawBody: '{"description":"\\ud800x"}',
      headers: json,
    },
  ],
  ['a NUL byte in search', { method: 'GET', path: '/api/v1/workflows?search=a%00b' }],
  ['a repeated limit', { method: 'GET', path: '/api/v1/workflows?limit=1&limit=2' }],
  ['a huge offset', { method: 'GET', path: '/api/v1/workflows?offset=99999999999999999999' }],
  [
    'a sort by a column it must not reveal',
    { method: 'GET', path: '/api/v1/workflows?sort=workspace_id' },
  ],
  ['an unknown template category', { method: 'GET', path: '/api/v1/templates?category=%00' }],
  [
    'a template id with a traversal',
    { method: 'POST', path: '/api/v1/templates/..%2F..%2Fworkflows/clone' },
  ],
  [
    'a clone body with an unknown field',
    {
      method: 'POST',
      path: '/api/v1/templates/2LKJN2QD/clone',
      body: { name: 'x', workspace_id: 'other' },
    },
  ],
  // The upload URL, without a key
  [
    'an upload PUT without a signature',
    { method: 'PUT', path: '/uploads/:up', rawBody: 'x', anonymous: true },
  ],
  [
    'an upload PUT with a junk signature',
    {
      method: 'PUT',
      path: '/uploads/:up?expires=9999999999&signature=%00%00',
      rawBody: 'x',
      anonymous: true,
    },
  ],
  [
    'an upload PUT to a traversal id',
    {
      method: 'PUT',
      path: '/uploads/..%2F..%2Fsecret?expires=1&signature=x',
      rawBody: 'x',
      anonymous: true,
    },
  ],
  [
    'an upload PUT with a negative expiry',
    { method: 'PUT', path: '/uploads/:up?expires=-1&signature=abc', rawBody: 'x', anonymous: true },
  ],
];

for (const dialect of testDialects) {
  describe.skipIf(!dialectAvailable(dialect))(`${dialect.name}: hostile input`, () => {
    let world: TestWorld;
    let workspace: TestWorkspace;
    let key: string;
    let ids: { wf: string; up: string };
    let original: { name: string; updated_at: string };

    beforeAll(async () => {
      world = await createTestWorld(dialect);
      workspace = await world.createWorkspace('Hostile');
      key = (await world.createKey(workspace, { scopes: [...SCOPES] })).plaintext;
      const workflow = await seedWorkflow(world, workspace);
      ids = { wf: workflow.id, up: (await seedUpload(world, workspace)).id };
      original = { name: workflow.name, updated_at: workflow.updated_at };
    });
    afterAll(async () => world?.dispose());

    it('has at least 50 cases', () => {
      expect(HOSTILE.length).toBeGreaterThanOrEqual(50);
    });

    it.each(HOSTILE)('answers %s with a clear 4xx error', async (_label, request) => {
      const path = request.path.replace(':wf', ids.wf).replace(':up', ids.up);
      const response = await world.call(request.method, path, {
        key: request.anonymous ? null : key,
        ...(request.body !== undefined && { body: request.body }),
        ...(request.rawBody !== undefined && { rawBody: request.rawBody }),
        ...(request.headers && { headers: request.headers }),
      });
      expect(response.status, JSON.stringify(response.body).slice(0, 500)).toBeGreaterThanOrEqual(
        400,
      );
      expect(response.status).toBeLessThan(500);
      expect(response.body.error).toEqual({
        code: expect.stringMatching(/^[A-Z_]+$/),
        message: expect.any(String),
        ...(response.body.error.details && { details: expect.any(Array) }),
      });
      expect(response.body.meta.request_id).toBe(response.headers.get('x-request-id'));
    });

    it('matches SQL in a search literally, finding nothing', async () => {
      const search = encodeURIComponent("'; DROP TABLE workflows; --");
      const response = await world.call('GET', `/api/v1/workflows?search=${search}&sort=name`, {
        key,
      });
      expect(response.status).toBe(200);
      expect(response.body.data).toEqual([]);
    });

    it('logged no server error and still serves afterwards', async () => {
      expect(world.logLines.filter((line) => JSON.parse(line).level >= 50)).toEqual([]);
      const workflow = await world.call('GET', `/api/v1/workflows/${ids.wf}`, { key });
      expect(workflow.status).toBe(200);
      expect(workflow.body.data).toMatchObject(original);
      const list = await world.call('GET', '/api/v1/workflows', { key });
      expect(list.body.data.map((w: any) => w.name)).toEqual([original.name]);
    });
  });
}
