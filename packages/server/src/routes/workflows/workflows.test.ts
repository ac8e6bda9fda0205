import { dialectAvailable, testDialects } from '@onepin/db/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFINITION_LIMITS } from '../../services/workflow-definition.js';
import { SAMPLE_DEFINITION, uniqueName } from '../../test-support/resources.js';
import { createTestWorld, type TestWorkspace, type TestWorld } from '../../test-support/world.js';

const node = (id: string, type = 'operator_generator') => ({ id, type });

/** A definition with `n` nodes chained by `n - 1` edges. */
function chain(n: number) {
  const nodes = Array.from({ length: n }, (_, i) => node(`n${i}`));
  const edges = nodes.slice(1).map((to, i) => ({ from: `n${i}`, to: to.id }));
  return { graph: { nodes, edges } };
}

function nested(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

for (const dialect of testDialects) {
  describe.skipIf(!dialectAvailable(dialect))(`${dialect.name}: workflows API`, () => {
    let world: TestWorld;
    let workspace: TestWorkspace;
    let key: string;

    beforeAll(async () => {
      world = await createTestWorld(dialect);
      workspace = await world.createWorkspace('Workflows');
      key = (
        await world.createKey(workspace, {
          scopes: ['workflows:read', 'workflows:write', 'workspace:read'],
        })
      ).plaintext;
    });
    afterAll(async () => world?.dispose());

    const call = (method: string, path: string, body?: unknown) =>
      world.call(method, path, { key, ...(body !== undefined && { body }) });

    async function create(body: Record<string, unknown> = {}) {
      const response = await call('POST', '/api/v1/workflows', {
        name: uniqueName(),
        definition: SAMPLE_DEFINITION,
        ...body,
      });
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      return response.body.data;
    }

    /** The audit events about one object, newest first (the fake clock stands still). */
    async function eventsAbout(id: string, type: string) {
      const events = (await call('GET', '/api/v1/activity?limit=100')).body.data;
      return events.filter((event: any) => event.target?.id === id && event.type === type);
    }

    describe('create and retrieve', () => {
      it('creates a workflow with 201 and returns it as stored', async () => {
        const name = uniqueName('Podcast');
        const response = await call('POST', '/api/v1/workflows', {
          name: `  ${name}  `,
          description: 'Line one\nline two',
          definition: { ...SAMPLE_DEFINITION, execution: { parallelism: 2 } },
        });
        expect(response.status).toBe(201);
        expect(response.body.data).toMatchObject({
          workspace_id: workspace.id,
          environment: 'live',
          name,
          description: 'Line one\nline two',
          definition: { ...SAMPLE_DEFINITION, execution: { parallelism: 2 } },
          user_id: workspace.userId,
          created_by: workspace.userId,
        });
        expect(response.body.data.id).toMatch(/^[0-9a-f-]{36}$/);
        const fetched = await call('GET', `/api/v1/workflows/${response.body.data.id}`);
        expect(fetched.status).toBe(200);
        expect(fetched.body.data).toEqual(response.body.data);
        expect(await eventsAbout(response.body.data.id, 'workflow_created')).toMatchObject([
          { environment: 'live', target: { type: 'workflow' }, metadata: { name } },
        ]);
      });

      it('starts a workflow made without a definition with an empty graph', async () => {
        const created = await create({ definition: undefined });
        expect(created.definition).toEqual({ graph: { nodes: [], edges: [] } });
        expect(created.description).toBeNull();
      });

      it('keeps the official graph as sent, extra fields too, and allows cycles (validator retries)', async () => {
        const definition = {
          graph: {
            nodes: [
              { id: 'voice', type: 'operator_generator', position: { x: 1, y: 2 }, name: 'Voice' },
              {
                id: 'check',
                type: 'validator_naturalness',
                position: { x: 240.5, y: -3 },
                config: { threshold: 85 },
                config_version: 2,
              },
            ],
            edges: [
              { id: 'a', source: 'voice', sourcePort: 'out', target: 'check', targetPort: 'in' },
              {
                id: 'b',
                source: 'check',
                sourcePort: 'fail',
                target: 'voice',
                targetPort: 'in',
                animated: true,
              },
            ],
            viewport: { zoom: 1 },
          },
          execution: { steps: ['voice', 'check'], params: { retries: 2 } },
        };
        expect((await create({ definition })).definition).toEqual(definition);
      });

      it('stores older {from, to, port} edges and nodes without a position in the official shape', async () => {
        const created = await create({
          definition: {
            graph: {
              nodes: [node('voice'), { ...node('check', 'validator_naturalness'), note: 'kept' }],
              edges: [
                { from: 'voice', to: 'check', label: 'kept' },
                { from: 'check', to: 'voice', port: 'fail' },
                {
                  id: 'edge-1',
                  source: 'check',
                  sourcePort: 'pass',
                  target: 'voice',
                  targetPort: 'in',
                },
              ],
            },
          },
        });
        expect(created.definition).toEqual({
          graph: {
            nodes: [
              { id: 'voice', type: 'operator_generator', position: { x: 0, y: 0 } },
              {
                id: 'check',
                type: 'validator_naturalness',
                note: 'kept',
                position: { x: 240, y: 0 },
              },
            ],
            edges: [
              // `edge-1` is taken by the official edge, so the first older one moves aside.
              {
                id: 'edge-1-2',
                source: 'voice',
                sourcePort: 'out',
                target: 'check',
                targetPort: 'in',
                label: 'kept',
              },
              {
                id: 'edge-2',
                source: 'check',
                sourcePort: 'fail',
                target: 'voice',
                targetPort: 'in',
              },
              {
                id: 'edge-1',
                source: 'check',
                sourcePort: 'pass',
                target: 'voice',
                targetPort: 'in',
              },
            ],
          },
        });
      });

      it('accepts a definition without a graph, or with no edges, as the official models allow', async () => {
        expect((await create({ definition: {} })).definition).toEqual({
          graph: { nodes: [], edges: [] },
        });
        expect(
          (await create({ definition: { graph: { nodes: [node('a')] } } })).definition,
        ).toEqual({
          graph: { nodes: [{ ...node('a'), position: { x: 0, y: 0 } }], edges: [] },
        });
      });

      it.each(['not-a-uuid', '00000000-0000-4000-8000-000000000000', 'x'.repeat(100)])(
        'answers 404 NOT_FOUND for the unknown id %j',
        async (id) => {
          const response = await call('GET', `/api/v1/workflows/${id}`);
          expect(response.status).toBe(404);
          expect(response.body.error).toMatchObject({
            code: 'NOT_FOUND',
            message: 'Workflow not found.',
          });
        },
      );
    });

    describe('validation', () => {
      const longName = 'n'.repeat(201);
      it.each([
        ['a missing name', { name: undefined }, 'name'],
        ['an empty name', { name: '' }, 'name'],
        ['a blank name', { name: '   ' }, 'name'],
        ['a name over 200 characters', { name: longName }, 'name'],
        ['a name with a newline', { name: 'a\nb' }, 'name'],
        ['a name that is a number', { name: 42 }, 'name'],
        ['a description over 5000 characters', { description: 'd'.repeat(5001) }, 'description'],
        ['a description with a NUL', { description: 'a\u0000b' }, 'description'],
        ['an unknown field', { owner: 'me' }, 'owner'],
        ['a definition that is a string', { definition: 'graph' }, 'definition'],
        ['a graph that is a list', { definition: { graph: [] } }, 'definition.graph'],
        [
          'nodes that are not an array',
          { definition: { graph: { nodes: {}, edges: [] } } },
          'definition.graph.nodes',
        ],
        [
          'a node without a type',
          { definition: { graph: { nodes: [{ id: 'a' }], edges: [] } } },
          'definition.graph.nodes.0.type',
        ],
        [
          'a node type with capitals',
          { definition: { graph: { nodes: [node('a', 'Source')], edges: [] } } },
          'definition.graph.nodes.0.type',
        ],
        [
          'a node type over 64 characters',
          { definition: { graph: { nodes: [node('a', 't'.repeat(65))], edges: [] } } },
          'definition.graph.nodes.0.type',
        ],
        [
          'a node with an empty id',
          { definition: { graph: { nodes: [node('')], edges: [] } } },
          'definition.graph.nodes.0.id',
        ],
        [
          'a node id over 64 characters',
          { definition: { graph: { nodes: [node('i'.repeat(65))], edges: [] } } },
          'definition.graph.nodes.0.id',
        ],
        [
          'a node id that is a number',
          { definition: { graph: { nodes: [{ id: 1, type: 'sink_preview' }], edges: [] } } },
          'definition.graph.nodes.0.id',
        ],
        [
          'two nodes with one id',
          { definition: { graph: { nodes: [node('a'), node('b'), node('a')], edges: [] } } },
          'definition.graph.nodes.2.id',
        ],
        [
          'an edge to a missing node',
          {
            definition: {
              graph: {
                nodes: [node('a'), node('b')],
                edges: [
                  { from: 'a', to: 'b' },
                  { from: 'b', to: 'a' },
                  { from: 'a', to: 'b' },
                  { from: 'a', to: 'ghost' },
                ],
              },
            },
          },
          'definition.graph.edges.3.to',
        ],
        [
          'an edge from a missing node',
          { definition: { graph: { nodes: [node('a')], edges: [{ from: 'x', to: 'a' }] } } },
          'definition.graph.edges.0.from',
        ],
        [
          'an edge without a target',
          { definition: { graph: { nodes: [node('a')], edges: [{ from: 'a' }] } } },
          'definition.graph.edges.0.to',
        ],
        [
          'an official edge without its ports',
          {
            definition: {
              graph: { nodes: [node('a')], edges: [{ id: 'e', source: 'a', target: 'a' }] },
            },
          },
          'definition.graph.edges.0.sourcePort',
        ],
        [
          'an official edge to a missing node',
          {
            definition: {
              graph: {
                nodes: [node('a')],
                edges: [{ id: 'e', source: 'a', sourcePort: 'out', target: 'b', targetPort: 'in' }],
              },
            },
          },
          'definition.graph.edges.0.target',
        ],
        [
          'an official edge without an id',
          {
            definition: {
              graph: {
                nodes: [node('a')],
                edges: [{ source: 'a', sourcePort: 'out', target: 'a', targetPort: 'in' }],
              },
            },
          },
          'definition.graph.edges.0.id',
        ],
        [
          'two edges with one id',
          {
            definition: {
              graph: {
                nodes: [node('a')],
                edges: [
                  { id: 'e', source: 'a', sourcePort: 'out', target: 'a', targetPort: 'in' },
                  { id: 'e', source: 'a', sourcePort: 'fail', target: 'a', targetPort: 'in' },
                ],
              },
            },
          },
          'definition.graph.edges.1.id',
        ],
        [
          'an edge that mixes both forms',
          {
            definition: {
              graph: {
                nodes: [node('a')],
                edges: [
                  {
                    id: 'e',
                    source: 'a',
                    sourcePort: 'out',
                    target: 'a',
                    targetPort: 'in',
                    to: 'a',
                  },
                ],
              },
            },
          },
          'definition.graph.edges.0.to',
        ],
        [
          'a position that is not a number',
          {
            definition: {
              graph: { nodes: [{ ...node('a'), position: { x: '1', y: 0 } }], edges: [] },
            },
          },
          'definition.graph.nodes.0.position.x',
        ],
        [
          'a node config that is not an object',
          { definition: { graph: { nodes: [{ ...node('a'), config: 'fast' }], edges: [] } } },
          'definition.graph.nodes.0.config',
        ],
        [
          'too many nodes',
          { definition: chain(DEFINITION_LIMITS.nodes + 1) },
          'definition.graph.nodes',
        ],
        [
          'a definition nested too deep',
          {
            definition: {
              graph: { nodes: [{ ...node('a'), settings: nested(40) }], edges: [] },
            },
          },
          'definition',
        ],
      ])('refuses %s with 422 naming the field', async (_label, override, field) => {
        const body = { name: uniqueName(), definition: SAMPLE_DEFINITION, ...override };
        const response = await call('POST', '/api/v1/workflows', body);
        expect(response.status).toBe(422);
        expect(response.body.error.code).toBe('VALIDATION_ERROR');
        expect(response.body.error.details.map((d: any) => d.field)).toContain(field);
      });

      it('accepts a definition at the size limits', async () => {
        const created = await create({ definition: chain(DEFINITION_LIMITS.nodes) });
        expect(created.definition.graph.nodes).toHaveLength(DEFINITION_LIMITS.nodes);
      });

      it('reports every problem of a definition at once', async () => {
        const response = await call('POST', '/api/v1/workflows', {
          name: uniqueName(),
          definition: {
            graph: {
              nodes: [node('a'), node('a')],
              edges: [{ from: 'b', to: 'c' }],
            },
          },
        });
        expect(response.status).toBe(422);
        expect(response.body.error.details.map((d: any) => d.field)).toEqual([
          'definition.graph.nodes.1.id',
          'definition.graph.edges.0.from',
          'definition.graph.edges.0.to',
        ]);
      });
    });

    describe('names', () => {
      it('refuses a name in use with 409 CONFLICT naming the field', async () => {
        const { name } = await create();
        const response = await call('POST', '/api/v1/workflows', { name });
        expect(response.status).toBe(409);
        expect(response.body.error.code).toBe('CONFLICT');
        expect(response.body.error.details).toEqual([
          { field: 'name', message: 'is already used by another workflow' },
        ]);
      });

      it('treats names as case-sensitive', async () => {
        const { name } = await create();
        expect((await call('POST', '/api/v1/workflows', { name: name.toUpperCase() })).status).toBe(
          201,
        );
      });

      it('frees the name of a deleted workflow', async () => {
        const { id, name } = await create();
        expect((await call('DELETE', `/api/v1/workflows/${id}`)).status).toBe(200);
        expect((await call('POST', '/api/v1/workflows', { name })).status).toBe(201);
      });

      it('lets only one of several concurrent creates with one name win', async () => {
        const name = uniqueName('Race');
        const results = await Promise.all(
          Array.from({ length: 4 }, () => call('POST', '/api/v1/workflows', { name })),
        );
        expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
      });

      it.each([
        ['PUT', (name: string) => ({ name, definition: SAMPLE_DEFINITION })],
        ['PATCH', (name: string) => ({ name })],
      ])('refuses renaming to a taken name with %s: 409', async (method, body) => {
        const taken = await create();
        const { id } = await create();
        const response = await call(method, `/api/v1/workflows/${id}`, body(taken.name));
        expect(response.status).toBe(409);
        expect(response.body.error.details[0].field).toBe('name');
      });
    });

    describe('replace and update', () => {
      it('replaces with PUT: a description left out becomes null', async () => {
        const { id } = await create({ description: 'old' });
        const definition = { graph: { nodes: [node('only')], edges: [] } };
        const name = uniqueName('Replaced');
        world.clock.advance(1000);
        const response = await call('PUT', `/api/v1/workflows/${id}`, { name, definition });
        expect(response.status).toBe(200);
        expect(response.body.data).toMatchObject({ id, name, definition, description: null });
        expect(response.body.data.updated_at > response.body.data.created_at).toBe(true);
      });

      it.each([
        ['a name', { definition: SAMPLE_DEFINITION }, 'name'],
        ['a definition', { name: 'x' }, 'definition'],
      ])('refuses a PUT without %s with 422', async (_label, body, field) => {
        const { id } = await create();
        const response = await call('PUT', `/api/v1/workflows/${id}`, body);
        expect(response.status).toBe(422);
        expect(response.body.error.details.map((d: any) => d.field)).toContain(field);
      });

      it('merges a PATCH: fields left out keep their value; null clears the description', async () => {
        const created = await create({ description: 'keep me' });
        const renamed = await call('PATCH', `/api/v1/workflows/${created.id}`, {
          name: `${created.name} v2`,
        });
        expect(renamed.body.data).toMatchObject({
          name: `${created.name} v2`,
          description: 'keep me',
          definition: created.definition,
        });
        const cleared = await call('PATCH', `/api/v1/workflows/${created.id}`, {
          description: null,
        });
        expect(cleared.body.data.description).toBeNull();
        expect(await eventsAbout(created.id, 'workflow_updated')).toMatchObject([
          { metadata: { changed: ['description'] } },
          { metadata: { changed: ['name'], previous_name: created.name } },
        ]);
      });

      it('refuses an empty PATCH with 422', async () => {
        const { id } = await create();
        const response = await call('PATCH', `/api/v1/workflows/${id}`, {});
        expect(response.status).toBe(422);
        expect(response.body.error.details[0].message).toMatch(/at least one field/);
      });

      it('validates the definition of a PATCH like a create', async () => {
        const { id } = await create();
        const response = await call('PATCH', `/api/v1/workflows/${id}`, {
          definition: { graph: { nodes: [node('a')], edges: [{ from: 'a', to: 'b' }] } },
        });
        expect(response.status).toBe(422);
        expect(response.body.error.details[0].field).toBe('definition.graph.edges.0.to');
      });
    });

    describe('name availability', () => {
      const check = (query: string) => call('GET', `/api/v1/workflows/name-availability?${query}`);

      it('says whether a name is free, trimmed, case-sensitive, and frees it on delete', async () => {
        const { id, name } = await create();
        const taken = await check(`name=${encodeURIComponent(`  ${name} `)}`);
        expect(taken.status).toBe(200);
        expect(taken.body.data).toEqual({ name, available: false });
        expect((await check(`name=${encodeURIComponent(name.toUpperCase())}`)).body.data).toEqual({
          name: name.toUpperCase(),
          available: true,
        });
        expect(
          (await check(`name=${encodeURIComponent(name)}&exclude_id=${id}`)).body.data.available,
        ).toBe(true);
        await call('DELETE', `/api/v1/workflows/${id}`);
        expect((await check(`name=${encodeURIComponent(name)}`)).body.data.available).toBe(true);
      });

      it('does not see names of the other data set', async () => {
        const testKey = (
          await world.createKey(workspace, { scopes: ['workflows:read'], type: 'test' })
        ).plaintext;
        const { name } = await create();
        const response = await world.call(
          'GET',
          `/api/v1/workflows/name-availability?name=${encodeURIComponent(name)}`,
          { key: testKey },
        );
        expect(response.body.data.available).toBe(true);
      });

      it.each([
        ['', 'name'],
        ['name=', 'name'],
        ['name=%20%20', 'name'],
        [`name=${'n'.repeat(201)}`, 'name'],
        ['name=a%00b', 'name'],
      ])('refuses %j with 422 naming the parameter', async (query, field) => {
        const response = await check(query);
        expect(response.status).toBe(422);
        expect(response.body.error.details.map((d: any) => d.field)).toContain(field);
      });
    });

    describe('delete', () => {
      it('soft-deletes: 200, then 404 everywhere, and an audit event', async () => {
        const { id, name } = await create();
        const response = await call('DELETE', `/api/v1/workflows/${id}`);
        expect(response.status).toBe(200);
        expect(response.body.data).toEqual({ id, deleted: true });
        expect(await eventsAbout(id, 'workflow_deleted')).toMatchObject([{ metadata: { name } }]);
        for (const [method, path, body] of [
          ['GET', `/api/v1/workflows/${id}`],
          ['PATCH', `/api/v1/workflows/${id}`, { name: 'x' }],
          ['PUT', `/api/v1/workflows/${id}`, { name: 'x', definition: SAMPLE_DEFINITION }],
          ['DELETE', `/api/v1/workflows/${id}`],
          ['POST', `/api/v1/workflows/${id}/duplicate`],
          ['GET', `/api/v1/workflows/${id}/uploads`],
        ] as const) {
          expect((await call(method, path, body)).status, `${method} ${path}`).toBe(404);
        }
        const list = await call('GET', `/api/v1/workflows?search=${encodeURIComponent(name)}`);
        expect(list.body.data).toEqual([]);
      });
    });

    describe('duplicate', () => {
      it('copies with 201 as "{name} (Copy)", then "(Copy 2)" when that is taken', async () => {
        const source = await create({ description: 'original' });
        const first = await call('POST', `/api/v1/workflows/${source.id}/duplicate`);
        expect(first.status).toBe(201);
        expect(first.body.data).toMatchObject({
          name: `${source.name} (Copy)`,
          description: 'original',
          definition: source.definition,
        });
        expect(first.body.data.id).not.toBe(source.id);
        const second = await call('POST', `/api/v1/workflows/${source.id}/duplicate`);
        expect(second.body.data.name).toBe(`${source.name} (Copy 2)`);
        expect(await eventsAbout(second.body.data.id, 'workflow_created')).toMatchObject([
          { metadata: { name: `${source.name} (Copy 2)`, duplicated_from: source.id } },
        ]);
      });

      it('takes a name from the optional body, 409 when it is taken', async () => {
        const source = await create();
        const name = uniqueName('Named copy');
        const named = await call('POST', `/api/v1/workflows/${source.id}/duplicate`, { name });
        expect(named.status).toBe(201);
        expect(named.body.data.name).toBe(name);
        const clash = await call('POST', `/api/v1/workflows/${source.id}/duplicate`, { name });
        expect(clash.status).toBe(409);
      });

      it('shortens a long name so the copy still fits in 200 characters', async () => {
        const source = await create({ name: `${uniqueName()} ${'x'.repeat(200)}`.slice(0, 200) });
        const copy = await call('POST', `/api/v1/workflows/${source.id}/duplicate`);
        expect(copy.status).toBe(201);
        expect(copy.body.data.name).toHaveLength(200);
        expect(copy.body.data.name.endsWith(' (Copy)')).toBe(true);
      });
    });

    describe('list', () => {
      let tag: string;
      beforeAll(async () => {
        tag = uniqueName('list').replace(/\W/g, '');
        for (const [i, name] of ['bravo', 'Alpha', 'charlie_%'].entries()) {
          world.clock.advance(1000);
          await create({ name: `${tag} ${name}`, description: String(i) });
        }
      });

      const names = async (query: string) => {
        const response = await call('GET', `/api/v1/workflows?search=${tag}&${query}`);
        expect(response.status, JSON.stringify(response.body)).toBe(200);
        return response.body.data.map((w: any) => w.name.slice(tag.length + 1));
      };

      it('lists the most recently updated first by default', async () => {
        expect(await names('')).toEqual(['charlie_%', 'Alpha', 'bravo']);
      });

      it.each([
        ['sort=name', ['Alpha', 'bravo', 'charlie_%']],
        ['sort=name&order=desc', ['charlie_%', 'bravo', 'Alpha']],
        ['sort=created_at&order=asc', ['bravo', 'Alpha', 'charlie_%']],
        ['sort=updated_at', ['charlie_%', 'Alpha', 'bravo']],
      ])('sorts with %s', async (query, expected) => {
        expect(await names(query)).toEqual(expected);
      });

      it.each([
        ['sort=runs_count&sort=name', ['Alpha', 'bravo', 'charlie_%']],
        ['sort=updated_at&sort=name&order=asc&order=desc', ['bravo', 'Alpha', 'charlie_%']],
        ['sort=name&sort=updated_at&order=desc', ['charlie_%', 'bravo', 'Alpha']],
        ['order=asc', ['bravo', 'Alpha', 'charlie_%']],
      ])(
        'sorts by several keys in turn with %s (runs_count is 0 for all)',
        async (query, expected) => {
          expect(await names(query)).toEqual(expected);
        },
      );

      it.each([
        ['status=draft', 3],
        ['has_failed_run=false', 3],
        ['status=completed', 0],
        ['status=running', 0],
        ['status=paused', 0],
        ['has_failed_run=true', 0],
        ['last_run_after=2020-01-01T00:00:00Z', 0],
        ['last_run_before=2099-01-01T00:00:00%2B09:00', 0],
      ])('answers the run filter %s as for workflows never run (%i)', async (query, count) => {
        const response = await call('GET', `/api/v1/workflows?search=${tag}&${query}`);
        expect(response.status).toBe(200);
        expect(response.body.data).toHaveLength(count);
        expect(response.body.pagination.total).toBe(count);
      });

      it('gives each workflow the run fields of the public API, all empty', async () => {
        const [first] = (await call('GET', `/api/v1/workflows?search=${tag}`)).body.data;
        expect(first).toMatchObject({
          user_id: workspace.userId,
          runs_count: 0,
          last_run_at: null,
          last_run_status: null,
          run_status_counts: {
            pending: 0,
            running: 0,
            completed: 0,
            failed: 0,
            cancelled: 0,
            paused: 0,
          },
        });
      });

      it('searches case-insensitively, with % and _ matched literally', async () => {
        const search = async (text: string) =>
          (await call('GET', `/api/v1/workflows?search=${encodeURIComponent(text)}`)).body.data.map(
            (w: any) => w.name,
          );
        expect(await search(`${tag.toUpperCase()} ALPHA`)).toEqual([`${tag} Alpha`]);
        expect(await search(`${tag} charlie_%`)).toEqual([`${tag} charlie_%`]);
        expect(await search(`${tag} %`)).toEqual([]);
        expect(await search(`${tag} _`)).toEqual([]);
      });

      it('paginates with a total and links that keep the query', async () => {
        const response = await call(
          'GET',
          `/api/v1/workflows?search=${tag}&sort=name&limit=1&offset=1`,
        );
        expect(response.body.data.map((w: any) => w.name)).toEqual([`${tag} bravo`]);
        expect(response.body.pagination).toEqual({
          limit: 1,
          offset: 1,
          total: 3,
          next: `/api/v1/workflows?search=${tag}&sort=name&limit=1&offset=2`,
          prev: `/api/v1/workflows?search=${tag}&sort=name&limit=1&offset=0`,
        });
      });

      it.each([
        ['limit=0', 'limit'],
        ['limit=101', 'limit'],
        ['limit=ten', 'limit'],
        ['offset=-1', 'offset'],
        ['sort=runs', 'sort'],
        ['sort=name&sort=name', 'sort'],
        ['sort=name&order=asc&order=desc', 'order'],
        ['status=finished', 'status'],
        ['has_failed_run=yes', 'has_failed_run'],
        ['last_run_after=2027-01-01T00:00:00', 'last_run_after'],
        [
          'last_run_after=2027-02-01T00:00:00Z&last_run_before=2027-01-01T00:00:00Z',
          'last_run_after',
        ],
        ['sort=name;drop table workflows', 'sort'],
        ['order=sideways', 'order'],
        [`search=${'s'.repeat(201)}`, 'search'],
        ['search=%00', 'search'],
      ])('refuses %s with 422 naming the parameter', async (query, field) => {
        const response = await call('GET', `/api/v1/workflows?${query}`);
        expect(response.status).toBe(422);
        expect(response.body.error.details.map((d: any) => d.field)).toContain(field);
      });
    });
  });
}
