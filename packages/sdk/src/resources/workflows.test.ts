import { dialectAvailable, testDialects } from '@onepin/db/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ConflictError,
  NotFoundError,
  type OnePinClient,
  PermissionDeniedError,
  UnprocessableEntityError,
  type WorkflowDefinition,
} from '../index.js';
import { createSdkWorld, type SdkWorld } from '../test-support/real-app.js';
import { rejection } from '../test-support/rejection.js';

const definition: WorkflowDefinition = {
  graph: {
    nodes: [
      { id: 'script', type: 'source_script', position: { x: 0, y: 0 }, config: { format: 'srt' } },
      { id: 'out', type: 'sink_preview', position: { x: 240, y: 0 } },
    ],
    edges: [{ id: 'e1', source: 'script', sourcePort: 'out', target: 'out', targetPort: 'in' }],
  },
  execution: { parallel: false },
};

const fieldsOf = (error: UnprocessableEntityError | ConflictError) =>
  error.details.map((detail) => detail.field);

for (const dialect of testDialects) {
  describe.skipIf(!dialectAvailable(dialect))(`${dialect.name}: client.workflows`, () => {
    let sdk: SdkWorld;
    let client: OnePinClient;
    let counter = 0;
    /** A name no other workflow of these tests has. */
    const unique = (prefix = 'Workflow') => `${prefix} ${++counter}`;
    /** The requests sent since `mark()`. */
    const since = (mark: number) =>
      sdk.requests.slice(mark).map((r) => `${r.method} ${new URL(r.url).pathname}`);

    beforeAll(async () => {
      sdk = await createSdkWorld(dialect);
      client = await sdk.client(['workflows:read', 'workflows:write']);
    });
    afterAll(() => sdk.dispose());

    it('iterating workflows.list() over 120 workflows yields all 120', async () => {
      // A workspace of its own, so the count is exactly the workflows made here.
      const workspace = await sdk.world.createWorkspace('Bulk');
      const key = await sdk.world.createKey(workspace, {
        scopes: ['workflows:read', 'workflows:write'],
      });
      const bulk = sdk.clientFor(key.plaintext);
      const made = new Set<string>();
      for (let i = 0; i < 120; i++)
        made.add((await bulk.workflows.create({ name: `flow ${i}` })).id);

      const mark = sdk.requests.length;
      const seen: string[] = [];
      for await (const workflow of bulk.workflows.list()) seen.push(workflow.id);
      expect(seen).toHaveLength(120);
      expect(new Set(seen)).toEqual(made);
      const offsets = sdk.requests
        .slice(mark)
        .map((request) => new URL(request.url).searchParams.get('offset'));
      expect(offsets).toEqual([null, '50', '100']);
    });

    it('keeps the filters and the order on every page', async () => {
      const prefix = unique('filtered');
      const names = Array.from(
        { length: 30 },
        (_, i) => `${prefix} ${i % 2 ? 'odd' : 'even'} ${i}`,
      );
      for (const name of names) await client.workflows.create({ name });

      const mark = sdk.requests.length;
      const found: string[] = [];
      const query = { search: `${prefix} ODD`, sort: 'name', order: 'desc', limit: 4 } as const;
      for await (const workflow of client.workflows.list(query)) found.push(workflow.name);
      const odd = names.filter((name) => name.includes('odd'));
      expect(found).toEqual([...odd].sort().reverse());
      const urls = sdk.requests.slice(mark).map((request) => new URL(request.url));
      expect(urls).toHaveLength(4);
      for (const url of urls) {
        expect(url.searchParams.get('search')).toBe(`${prefix} ODD`);
        expect(url.searchParams.get('sort')).toBe('name');
        expect(url.searchParams.get('order')).toBe('desc');
      }
    });

    it('sorts by updated_at (newest first) by default, or by created_at or name', async () => {
      const prefix = unique('sorted');
      const [a, b, c] = ['a', 'b', 'c'].map((letter) => `${prefix} ${letter}`) as [
        string,
        string,
        string,
      ];
      const first = await client.workflows.create({ name: a });
      sdk.world.clock.advance(1000);
      await client.workflows.create({ name: b });
      sdk.world.clock.advance(1000);
      await client.workflows.create({ name: c });
      sdk.world.clock.advance(1000);
      await client.workflows.update(first.id, { description: 'touched' });

      const names = async (params: Parameters<typeof client.workflows.list>[0] = {}) =>
        (await client.workflows.list({ search: prefix, ...params })).data.map((w) => w.name);
      expect(await names()).toEqual([a, c, b]);
      expect(await names({ sort: 'created_at' })).toEqual([c, b, a]);
      expect(await names({ sort: 'created_at', order: 'asc' })).toEqual([a, b, c]);
      expect(await names({ sort: 'name' })).toEqual([a, b, c]);
      expect(await names({ sort: 'name', order: 'desc' })).toEqual([c, b, a]);
    });

    it('awaiting list() gives the first page with its pagination', async () => {
      const prefix = unique('paged');
      for (let i = 0; i < 3; i++) await client.workflows.create({ name: `${prefix} ${i}` });
      const first = await client.workflows.list({ search: prefix, limit: 2 });
      expect(first.data).toHaveLength(2);
      expect(first.pagination).toMatchObject({ limit: 2, offset: 0, total: 3, prev: null });
      expect(first.hasNextPage()).toBe(true);
      const second = await first.getNextPage();
      expect(second.data).toHaveLength(1);
      expect(second.pagination).toMatchObject({ offset: 2, next: null });
      expect(second.hasNextPage()).toBe(false);
      await expect(second.getNextPage()).rejects.toThrow(RangeError);
    });

    it('creates, retrieves, updates and replaces, each at its path', async () => {
      const name = unique('Voice');
      const mark = sdk.requests.length;
      const created = await client.workflows.create({ name, description: 'd', definition });
      expect(created).toMatchObject({
        name,
        description: 'd',
        definition,
        workspace_id: sdk.workspace.id,
        environment: 'live',
      });
      await expect(client.workflows.retrieve(created.id)).resolves.toEqual(created);

      const renamed = await client.workflows.update(created.id, { name: `${name} 2` });
      expect(renamed).toMatchObject({ name: `${name} 2`, description: 'd', definition });
      const cleared = await client.workflows.update(created.id, { description: null });
      expect(cleared.description).toBeNull();

      // The older edge form and a node without a position come back in the official shape.
      const older = {
        graph: {
          nodes: [
            { id: 'a', type: 'source_script' },
            { id: 'b', type: 'sink_preview' },
          ],
          edges: [{ from: 'a', to: 'b' }],
        },
      };
      const replaced = await client.workflows.replace(created.id, {
        name: `${name} 3`,
        description: 'again',
        definition: older,
      });
      expect(replaced).toMatchObject({
        name: `${name} 3`,
        description: 'again',
        definition: {
          graph: {
            nodes: [
              { id: 'a', type: 'source_script', position: { x: 0, y: 0 } },
              { id: 'b', type: 'sink_preview', position: { x: 240, y: 0 } },
            ],
            edges: [
              { id: 'edge-1', source: 'a', sourcePort: 'out', target: 'b', targetPort: 'in' },
            ],
          },
        },
      });
      // PUT replaces: a description left out is none.
      const bare = await client.workflows.replace(created.id, { name, definition });
      expect(bare).toMatchObject({ name, description: null, definition });
      expect(bare.created_at).toBe(created.created_at);

      const id = created.id;
      expect(since(mark)).toEqual([
        'POST /api/v1/workflows',
        `GET /api/v1/workflows/${id}`,
        `PATCH /api/v1/workflows/${id}`,
        `PATCH /api/v1/workflows/${id}`,
        `PUT /api/v1/workflows/${id}`,
        `PUT /api/v1/workflows/${id}`,
      ]);
    });

    it('duplicates as "<name> (Copy)", then "(Copy 2)", or under the name given', async () => {
      const name = unique('Original');
      const original = await client.workflows.create({ name, description: 'd', definition });
      const copy = await client.workflows.duplicate(original.id);
      expect(copy).toMatchObject({ name: `${name} (Copy)`, description: 'd', definition });
      expect(copy.id).not.toBe(original.id);
      const again = await client.workflows.duplicate(original.id);
      expect(again.name).toBe(`${name} (Copy 2)`);
      const named = await client.workflows.duplicate(original.id, { name: `${name} v2` });
      expect(named.name).toBe(`${name} v2`);

      const taken = await rejection(client.workflows.duplicate(original.id, { name }));
      expect(taken).toBeInstanceOf(ConflictError);
      expect(sdk.requests.at(-1)?.url).toMatch(/\/duplicate$/);
    });

    it('deletes a workflow: it answers {id, deleted}, is gone, and its name is free', async () => {
      const name = unique('Doomed');
      const doomed = await client.workflows.create({ name });
      await expect(client.workflows.delete(doomed.id)).resolves.toEqual({
        id: doomed.id,
        deleted: true,
      });
      expect(sdk.requests.at(-1)?.method).toBe('DELETE');
      await expect(client.workflows.retrieve(doomed.id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(client.workflows.delete(doomed.id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(client.workflows.create({ name })).resolves.toMatchObject({ name });
    });

    it('a taken name is a ConflictError naming the field, and a POST is not retried', async () => {
      const name = unique('Same');
      const other = await client.workflows.create({ name: unique('Other') });
      await client.workflows.create({ name });
      const mark = sdk.requests.length;
      const error = await rejection(client.workflows.create({ name }));
      expect(error).toBeInstanceOf(ConflictError);
      expect(error).toMatchObject({ status: 409, code: 'CONFLICT' });
      expect(error.message).toContain(name);
      expect(fieldsOf(error)).toEqual(['name']);
      expect(sdk.requests.length - mark).toBe(1);

      const renamed = await rejection(client.workflows.update(other.id, { name }));
      expect(renamed).toBeInstanceOf(ConflictError);
    });

    it('a bad definition is an UnprocessableEntityError naming the field', async () => {
      const broken = {
        graph: {
          nodes: [
            { id: 'a', type: 'source_script' },
            { id: 'a', type: 'Not A Type' },
          ],
          edges: [{ from: 'a', to: 'nowhere' }],
        },
      };
      const error = await rejection(
        client.workflows.create({ name: unique('Broken'), definition: broken }),
      );
      expect(error).toBeInstanceOf(UnprocessableEntityError);
      expect(error).toMatchObject({ status: 422, code: 'VALIDATION_ERROR' });
      expect(fieldsOf(error).sort()).toEqual([
        'definition.graph.edges.0.to',
        'definition.graph.nodes.1.id',
        'definition.graph.nodes.1.type',
      ]);

      const { id } = await client.workflows.create({ name: unique('Fine') });
      const replace = await rejection(
        client.workflows.replace(id, { name: unique('Fine'), definition: broken }),
      );
      expect(replace).toBeInstanceOf(UnprocessableEntityError);
      const empty = await rejection(client.workflows.update(id, {}));
      expect(empty).toBeInstanceOf(UnprocessableEntityError);
      const page = await rejection(client.workflows.list({ limit: 0 }));
      expect(page).toBeInstanceOf(UnprocessableEntityError);
      expect(fieldsOf(page)).toEqual(['limit']);
    });

    it("another workspace's workflow, or another data set's, is a NotFoundError", async () => {
      const theirs = await sdk.world.createWorkspace('Theirs');
      const theirKey = await sdk.world.createKey(theirs, {
        scopes: ['workflows:read', 'workflows:write'],
      });
      const foreign = await sdk.clientFor(theirKey.plaintext).workflows.create({ name: 'secret' });
      const attempts = [
        client.workflows.retrieve(foreign.id),
        client.workflows.update(foreign.id, { name: 'mine' }),
        client.workflows.replace(foreign.id, { name: 'mine', definition }),
        client.workflows.duplicate(foreign.id),
        client.workflows.delete(foreign.id),
        client.workflows.uploads(foreign.id),
      ];
      for (const error of await Promise.all(attempts.map(rejection))) {
        expect(error).toBeInstanceOf(NotFoundError);
        expect(error).toMatchObject({ status: 404, code: 'NOT_FOUND' });
      }
      await expect(
        sdk.clientFor(theirKey.plaintext).workflows.retrieve(foreign.id),
      ).resolves.toMatchObject({ name: 'secret' });

      const live = await client.workflows.create({ name: unique('Live') });
      const testKey = await sdk.world.createKey(sdk.workspace, {
        scopes: ['workflows:read'],
        type: 'test',
      });
      const test = sdk.clientFor(testKey.plaintext);
      await expect(test.workflows.retrieve(live.id)).rejects.toBeInstanceOf(NotFoundError);
      expect((await test.workflows.list()).data).toEqual([]);
    });

    it('a read-only key cannot write: PermissionDeniedError naming workflows:write', async () => {
      const reader = await sdk.client(['workflows:read']);
      const { id } = await client.workflows.create({ name: unique('Read me') });
      await expect(reader.workflows.retrieve(id)).resolves.toMatchObject({ id });
      const attempts = [
        reader.workflows.create({ name: unique('nope') }),
        reader.workflows.update(id, { name: unique('nope') }),
        reader.workflows.duplicate(id),
        reader.workflows.delete(id),
      ];
      for (const error of await Promise.all(attempts.map(rejection))) {
        expect(error).toBeInstanceOf(PermissionDeniedError);
        expect(error.code).toBe('INSUFFICIENT_SCOPE');
        expect(error.message).toContain('workflows:write');
      }
    });
  });
}
