import { dialectAvailable, testDialects } from '@onepin/db/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ConflictError,
  NotFoundError,
  type OnePinClient,
  PermissionDeniedError,
  type Template,
  UnprocessableEntityError,
} from '../index.js';
import { createSdkWorld, type SdkWorld } from '../test-support/real-app.js';
import { rejection } from '../test-support/rejection.js';

for (const dialect of testDialects) {
  describe.skipIf(!dialectAvailable(dialect))(`${dialect.name}: client.templates`, () => {
    let sdk: SdkWorld;
    let client: OnePinClient;
    /** The whole gallery, as one page. */
    let gallery: Template[];

    beforeAll(async () => {
      sdk = await createSdkWorld(dialect);
      client = await sdk.client(['templates:read', 'workflows:read', 'workflows:write']);
      gallery = (await client.templates.list({ limit: 100 })).data;
    });
    afterAll(() => sdk.dispose());

    /** A template of the gallery (the starter templates ship with the server). */
    const template = (index = 0): Template => {
      const found = gallery[index];
      if (!found) throw new Error(`the gallery has no template ${index}`);
      return found;
    };

    it('lists the starter templates, page by page or all at once', async () => {
      expect(gallery.length).toBeGreaterThanOrEqual(3);
      for (const { id } of gallery) expect(id).toMatch(/^[0-9A-Za-z]{8}$/);
      expect(gallery.every((t) => t.is_starter && t.definition.graph.nodes.length > 0)).toBe(true);

      const first = await client.templates.list({ limit: 2 });
      expect(first.data).toEqual(gallery.slice(0, 2));
      expect(first.pagination).toMatchObject({ limit: 2, offset: 0, total: gallery.length });

      const all: Template[] = [];
      for await (const each of client.templates.list({ limit: 2 })) all.push(each);
      expect(all).toEqual(gallery);
    });

    it('filters by one category or several, and by a part of the name', async () => {
      const [a, b] = [template(0), template(1)];
      const one = await client.templates.list({ category: a.category });
      expect(one.data).toEqual(gallery.filter((t) => t.category === a.category));

      const mark = sdk.requests.length;
      const both: Template[] = [];
      for await (const each of client.templates.list({
        category: [a.category, b.category],
        limit: 1,
      }))
        both.push(each);
      expect(both).toEqual(gallery.filter((t) => [a.category, b.category].includes(t.category)));
      // The categories go as repeated parameters, on every page.
      for (const request of sdk.requests.slice(mark)) {
        expect(new URL(request.url).searchParams.getAll('category')).toEqual([
          a.category,
          b.category,
        ]);
      }

      const word = a.name.split(' ')[0]?.toUpperCase() ?? '';
      const found = await client.templates.list({ search: word });
      expect(found.data).toContainEqual(a);
      expect(found.data.every((t) => t.name.toUpperCase().includes(word))).toBe(true);
    });

    it('an unknown category is an UnprocessableEntityError', async () => {
      const error = await rejection(client.templates.list({ category: 'cooking' }));
      expect(error).toBeInstanceOf(UnprocessableEntityError);
      expect(error.details.map((d: { field: string }) => d.field)).toEqual(['category']);
    });

    it('retrieves a template by id; an unknown id is a NotFoundError', async () => {
      await expect(client.templates.retrieve(template().id)).resolves.toEqual(template());
      const error = await rejection(client.templates.retrieve('Nope1234'));
      expect(error).toBeInstanceOf(NotFoundError);
      expect(error).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    });

    it('clones into a workflow named "<template> (Copy)", then "(Copy 2)", or as asked', async () => {
      const source = template(1);
      const mark = sdk.requests.length;
      const workflow = await client.templates.clone(source.id);
      expect(workflow).toMatchObject({
        name: `${source.name} (Copy)`,
        description: source.description,
        definition: source.definition,
        workspace_id: sdk.workspace.id,
      });
      await expect(client.workflows.retrieve(workflow.id)).resolves.toEqual(workflow);
      expect((await client.templates.clone(source.id)).name).toBe(`${source.name} (Copy 2)`);
      expect((await client.templates.clone(source.id, { name: 'Mine' })).name).toBe('Mine');
      const sent = sdk.requests[mark] as Request;
      expect(`${sent.method} ${new URL(sent.url).pathname}`).toBe(
        `POST /api/v1/templates/${source.id}/clone`,
      );
      expect(await sent.json()).toEqual({});

      const taken = await rejection(client.templates.clone(source.id, { name: 'Mine' }));
      expect(taken).toBeInstanceOf(ConflictError);
      const missing = await rejection(client.templates.clone('Nope1234'));
      expect(missing).toBeInstanceOf(NotFoundError);
    });

    it('cloning needs workflows:write, not templates:read', async () => {
      const reader = await sdk.client(['templates:read']);
      const error = await rejection(reader.templates.clone(template().id));
      expect(error).toBeInstanceOf(PermissionDeniedError);
      expect(error).toMatchObject({ status: 403, code: 'INSUFFICIENT_SCOPE' });
      expect(error.message).toContain('workflows:write');

      const writer = await sdk.client(['workflows:write']);
      await expect(
        writer.templates.clone(template().id, { name: 'By a writer' }),
      ).resolves.toMatchObject({ name: 'By a writer' });
      const listing = await rejection(writer.templates.list());
      expect(listing).toBeInstanceOf(PermissionDeniedError);
      expect(listing.message).toContain('templates:read');
    });
  });
}
