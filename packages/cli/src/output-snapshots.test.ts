import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEAKED_KEY, transcript } from './test-support/canned-api.js';

/**
 * What a person sees in a real terminal, 80 and 120 columns wide (issue 17): the same canned
 * workspace every run, so a change to any table, label or message shows up here as a diff.
 * Each file under __snapshots__/output/ is one command: the command line, a ruler as wide
 * as the terminal, stdout, stderr and the exit code.
 */
const COMMANDS: ReadonlyArray<readonly [string, string[]]> = [
  // 1: the table fits the terminal; all seven scopes read "7 scopes"; 3, 6, 7, 17: statuses.
  ['keys-list', ['keys', 'list']],
  ['keys-list-all', ['keys', 'list', '--status', 'all']],
  // 3, 17: the rotated key says when it stops and links to its replacement; revoked, no expiry.
  ['keys-show-rotated', ['keys', 'show', '00000002-aaaa-4bbb-8ccc-000000000002']],
  ['keys-show-revoked', ['keys', 'show', 'op_live_…L4pt']],
  // 15: a name two keys share is refused with both ids; a unique one (or a preview) works.
  ['keys-show-ambiguous', ['keys', 'show', 'billing service']],
  ['keys-show-by-name', ['keys', 'show', 'CI deploys']],
  ['keys-show-unknown', ['keys', 'show', 'nothing like this']],
  // 1: whoami wraps long values between words.
  ['whoami', ['whoami']],
  // 12: the activity log in the dashboard's sentences.
  ['activity', ['activity']],
  // 4: a bare number is no duration.
  ['rotate-bare-grace', ['keys', 'rotate', 'CI deploys', '--grace', '2']],
  // 13, 16: a group without its command; a mistake while parsing, with --json.
  ['keys-without-command', ['keys']],
  ['json-usage-error', ['keys', 'list', '--limit', '0', '--json']],
];

describe('CLI output on a terminal', () => {
  // 8: a repository with a tracked README and an untracked config.env holding a key of the
  // logged-in workspace.
  let repo = '';
  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), 'onepin-snapshot-repo-'));
    execFileSync('git', ['init', '-q'], { cwd: repo });
    writeFileSync(join(repo, 'README.md'), 'hello\n');
    execFileSync('git', ['add', 'README.md'], { cwd: repo });
    writeFileSync(join(repo, 'config.env'), `PORT=8000\nONEPIN_API_KEY=${LEAKED_KEY}\n`);
  });
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  describe.each([80, 120])('%i columns', (columns) => {
    it.each([...COMMANDS, ['scan', ['scan']] as const])('%s', async (name, args) => {
      const text = await transcript([...args], columns, { cwd: repo });
      expect(text).not.toContain(LEAKED_KEY);
      await expect(text).toMatchFileSnapshot(`__snapshots__/output/${name}.${columns}.txt`);
      // Nothing on stdout is wider than the terminal (stderr is prose, wrapped by it).
      const stdout = text.split('\n--- stderr')[0]?.split('\n').slice(2) ?? [];
      for (const line of stdout) expect([...line].length).toBeLessThanOrEqual(columns);
    });
  });
});
