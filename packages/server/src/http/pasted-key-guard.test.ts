import { z } from '@hono/zod-openapi';
import { generateApiKey, keyPreview, SCOPES } from '@onepin/core';
import { listAuditEvents } from '@onepin/db';
import { dialectAvailable, testDialects } from '@onepin/db/test-support';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../openapi.js';
import { publicRoute, type RouteRegistrar } from '../routes/route-definition.js';
import { createUserWithWorkspace } from '../services/accounts.js';
import { seedWorkflow, uniqueName } from '../test-support/resources.js';
import { createTestWorld, type TestWorld, worldPerSuite } from '../test-support/world.js';
import { ACCEPTS_API_KEY_IN_BODY, fieldsHoldingKeys } from './pasted-key-guard.js';
import { jsonResponse } from './response-headers.js';

/** What must never come back: the key's secret part (its preview is fine). */
function secretOf(key: string): string {
  return key.slice(8, 36);
}

function preview(key: string): string {
  return keyPreview(key.slice(0, 8), key.slice(-4));
}

interface Scenario {
  name: string;
  method: string;
  path: (ids: Ids) => string;
  body: (key: string) => unknown;
  field: (key: string) => string;
  session?: boolean;
}

interface Ids {
  keyId: string;
  workflowId: string;
  templateId: string;
}

const graph = { nodes: [{ id: 'a', type: 'source_script' }], edges: [] };

// The red team's list: every free-text field the server stores, with the key glued to other
// text where the old `\b…\b` pattern missed it.
const SCENARIOS: Scenario[] = [
  {
    name: 'a key name prod_<key>',
    method: 'POST',
    path: () => '/api/v1/api-keys',
    body: (key) => ({ name: `prod_${key}`, scopes: ['workspace:read'] }),
    field: () => 'name',
  },
  {
    name: 'a key name <key>x',
    method: 'POST',
    path: () => '/api/v1/api-keys',
    body: (key) => ({ name: `${key}x` }),
    field: () => 'name',
  },
  {
    name: 'a key renamed to x<key>',
    method: 'PATCH',
    path: (ids) => `/api/v1/api-keys/${ids.keyId}`,
    body: (key) => ({ name: `x${key}` }),
    field: () => 'name',
  },
  {
    name: 'a workflow description',
    method: 'POST',
    path: () => '/api/v1/workflows',
    body: (key) => ({ name: uniqueName(), description: `deploy with ${key}` }),
    field: () => 'description',
  },
  {
    name: 'an extra field of a workflow definition',
    method: 'POST',
    path: () => '/api/v1/workflows',
    body: (key) => ({ name: uniqueName(), definition: { graph, notes: `token=${key}` } }),
    field: () => 'definition.notes',
  },
  {
    name: 'an extra field of a node, deep in the definition',
    method: 'PUT',
    path: (ids) => `/api/v1/workflows/${ids.workflowId}`,
    body: (key) => ({
      name: uniqueName(),
      definition: {
        graph: {
          nodes: [{ id: 'a', type: 'source_script', config: { headers: [`Bearer ${key}`] } }],
          edges: [],
        },
      },
    }),
    field: () => 'definition.graph.nodes.0.config.headers.0',
  },
  {
    name: 'an object key of a workflow definition',
    method: 'PATCH',
    path: (ids) => `/api/v1/workflows/${ids.workflowId}`,
    body: (key) => ({ definition: { graph, [key]: true } }),
    field: (key) => `definition.${preview(key)}`,
  },
  {
    name: 'a duplicated workflow name',
    method: 'POST',
    path: (ids) => `/api/v1/workflows/${ids.workflowId}/duplicate`,
    body: (key) => ({ name: `copy_${key}` }),
    field: () => 'name',
  },
  {
    name: 'a cloned template name',
    method: 'POST',
    path: (ids) => `/api/v1/templates/${ids.templateId}/clone`,
    body: (key) => ({ name: `${key}_clone` }),
    field: () => 'name',
  },
  {
    name: 'an upload file name',
    method: 'POST',
    path: () => '/api/v1/uploads',
    body: (key) => ({ filename: `script_${key}.txt`, category: 'script', size_bytes: 1 }),
    field: () => 'filename',
  },
  {
    name: 'an upload content type',
    method: 'POST',
    path: () => '/api/v1/uploads',
    body: (key) => ({
      filename: 'a.txt',
      category: 'script',
      size_bytes: 1,
      content_type: `text/plain; x=${key}`,
    }),
    field: () => 'content_type',
  },
  {
    name: 'a member email',
    method: 'POST',
    path: () => '/api/v1/members',
    body: (key) => ({ email: `${key}@corp.example`, role: 'viewer' }),
    field: () => 'email',
    session: true,
  },
  {
    name: 'the workspace name of the first-run setup',
    method: 'POST',
    path: () => '/api/v1/setup',
    body: (key) => ({ token: 'x', email: 'a@b.example', password: 'p', workspace_name: key }),
    field: () => 'workspace_name',
  },
];

describe.each(testDialects)('$name: pasted-key guard', (dialect) => {
  const suite = worldPerSuite(dialect);

  async function setUp(world: TestWorld) {
    const workspace = await world.createWorkspace();
    const admin = await world.createKey(workspace, { scopes: [...SCOPES] });
    const session = await world.signIn(workspace);
    const workflow = await seedWorkflow(world, workspace);
    const templates = await world.call('GET', '/api/v1/templates', { key: admin.plaintext });
    const ids: Ids = {
      keyId: admin.id,
      workflowId: workflow.id,
      templateId: templates.body.data[0].id,
    };
    return { workspace, admin, session, ids };
  }

  suite.run.each(SCENARIOS.map((s) => [s.name, s] as const))(
    'refuses a key in %s with 422 naming the field, echoes nothing, stores nothing',
    async (_name, scenario) => {
      const { world } = suite;
      const { workspace, admin, session, ids } = await setUp(world);
      const key = generateApiKey('live');
      const response = await world.call(scenario.method, scenario.path(ids), {
        ...(scenario.session ? { session } : { key: admin.plaintext }),
        body: scenario.body(key),
      });
      expect(response.status).toBe(422);
      expect(response.body.error.code).toBe('VALIDATION_ERROR');
      expect(response.body.error.details).toContainEqual({
        field: scenario.field(key),
        message: expect.stringMatching(/^must not contain an API key/),
      });
      expect(JSON.stringify(response.body)).not.toContain(secretOf(key));
      const audit = await listAuditEvents(world.database.handle.db, {
        workspaceId: workspace.id,
        limit: 100,
      });
      expect(JSON.stringify(audit)).not.toContain(secretOf(key));
      // world.dispose() scans every table and log line for a key after the suite.
    },
  );

  suite.run('sees through JSON escapes: op\\u005flive\\u005f… is a key too', async () => {
    const { world } = suite;
    const { admin } = await setUp(world);
    const key = generateApiKey('test');
    const escaped = JSON.stringify({ name: key }).replaceAll('_', '\\u005f');
    const response = await world.call('POST', '/api/v1/api-keys', {
      key: admin.plaintext,
      rawBody: escaped,
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(422);
    expect(response.body.error.details).toEqual([
      { field: 'name', message: 'must not contain an API key' },
    ]);
  });

  suite.run('lets look-alikes with a wrong checksum through (no false positives)', async () => {
    const { world } = suite;
    const { admin } = await setUp(world);
    const key = generateApiKey('live');
    const lookAlike = `${key.slice(0, -1)}${key.endsWith('a') ? 'b' : 'a'}`;
    const response = await world.call('POST', '/api/v1/api-keys', {
      key: admin.plaintext,
      body: { name: `${lookAlike.slice(0, 20)} ${lookAlike.slice(20)}` },
    });
    expect(response.status).toBe(201);
  });

  suite.run(
    'refuses a key anywhere in the body of every operation of the OpenAPI document',
    async () => {
      const { world } = suite;
      const { admin, session } = await setUp(world);
      const service = await world.createServiceToken('pasted-key guard');
      const document = openApiDocument(world.app);
      let checked = 0;
      for (const [path, item] of Object.entries(document.paths ?? {})) {
        for (const [method, operation] of Object.entries(item ?? {}) as Array<[string, any]>) {
          if (!operation?.requestBody?.content?.['application/json']) continue;
          // Routes whose body is meant to hold keys (leak reports) declare it; see below.
          if (operation[ACCEPTS_API_KEY_IN_BODY] === true) continue;
          const security: Array<Record<string, unknown>> | undefined = operation.security;
          const credential =
            security === undefined || security.length === 0
              ? {}
              : security.some((s) => 'bearerAuth' in s)
                ? { key: admin.plaintext }
                : security.some((s) => 'serviceToken' in s)
                  ? { headers: { authorization: `Bearer ${service.token}` } }
                  : { session };
          const key = generateApiKey('test');
          const response = await world.call(
            method.toUpperCase(),
            path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000'),
            { ...credential, body: { anything: [{ deep: `x${key}x` }] } },
          );
          expect(response.status, `${method} ${path}`).toBe(422);
          expect(response.body.error.details, `${method} ${path}`).toEqual([
            { field: 'anything.0.deep', message: 'must not contain an API key' },
          ]);
          checked++;
        }
      }
      expect(checked).toBeGreaterThanOrEqual(15);
    },
  );

  suite.run(
    'lets keys through only to the routes that receive leaked keys or verify them',
    async () => {
      const { world } = suite;
      const document = openApiDocument(world.app);
      const accepting = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
        Object.entries(item ?? {})
          .filter(([, operation]) => (operation as any)?.[ACCEPTS_API_KEY_IN_BODY] === true)
          .map(([method]) => `${method.toUpperCase()} ${path}`),
      );
      expect(accepting.sort()).toEqual([
        'POST /api/v1/credentials/revoke',
        'POST /api/v1/keys/verify',
        'POST /api/v1/keys/verify/batch',
        'POST /api/v1/secret-scanning/github',
      ]);
    },
  );

  suite.run(
    'keeps a key pasted into the User-Agent at sign-in out of the sessions table',
    async () => {
      const { world } = suite;
      const email = `ua-${Math.random().toString(36).slice(2)}@example.com`;
      await createUserWithWorkspace(world.deps, {
        email,
        password: 'correct horse battery',
        workspaceName: uniqueName('UA'),
      });
      const key = generateApiKey('live');
      const signedIn = await world.call('POST', '/api/v1/session', {
        body: { email, password: 'correct horse battery' },
        headers: { 'user-agent': `curl/8 ${key}` },
      });
      expect(signedIn.status).toBe(201);
      const rows = await world.database.handle.db
        .selectFrom('sessions')
        .select('user_agent')
        .where('user_agent', 'like', 'curl/8 %')
        .execute();
      expect(rows).toEqual([{ user_agent: `curl/8 ${preview(key)}` }]);
    },
  );
});

describe.each(testDialects)('$name: routes that take a key in their body', (dialect) => {
  it.skipIf(!dialectAvailable(dialect))(
    'receive it only when their body policy says so, which the OpenAPI document shows',
    async () => {
      const declared = (path: string, acceptsApiKey: boolean): RouteRegistrar => {
        const route = publicRoute(
          {
            method: 'post',
            path,
            request: {
              body: {
                content: { 'application/json': { schema: z.object({ key: z.string() }) } },
                required: true,
              },
            },
            responses: { 200: { description: 'ok' } },
          },
          { body: { kind: 'json', acceptsApiKey } },
        );
        return (app) =>
          app.openapi(route, (c) =>
            jsonResponse(c, { received: c.req.valid('json').key.length }, 200),
          );
      };
      const world = await createTestWorld(dialect, {
        app: { extraRoutes: [declared('/api/v1/verify', true), declared('/api/v1/other', false)] },
      });
      try {
        const key = generateApiKey('live');
        const verify = await world.call('POST', '/api/v1/verify', { body: { key } });
        expect(verify).toMatchObject({ status: 200, body: { received: 40 } });
        const other = await world.call('POST', '/api/v1/other', { body: { key } });
        expect(other.status).toBe(422);
        const paths = openApiDocument(world.app).paths as Record<string, Record<string, object>>;
        expect(paths['/api/v1/verify']?.post).toHaveProperty(ACCEPTS_API_KEY_IN_BODY, true);
        expect(paths['/api/v1/other']?.post).not.toHaveProperty(ACCEPTS_API_KEY_IN_BODY);
      } finally {
        await world.dispose();
      }
    },
  );
});

describe('fieldsHoldingKeys', () => {
  const jsonValue = fc.jsonValue({ maxDepth: 4 });

  it('finds a key wherever it is put into any JSON value: any string, any field name', () => {
    fc.assert(
      fc.property(
        jsonValue,
        fc.string({ maxLength: 10 }),
        fc.string({ maxLength: 10 }),
        fc.boolean(),
        fc.nat(),
        (value, before, after, asFieldName, pick) => {
          const key = generateApiKey(pick % 2 ? 'live' : 'test');
          const text = `${before}${key}${after}`;
          const planted = plant(value, text, asFieldName, pick);
          expect(fieldsHoldingKeys(planted).length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('finds nothing in key-free values', () => {
    fc.assert(
      fc.property(jsonValue, (value) => {
        expect(fieldsHoldingKeys(value)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('walks a body nested 100,000 deep without overflowing the stack', () => {
    const key = generateApiKey('live');
    let deep: unknown = key;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(fieldsHoldingKeys(deep)).toHaveLength(1);
  });
});

/** `value` with `text` put in one place: replacing a string or a leaf, or as a field name. */
function plant(value: unknown, text: string, asFieldName: boolean, pick: number): unknown {
  if (Array.isArray(value) && value.length > 0) {
    const index = pick % value.length;
    const copy = [...value];
    copy[index] = plant(value[index], text, asFieldName, Math.floor(pick / 2));
    return copy;
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const entries = Object.entries(value);
    if (entries.length > 0 && pick % 3 !== 0) {
      const index = pick % entries.length;
      const [name, child] = entries[index] as [string, unknown];
      return { ...value, [name]: plant(child, text, asFieldName, Math.floor(pick / 2)) };
    }
    return asFieldName ? { ...value, [text]: 1 } : { ...value, planted: text };
  }
  return asFieldName ? { [text]: value } : text;
}
