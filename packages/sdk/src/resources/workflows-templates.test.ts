import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError, type Workflow } from '../index.js';
import { createFakeResourceServer } from '../test-support/fake-resources.js';

// TODO(resources routes): run these against the real app once the server has the routes.

const definition = {
  graph: {
    nodes: [
      { id: 'script', type: 'source_script' },
      { id: 'out', type: 'sink_preview' },
    ],
    edges: [{ from: 'script', to: 'out' }],
  },
};

describe('client.workflows (against a fake of SPEC §5)', () => {
  it('iterating workflows.list() over 120 workflows yields all 120', async () => {
    const server = createFakeResourceServer();
    const client = server.client();
    for (let i = 0; i < 120; i++) await client.workflows.create({ name: `flow ${i}` });

    const names: string[] = [];
    for await (const workflow of client.workflows.list()) names.push(workflow.name);
    expect(names).toHaveLength(120);
    expect(new Set(names).size).toBe(120);

    const lists = server.requests.filter((r) => r.method === 'GET');
    expect(lists.map((r) => new URL(r.url).searchParams.get('offset'))).toEqual([
      null,
      '50',
      '100',
    ]);
  });

  it('keeps the filters on every page', async () => {
    const server = createFakeResourceServer();
    const client = server.client();
    for (let i = 0; i < 30; i++)
      await client.workflows.create({ name: `${i % 2 ? 'odd' : 'even'} ${i}` });
    const found: Workflow[] = [];
    for await (const workflow of client.workflows.list({ search: 'odd', limit: 4 }))
      found.push(workflow);
    expect(found).toHaveLength(15);
    const urls = server.requests.filter((r) => r.method === 'GET').map((r) => new URL(r.url));
    expect(urls).toHaveLength(4);
    expect(urls.every((url) => url.searchParams.get('search') === 'odd')).toBe(true);
  });

  it('awaiting list() gives the first page with its pagination', async () => {
    const server = createFakeResourceServer();
    const client = server.client();
    for (let i = 0; i < 3; i++) await client.workflows.create({ name: `w${i}` });
    const first = await client.workflows.list({ limit: 2 });
    expect(first.data).toHaveLength(2);
    expect(first.pagination).toMatchObject({ limit: 2, offset: 0, total: 3, prev: null });
    expect(first.hasNextPage()).toBe(true);
    const second = await first.getNextPage();
    expect(second.data).toHaveLength(1);
    expect(second.hasNextPage()).toBe(false);
    await expect(second.getNextPage()).rejects.toThrow(RangeError);
  });

  it('creates, retrieves, updates, replaces, duplicates and deletes', async () => {
    const client = createFakeResourceServer().client();
    const created = await client.workflows.create({ name: 'Voice', description: 'd', definition });
    expect(created).toMatchObject({ name: 'Voice', description: 'd', definition });
    await expect(client.workflows.retrieve(created.id)).resolves.toEqual(created);

    const renamed = await client.workflows.update(created.id, { name: 'Voice 2' });
    expect(renamed).toMatchObject({ name: 'Voice 2', description: 'd' });

    const replaced = await client.workflows.replace(created.id, { name: 'Voice 3', definition });
    expect(replaced).toMatchObject({ name: 'Voice 3', description: null });

    const copy = await client.workflows.duplicate(created.id);
    expect(copy.name).toBe('Voice 3 (Copy)');
    expect(copy.id).not.toBe(created.id);

    await expect(client.workflows.delete(created.id)).resolves.toBeUndefined();
    await expect(client.workflows.retrieve(created.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('a taken name is a ConflictError', async () => {
    const client = createFakeResourceServer().client();
    await client.workflows.create({ name: 'Same' });
    const error = await client.workflows.create({ name: 'Same' }).catch((e) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.code).toBe('CONFLICT');
  });

  it('sends each verb to its path', async () => {
    const server = createFakeResourceServer();
    const client = server.client();
    const { id } = await client.workflows.create({ name: 'paths' });
    await client.workflows.update(id, { name: 'p2' });
    await client.workflows.replace(id, { name: 'p3', definition });
    await client.workflows.duplicate(id);
    await client.workflows.uploads(id);
    await client.workflows.delete(id);
    expect(server.requests.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
      'POST /api/v1/workflows',
      `PATCH /api/v1/workflows/${id}`,
      `PUT /api/v1/workflows/${id}`,
      `POST /api/v1/workflows/${id}/duplicate`,
      `GET /api/v1/workflows/${id}/uploads`,
      `DELETE /api/v1/workflows/${id}`,
    ]);
  });
});

describe('client.templates (against a fake of SPEC §5)', () => {
  it('lists, retrieves and clones a template into a workflow', async () => {
    const client = createFakeResourceServer().client();
    const templates = await client.templates.list();
    expect(templates.data.map((t) => t.id)).toEqual(['Tpl00001']);
    const template = await client.templates.retrieve('Tpl00001');
    expect(template.name).toBe('Podcast');

    const workflow = await client.templates.clone('Tpl00001');
    expect(workflow).toMatchObject({ name: 'Podcast (Copy)', definition: template.definition });
    const named = await client.templates.clone('Tpl00001', { name: 'Mine' });
    expect(named.name).toBe('Mine');
    await expect(client.templates.retrieve('missing1')).rejects.toBeInstanceOf(NotFoundError);
  });
});
