import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { dialectAvailable, testDialects } from '@onepin/db/test-support';
import { describe, expect } from 'vitest';
import { cliWorldPerSuite, type RunOptions } from '../test-support/cli-world.js';

for (const dialect of testDialects) {
  describe.skipIf(!dialectAvailable(dialect))(`${dialect.name}: onepin uploads`, () => {
    const { cli, run } = cliWorldPerSuite(dialect);

    const onepin = async (args: string[], options: RunOptions = {}) =>
      cli.run(args, {
        ...options,
        env: {
          ONEPIN_API_KEY: await cli.key(['uploads:write', 'workflows:read', 'workflows:write']),
          NO_COLOR: '1',
          ...options.env,
        },
      });
    const scriptFile = async (text = 'Hello, world.\n', name = 'script.txt') => {
      const path = join(cli.home, name);
      await writeFile(path, text);
      return path;
    };
    const newWorkflow = async () =>
      (await onepin(['workflows', 'create', '--name', `W ${Math.random()}`])).out.trim();

    run(
      'create sends the file and prints the upload id; confirm binds it to a workflow',
      async () => {
        const file = await scriptFile();
        const created = await onepin(['uploads', 'create', '--file', file, '--category', 'script']);
        expect(created.code, created.err).toBe(0);
        const id = created.out.trim();
        expect(created.err).toBe(
          `✓ Uploaded script.txt (14 bytes): upload ${id}.\nBind it to a workflow: onepin uploads confirm ${id} --workflow WORKFLOW_ID\n`,
        );
        const workflow = await newWorkflow();
        const confirmed = await onepin([
          'uploads',
          'confirm',
          id,
          '--workflow',
          workflow,
          '--json',
        ]);
        expect(confirmed.code, confirmed.err).toBe(0);
        expect(confirmed.json()).toMatchObject({
          id,
          filename: 'script.txt',
          size_bytes: 14,
          status: 'uploaded',
          context_type: 'workflow',
          context_id: workflow,
        });
      },
    );

    run('draws a progress bar on a terminal, and none when piped or with --json', async () => {
      const file = await scriptFile('x'.repeat(5000));
      const tty = await onepin(['uploads', 'create', '--file', file, '--category', 'script'], {
        tty: true,
      });
      expect(tty.code, tty.err).toBe(0);
      expect(
        tty.err.startsWith(
          `\rUploading script.txt  [${'#'.repeat(24)}]  100%  4.9 KiB / 4.9 KiB\u001b[K\n✓ Uploaded`,
        ),
      ).toBe(true);
      const piped = await onepin(['uploads', 'create', '--file', file, '--category', 'script']);
      expect(piped.err).not.toContain('Uploading');
      const json = await onepin(
        ['uploads', 'create', '--file', file, '--category', 'script', '--json'],
        { tty: true },
      );
      expect(json.err).not.toContain('Uploading');
      expect(json.json()).toMatchObject({ filename: 'script.txt', size_bytes: 5000 });
    });

    run('--workflow confirms right after sending', async () => {
      const workflow = await newWorkflow();
      const { code, err, json } = await onepin([
        'uploads',
        'create',
        '--file',
        await scriptFile('a,b\n', 'lines.csv'),
        '--category',
        'script',
        '--workflow',
        workflow,
        '--json',
      ]);
      expect(code, err).toBe(0);
      expect(err).toContain(`✓ Confirmed for workflow ${workflow}.`);
      expect(json()).toMatchObject({ filename: 'lines.csv', context_id: workflow });
    });

    run('reports the server’s refusal of a file that does not fit the category', async () => {
      const { code, err } = await onepin([
        'uploads',
        'create',
        '--file',
        await scriptFile('ID3', 'voice.mp3'),
        '--category',
        'script',
      ]);
      expect(code).toBe(1);
      expect(err).toMatch(/^\[VALIDATION_ERROR\] .+\(request_id=[\w-]+\)\n/);
    });

    run('delete needs --yes off a terminal, then removes the upload', async () => {
      const id = (
        await onepin(['uploads', 'create', '--file', await scriptFile(), '--category', 'script'])
      ).out.trim();
      expect((await onepin(['uploads', 'delete', id])).code).toBe(2);
      const deleted = await onepin(['uploads', 'delete', id, '--yes', '--json']);
      expect(deleted.code).toBe(0);
      expect(deleted.json()).toEqual({ id, deleted: true });
      expect(deleted.err).toBe(`✓ Deleted upload ${id}.\n`);
      const confirm = await onepin(['uploads', 'confirm', id, '--workflow', await newWorkflow()]);
      expect(confirm.code).toBe(1);
      expect(confirm.err).toMatch(/^\[NOT_FOUND\] /);
    });

    run.each([
      [
        ['uploads', 'create', '--file', 'x.txt'],
        /required option '--category <category>' not specified/,
      ],
      [
        ['uploads', 'create', '--file', 'x.txt', '--category', 'audio'],
        /Allowed choices are script, dictionary/,
      ],
      [['uploads', 'confirm', 'id'], /required option '--workflow <id>' not specified/],
    ])('exits 2 for %j', async (args, message) => {
      const { code, err } = await onepin(args);
      expect(code).toBe(2);
      expect(err).toMatch(message);
    });

    run('a missing file is exit 1, with nothing sent', async () => {
      const { code, err } = await onepin([
        'uploads',
        'create',
        '--file',
        join(cli.home, 'missing.txt'),
        '--category',
        'script',
      ]);
      expect(code).toBe(1);
      expect(err).toContain('missing.txt');
      expect(cli.requests).toHaveLength(0);
    });
  });
}
