import type { Command } from 'commander';
import { describe, expect, it, vi } from 'vitest';
import { CliContext } from '../context.js';
import { captureIo } from '../test-support/capture-io.js';
import { createActivityCommand } from './activity.js';
import { createLoginCommand } from './auth/login.js';
import { createKeysCreateCommand } from './keys/create.js';
import { createKeysListCommand } from './keys/list.js';
import { createKeysRevokeCommand } from './keys/revoke.js';
import { createKeysRotateCommand } from './keys/rotate.js';
import { createKeysUpdateCommand } from './keys/update.js';
import { createTemplatesCloneCommand } from './templates/clone.js';
import { createUploadsCreateCommand } from './uploads/create.js';
import { createWorkflowsListCommand } from './workflows/list.js';
import { createWorkflowsUpdateCommand } from './workflows/update.js';

type Factory = (ctx: CliContext, run: (ctx: CliContext, options: any) => Promise<void>) => Command;

/**
 * Parses `args` with a command whose run function is a spy (gh's `NewCmdX(f, runF)`
 * pattern): what the command would do is tested elsewhere; this checks what it was asked.
 */
async function parse(factory: Factory, args: string[]): Promise<unknown> {
  const run = vi.fn(async (_ctx: CliContext, _options: unknown) => {});
  const command = factory(new CliContext(captureIo()), run);
  command.exitOverride().configureOutput({ writeErr: () => {}, writeOut: () => {} });
  await command.parseAsync(args, { from: 'user' });
  expect(run).toHaveBeenCalledTimes(1);
  return run.mock.calls[0]?.[1];
}

describe('what each command is asked to do', () => {
  it.each<[string, Factory, string[], unknown]>([
    // Usable keys unless asked for more, as the API and the dashboard do.
    ['keys list', createKeysListCommand, [], { status: 'active' }],
    [
      'keys list',
      createKeysListCommand,
      ['--status', 'revoked', '--limit', '5', '--offset', '10'],
      { status: 'revoked', limit: 5, offset: 10 },
    ],
    ['keys list', createKeysListCommand, ['--all'], { all: true, status: 'active' }],
    ['keys list', createKeysListCommand, ['--status', 'all'], { status: 'all' }],
    ['keys create', createKeysCreateCommand, ['--name', 'ci'], { name: 'ci', scopes: [] }],
    [
      'keys create',
      createKeysCreateCommand,
      [
        '--name=deploy',
        '--scopes',
        'workflows:write,api_keys:read',
        '--type',
        'test',
        '--expires-at',
        '2027-01-31',
        '--rate-limit',
        '60',
      ],
      {
        name: 'deploy',
        scopes: ['api_keys:read', 'workflows:write'],
        type: 'test',
        expiresAt: '2027-01-31T00:00:00.000Z',
        rateLimit: 60,
      },
    ],
    ['keys update', createKeysUpdateCommand, ['k1', '--name', 'x'], { id: 'k1', name: 'x' }],
    [
      'keys update',
      createKeysUpdateCommand,
      ['k1', '--rate-limit', 'default', '--expires-at', 'never', '--disable'],
      { id: 'k1', rateLimit: null, expiresAt: null, active: false },
    ],
    [
      'keys update',
      createKeysUpdateCommand,
      ['k1', '--rate-limit', '30', '--scopes', '', '--enable'],
      { id: 'k1', rateLimit: 30, scopes: [], active: true },
    ],
    ['keys rotate', createKeysRotateCommand, ['k1'], { id: 'k1', grace: 0 }],
    [
      'keys rotate',
      createKeysRotateCommand,
      ['k1', '--grace', '24h', '-y'],
      { id: 'k1', grace: 86_400, yes: true },
    ],
    ['keys revoke', createKeysRevokeCommand, ['k1', '--yes'], { id: 'k1', yes: true }],
    ['login', createLoginCommand, [], { browser: true }],
    ['login', createLoginCommand, ['--key', 'op_live_x'], { key: 'op_live_x', browser: true }],
    ['login', createLoginCommand, ['--web'], { web: true, browser: true }],
    ['login', createLoginCommand, ['--web', '--no-browser'], { web: true, browser: false }],
    [
      'workflows list',
      createWorkflowsListCommand,
      ['--search', 'pod', '--sort', 'updated_at', '--order', 'desc'],
      { search: 'pod', sort: 'updated_at', order: 'desc' },
    ],
    [
      'workflows update',
      createWorkflowsUpdateCommand,
      ['w1', '--description', ''],
      { id: 'w1', description: '' },
    ],
    ['templates clone', createTemplatesCloneCommand, ['t1'], { id: 't1' }],
    [
      'uploads create',
      createUploadsCreateCommand,
      ['--file', 'a.wav', '--category', 'dictionary', '--content-type', 'audio/wav'],
      { file: 'a.wav', category: 'dictionary', contentType: 'audio/wav' },
    ],
    [
      'activity',
      createActivityCommand,
      ['--cursor', 'c1', '--limit', '20'],
      { cursor: 'c1', limit: 20 },
    ],
  ])('%s %j', async (_, factory, args, expected) => {
    expect(await parse(factory, args)).toEqual(expected);
  });

  it.each<[Factory, string[], RegExp]>([
    [createKeysListCommand, ['--limit', '0'], /argument '0' is invalid/],
    [createKeysCreateCommand, ['--name', 'x', '--scopes', 'all'], /Unknown scope "all"/],
    [createKeysRotateCommand, ['k1', '--grace', '30d'], /at most 7d/],
    [createUploadsCreateCommand, ['--file', 'a'], /required option '--category/],
    [createActivityCommand, ['--offset', '1'], /unknown option '--offset'/],
  ])('refuses %#: %j', async (factory, args, message) => {
    await expect(parse(factory, args)).rejects.toMatchObject({
      exitCode: 1,
      message: expect.stringMatching(message),
    });
  });
});
