import { dialectAvailable, testDialects } from '@onepin/db/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkflowDefinitionInput } from '../../schemas/workflow-definition.js';
import { STARTER_TEMPLATES, TEMPLATE_CATEGORIES } from '../../templates/starter-templates.js';
import { uniqueName } from '../../test-support/resources.js';
import { createTestWorld, type TestWorkspace, type TestWorld } from '../../test-support/world.js';

describe('starter templates', () => {
  it('ships a handful, one per category at least', () => {
    expect(STARTER_TEMPLATES.length).toBeGreaterThanOrEqual(4);
    expect(new Set(STARTER_TEMPLATES.map((t) => t.category))).toEqual(new Set(TEMPLATE_CATEGORIES));
  });

  it.each(STARTER_TEMPLATES.map((t) => [t.name, t] as const))(
    '%s has an 8-character base62 id and a valid definition in the official shape',
    (_name, template) => {
      expect(template.id).toMatch(/^[0-9A-Za-z]{8}$/);
      const parsed = WorkflowDefinitionInput.safeParse(template.definition);
      expect(parsed.error).toBeUndefined();
      // Already in the stored form: validating it changes nothing.
      expect(parsed.data).toEqual(template.definition);
      for (const node of template.definition.graph.nodes) {
        expect(node.position).toEqual({ x: expect.any(Number), y: expect.any(Number) });
      }
      for (const edge of template.definition.graph.edges) {
        expect(Object.keys(edge).sort()).toEqual([
          'id',
          'source',
          'sourcePort',
          'target',
          'targetPort',
        ]);
      }
      expect(template.is_starter).toBe(true);
    },
  );

  it('has no two templates with one id or one name', () => {
    expect(new Set(STARTER_TEMPLATES.map((t) => t.id)).size).toBe(STARTER_TEMPLATES.length);
    expect(new Set(STARTER_TEMPLATES.map((t) => t.name)).size).toBe(STARTER_TEMPLATES.length);
  });
});

for (const dialect of testDialects) {
  describe.skipIf(!dialectAvailable(dialect))(`${dialect.name}: templates API`, () => {
    let world: TestWorld;
    let workspace: TestWorkspace;
    let reader: string;
    let writer: string;
    const template = STARTER_TEMPLATES[0]!;

    beforeAll(async () => {
      world = await createTestWorld(dialect);
      workspace = await world.createWorkspace('Templates');
      reader = (await world.createKey(workspace, { scopes: ['templates:read'] })).plaintext;
      writer = (await world.createKey(workspace, { scopes: ['workflows:write', 'workflows:read'] }))
        .plaintext;
    });
    afterAll(async () => world?.dispose());

    it('lists the gallery with a total', async () => {
      const response = await world.call('GET', '/api/v1/templates', { key: reader });
      expect(response.status).toBe(200);
      expect(response.body.data.map((t: any) => t.id)).toEqual(STARTER_TEMPLATES.map((t) => t.id));
      expect(response.body.pagination).toMatchObject({
        limit: 50,
        offset: 0,
        total: STARTER_TEMPLATES.length,
      });
      expect(response.body.data[0]).toEqual({
        ...JSON.parse(JSON.stringify(template)),
        is_favorite: false,
        uses_count: 0,
        created_by: null,
      });
    });

    it.each([
      ['favorites_only=true', []],
      ['favorites_only=false', STARTER_TEMPLATES.map((t) => t.id)],
      ['sort=recent', STARTER_TEMPLATES.map((t) => t.id)],
      [
        'sort=name',
        [...STARTER_TEMPLATES].sort((a, b) => a.name.localeCompare(b.name)).map((t) => t.id),
      ],
    ])('answers %s (favourites are not provided: none is one)', async (query, ids) => {
      const response = await world.call('GET', `/api/v1/templates?${query}`, { key: reader });
      expect(response.status).toBe(200);
      expect(response.body.data.map((t: any) => t.id)).toEqual(ids);
    });

    it('sorts by the workspace’s own clones with sort=popular, counted per data set', async () => {
      const own = await world.createWorkspace('Popular');
      const keys = await Promise.all(
        (['live', 'test'] as const).map(
          async (type) =>
            (
              await world.createKey(own, {
                type,
                scopes: ['templates:read', 'workflows:write'],
              })
            ).plaintext,
        ),
      );
      const [live, test] = keys as [string, string];
      const clone = (key: string, id: string) =>
        world.call('POST', `/api/v1/templates/${id}/clone`, { key });
      const [, second, , fourth] = STARTER_TEMPLATES.map((t) => t.id) as string[];
      await clone(live, fourth!);
      await clone(live, fourth!);
      await clone(live, second!);
      for (let i = 0; i < 3; i++) await clone(test, second!);

      const popular = async (key: string) =>
        (await world.call('GET', '/api/v1/templates?sort=popular', { key })).body.data.map(
          (t: any) => [t.id, t.uses_count],
        );
      const rest = (...first: string[]) =>
        STARTER_TEMPLATES.filter((t) => !first.includes(t.id)).map((t) => [t.id, 0]);
      expect(await popular(live)).toEqual([[fourth, 2], [second, 1], ...rest(fourth!, second!)]);
      expect(await popular(test)).toEqual([[second, 3], ...rest(second!)]);
      // Another workspace learns nothing from these clones.
      expect(await popular(reader)).toEqual(STARTER_TEMPLATES.map((t) => [t.id, 0]));
      const shown = await world.call('GET', `/api/v1/templates/${fourth}`, { key: live });
      expect(shown.body.data.uses_count).toBe(2);
    });

    it.each([
      ['category=media', ['media']],
      ['category=media&category=wellness', ['media', 'wellness']],
      ['search=MEDITATION', ['wellness']],
      ['search=ivr%20prompts', ['business']],
      ['category=business&search=meditation', []],
    ])('filters with %s', async (query, categories) => {
      const response = await world.call('GET', `/api/v1/templates?${query}`, { key: reader });
      expect(response.status).toBe(200);
      expect(response.body.data.map((t: any) => t.category)).toEqual(categories);
    });

    it.each([
      'category=music',
      'limit=0',
      'offset=-3',
      `search=${'q'.repeat(201)}`,
      'sort=best',
      'favorites_only=yes',
    ])('refuses %s with 422', async (query) => {
      const response = await world.call('GET', `/api/v1/templates?${query}`, { key: reader });
      expect(response.status).toBe(422);
    });

    it('shows one template', async () => {
      const response = await world.call('GET', `/api/v1/templates/${template.id}`, { key: reader });
      expect(response.status).toBe(200);
      expect(response.body.data.id).toBe(template.id);
    });

    it.each([
      ['an unknown id', 'ZZZZZZZZ'],
      ['the right id in another case', template.id.toLowerCase()],
      ['a path traversal', '..%2F..%2Fetc%2Fpasswd'],
      ['an over-long id', 'a'.repeat(100)],
    ])('answers 404 for %s', async (_label, id) => {
      const response = await world.call('GET', `/api/v1/templates/${id}`, { key: reader });
      expect(response.status).toBe(404);
      expect(response.body.error.code).toBe('NOT_FOUND');
    });

    describe('clone', () => {
      it('refuses a templates:read-only key with 403 INSUFFICIENT_SCOPE naming workflows:write', async () => {
        const response = await world.call('POST', `/api/v1/templates/${template.id}/clone`, {
          key: reader,
        });
        expect(response.status).toBe(403);
        expect(response.body.error.code).toBe('INSUFFICIENT_SCOPE');
        expect(response.body.error.message).toContain('workflows:write');
      });

      it('gives a workflows:write key the new workflow (201), without templates:read', async () => {
        const response = await world.call('POST', `/api/v1/templates/${template.id}/clone`, {
          key: writer,
        });
        expect(response.status).toBe(201);
        expect(response.body.data).toMatchObject({
          workspace_id: workspace.id,
          environment: 'live',
          name: `${template.name} (Copy)`,
          description: template.description,
          definition: template.definition,
        });
        const fetched = await world.call('GET', `/api/v1/workflows/${response.body.data.id}`, {
          key: writer,
        });
        expect(fetched.status).toBe(200);
      });

      it('picks the next free default name on a second clone', async () => {
        const other = STARTER_TEMPLATES[1]!;
        const names = [];
        for (let i = 0; i < 3; i++) {
          const response = await world.call('POST', `/api/v1/templates/${other.id}/clone`, {
            key: writer,
          });
          names.push(response.body.data.name);
        }
        expect(names).toEqual([
          `${other.name} (Copy)`,
          `${other.name} (Copy 2)`,
          `${other.name} (Copy 3)`,
        ]);
      });

      it('takes a name from the body, and answers 409 when it is taken', async () => {
        const name = uniqueName('My podcast');
        const path = `/api/v1/templates/${template.id}/clone`;
        const first = await world.call('POST', path, { key: writer, body: { name } });
        expect(first.status).toBe(201);
        expect(first.body.data.name).toBe(name);
        const second = await world.call('POST', path, { key: writer, body: { name } });
        expect(second.status).toBe(409);
        expect(second.body.error.code).toBe('CONFLICT');
      });

      it.each([
        [{ name: '' }, 'name'],
        [{ name: 'x'.repeat(201) }, 'name'],
        [{ template_id: 'x' }, 'template_id'],
      ])('refuses the body %j with 422', async (body, field) => {
        const response = await world.call('POST', `/api/v1/templates/${template.id}/clone`, {
          key: writer,
          body,
        });
        expect(response.status).toBe(422);
        expect(response.body.error.details[0].field).toBe(field);
      });

      it('answers 404 for an unknown template', async () => {
        const response = await world.call('POST', '/api/v1/templates/ZZZZZZZZ/clone', {
          key: writer,
        });
        expect(response.status).toBe(404);
      });

      it('records template_cloned in the audit log, in the caller’s environment', async () => {
        const testKey = (
          await world.createKey(workspace, {
            type: 'test',
            scopes: ['workflows:write', 'workspace:read'],
          })
        ).plaintext;
        const name = uniqueName('Audited');
        const clone = await world.call('POST', `/api/v1/templates/${template.id}/clone`, {
          key: testKey,
          body: { name },
        });
        expect(clone.body.data.environment).toBe('test');
        const activity = await world.call('GET', '/api/v1/activity', { key: testKey });
        const event = activity.body.data.find((e: any) => e.target?.id === clone.body.data.id);
        expect(event).toMatchObject({
          type: 'template_cloned',
          environment: 'test',
          target: { type: 'workflow', id: clone.body.data.id },
          metadata: { name, template_id: template.id, template_name: template.name },
        });
      });
    });
  });
}
