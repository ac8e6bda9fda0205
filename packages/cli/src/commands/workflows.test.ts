import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Scope } from '@onepin/core';
import { dialectAvailable, testDialects } from '@onepin/db/test-support';
import { describe, expect } from 'vitest';
import { cliWorldPerSuite, type RunOptions } from '../test-support/cli-world.js';

const GRAPH = {
  graph: {
    nodes: [
      { id: 'script', type: 'source_script' },
      { id: 'preview', type: 'sink_preview' },
    ],
    edges: [{ from: 'script', to: 'preview' }],
  },
};

for (const dialect of testDialects) {
  describe.skipIf(!dialectAvailable(dialect))(`${dialect.name}: onepin workflows`, () => {
    const { cli, run } = cliWorldPerSuite(dialect);
    let counter = 0;
    const unique = (name: string) =>
      `${name} ${++counter}-${Math.random().toString(36).slice(2, 7)}`;

    const workflows = async (args: string[], options: RunOptions & { scopes?: Scope[] } = {}) => {
      const key = await cli.key(options.scopes ?? ['workflows:read', 'workflows:write']);
      return cli.run(['workflows', ...args], {
        ...options,
        env: { ONEPIN_API_KEY: key, NO_COLOR: '1', ...options.env },
      });
    };
    const createWorkflow = async (...args: string[]) => {
      const result = await workflows(['create', '--json', ...args]);
      expect(result.code, result.err).toBe(0);
      return result.json();
    };

    run(
      'show names the port of an edge that leaves by another than out (a validator’s fail)',
      async () => {
        const file = join(cli.home, 'official.json');
        const official = {
          graph: {
            nodes: [
              { id: 'voice', type: 'operator_generator', position: { x: 0, y: 0 } },
              { id: 'check', type: 'validator_naturalness', position: { x: 240, y: 0 } },
            ],
            edges: [
              { id: 'a', source: 'voice', sourcePort: 'out', target: 'check', targetPort: 'in' },
              { id: 'b', source: 'check', sourcePort: 'fail', target: 'voice', targetPort: 'in' },
            ],
          },
        };
        await writeFile(file, JSON.stringify(official));
        const created = await createWorkflow('--name', unique('Official'), '--definition', file);
        expect(created.definition).toEqual(official);
        const shown = await workflows(['show', created.id]);
        expect(shown.out).toContain('edges\tvoice → check, check → voice (fail)\n');
      },
    );

    run('create prints the new id (so WF=$(…) works), with a definition from a file', async () => {
      const file = join(cli.home, 'graph.json');
      await writeFile(file, JSON.stringify(GRAPH));
      const name = unique('Podcast');
      const { code, out, err } = await workflows([
        'create',
        '--name',
        name,
        '--description',
        'weekly',
        '--definition',
        file,
      ]);
      expect(code, err).toBe(0);
      expect(out).toMatch(/^[\w-]+\n$/);
      expect(err).toBe(`✓ Created workflow “${name}”.\n`);
      const shown = await workflows(['show', out.trim()]);
      expect(shown.out).toContain(`name\t${name}\n`);
      expect(shown.out).toContain('description\tweekly\n');
      expect(shown.out).toContain('nodes\tscript (source_script), preview (sink_preview)\n');
      expect(shown.out).toContain('edges\tscript → preview\n');
    });

    run('reads the definition from stdin with --definition -', async () => {
      const { code, err, json } = await workflows(
        ['create', '--json', '--name', unique('Stdin'), '--definition', '-'],
        {
          input: JSON.stringify(GRAPH),
        },
      );
      expect(code, err).toBe(0);
      expect(json().definition.graph.nodes).toHaveLength(2);
    });

    run.each([
      ['not JSON', '{graph', /^\[INVALID_DEFINITION\] The definition in stdin is not valid JSON/],
      [
        'not an object',
        '[1]',
        /^\[INVALID_DEFINITION\] The definition in stdin must be a JSON object/,
      ],
    ])('refuses a definition that is %s (exit 1, nothing sent)', async (_, input, message) => {
      const { code, err } = await workflows(['create', '--name', 'x', '--definition', '-'], {
        input,
      });
      expect(code).toBe(1);
      expect(err).toMatch(message);
      expect(cli.requests).toHaveLength(0);
    });

    run('reports a missing definition file, and the server’s validation details', async () => {
      const missing = await workflows(['create', '--name', 'x', '--definition', '/nope.json']);
      expect(missing.code).toBe(1);
      expect(missing.err).toBe('[FILE_NOT_READABLE] Cannot read /nope.json: no such file.\n');
      const bad = await workflows(['create', '--name', 'x', '--definition', '-'], {
        input: JSON.stringify({
          graph: {
            nodes: [{ id: 'a', type: 'source_script' }],
            edges: [{ from: 'a', to: 'ghost' }],
          },
        }),
      });
      expect(bad.code).toBe(1);
      expect(bad.err).toMatch(
        /^\[VALIDATION_ERROR\] .+ \(request_id=[\w-]+\)\n {2}definition[^:]*: .+\n/,
      );
    });

    run('a taken name is a CONFLICT (exit 1)', async () => {
      const name = unique('Taken');
      await createWorkflow('--name', name);
      const { code, err } = await workflows(['create', '--name', name]);
      expect(code).toBe(1);
      expect(err).toMatch(/^\[CONFLICT\] /);
    });

    run('lists as a table or tab-separated rows, with --search, paging and --all', async () => {
      const tag = unique('Listed');
      const made = [
        await createWorkflow('--name', `${tag} a`),
        await createWorkflow('--name', `${tag} b`),
      ];
      const piped = await workflows(['list', '--search', tag, '--sort', 'name', '--order', 'asc']);
      expect(piped.out).toBe(made.map((w) => `${w.id}\t${w.name}\t${w.updated_at}\n`).join(''));
      const tty = await workflows(['list', '--search', tag], { tty: true, env: { NO_COLOR: '1' } });
      expect(tty.out.split('\n')[0]).toMatch(/^ID +NAME +UPDATED$/);
      const page = await workflows(['list', '--search', tag, '--limit', '1']);
      expect(page.err).toBe('Showing 1–1 of 2 workflows. Next page: --offset 1 (or --all)\n');
      const all = await workflows(['list', '--search', tag, '--limit', '1', '--all', '--json']);
      expect(
        all
          .json()
          .map((w: any) => w.id)
          .sort(),
      ).toEqual(made.map((w) => w.id).sort());
    });

    run('update changes the given fields only; nothing to change is exit 2', async () => {
      const made = await createWorkflow('--name', unique('Before'), '--description', 'kept');
      const name = unique('After');
      const { code, out, err } = await workflows(['update', made.id, '--name', name]);
      expect(code, err).toBe(0);
      expect(out).toContain(`name\t${name}\n`);
      expect(out).toContain('description\tkept\n');
      const cleared = await workflows(['update', made.id, '--description', '', '--json']);
      expect(cleared.json().description).toBeNull();
      expect((await workflows(['update', made.id])).code).toBe(2);
    });

    run('duplicate prints the copy’s id', async () => {
      const made = await createWorkflow('--name', unique('Original'));
      const { code, out, err } = await workflows(['duplicate', made.id]);
      expect(code).toBe(0);
      expect(err).toBe(`✓ Created “${made.name} (Copy)”.\n`);
      const copy = await workflows(['show', out.trim(), '--json']);
      expect(copy.json()).toMatchObject({ name: `${made.name} (Copy)` });
      const again = await workflows(['duplicate', made.id, '--json']);
      expect(again.json().name).toBe(`${made.name} (Copy 2)`);
      const named = await workflows(['duplicate', made.id, '--name', `${made.name} v2`, '--json']);
      expect(named.json().name).toBe(`${made.name} v2`);
    });

    run('delete asks on a terminal, needs --yes otherwise, then the workflow is gone', async () => {
      const made = await createWorkflow('--name', unique('Doomed'));
      const refused = await workflows(['delete', made.id]);
      expect(refused.code).toBe(2);
      const declined = await workflows(['delete', made.id], { tty: true, input: 'no\n' });
      expect(declined.code).toBe(130);
      expect(declined.err).toBe(
        `Delete workflow “${made.name}”? [y/N] Cancelled: the workflow was not deleted.\n`,
      );
      const deleted = await workflows(['delete', made.id], { tty: true, input: 'y\n' });
      expect(deleted.code).toBe(0);
      expect(deleted.err).toContain(`✓ Deleted workflow ${made.id}.`);
      const again = await workflows(['delete', made.id, '--yes', '--json']);
      expect(again.code).toBe(1);
      const after = await workflows(['show', made.id]);
      expect(after.code).toBe(1);
      expect(after.err).toMatch(/^\[NOT_FOUND\] /);
    });

    run('a key without workflows:read gets INSUFFICIENT_SCOPE (exit 1)', async () => {
      const { code, err } = await workflows(['list'], { scopes: ['templates:read'] });
      expect(code).toBe(1);
      expect(err).toMatch(/^\[INSUFFICIENT_SCOPE\] .*workflows:read/);
    });
  });
}
