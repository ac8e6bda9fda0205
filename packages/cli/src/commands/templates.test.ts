import { dialectAvailable, testDialects } from '@onepin/db/test-support';
import { describe, expect } from 'vitest';
import { cliWorldPerSuite } from '../test-support/cli-world.js';

for (const dialect of testDialects) {
  describe.skipIf(!dialectAvailable(dialect))(`${dialect.name}: onepin templates`, () => {
    const { cli, run } = cliWorldPerSuite(dialect);
    const templates = async (args: string[], tty = false) =>
      cli.run(['templates', ...args], {
        tty,
        env: {
          ONEPIN_API_KEY: await cli.key(['templates:read', 'workflows:read', 'workflows:write']),
          NO_COLOR: '1',
        },
      });

    run('lists the starter templates and filters by category', async () => {
      const all = (await templates(['list', '--all', '--json'])).json();
      expect(all.length).toBeGreaterThan(1);
      const media = all.filter((t: any) => t.category === 'media');
      const listed = await templates(['list', '--category', 'media']);
      expect(listed.out).toBe(
        media
          .map((t: any) => `${t.id}\t${t.name}\tmedia\t${t.definition.graph.nodes.length}\n`)
          .join(''),
      );
      const tty = await templates(['list'], true);
      expect(tty.out.split('\n')[0]).toMatch(/^ID +NAME +CATEGORY +NODES$/);
    });

    run('shows one template, and clones it into a workflow whose id it prints', async () => {
      const [first] = (await templates(['list', '--json', '--limit', '1'])).json();
      const shown = await templates(['show', first.id]);
      expect(shown.out).toContain(`id\t${first.id}\nname\t${first.name}\n`);
      const cloned = await templates(['clone', first.id, '--name', 'From a template']);
      expect(cloned.code, cloned.err).toBe(0);
      expect(cloned.err).toBe(`✓ Created workflow “From a template” from template ${first.id}.\n`);
      const workflow = await cli.run(['workflows', 'show', cloned.out.trim(), '--json'], {
        env: { ONEPIN_API_KEY: await cli.key(['workflows:read']) },
      });
      expect(workflow.json()).toMatchObject({
        name: 'From a template',
        definition: first.definition,
      });
      const defaultName = await templates(['clone', first.id, '--json']);
      expect(defaultName.json().name).toBe(`${first.name} (Copy)`);
    });

    run('an unknown template is NOT_FOUND (exit 1)', async () => {
      const { code, err } = await templates(['show', 'Zzzzzzzz']);
      expect(code).toBe(1);
      expect(err).toMatch(/^\[NOT_FOUND\] .+ \(request_id=[\w-]+\)\n$/);
    });
  });
}
