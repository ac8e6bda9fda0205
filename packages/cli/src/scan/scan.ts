import { git, isGitRepository } from './git.js';
import { scanDiff } from './scan-diff.js';
import { scanFiles } from './scan-files.js';
import type { ScanFinding } from './scan-finding.js';

export type ScanMode =
  | { kind: 'paths'; paths: readonly string[] }
  | { kind: 'worktree'; untracked: boolean }
  | { kind: 'staged' }
  | { kind: 'history' };

export interface ScanResult {
  findings: ScanFinding[];
  /**
   * The keys found, each once, for `scan --revoke` to report: kept apart from `findings`,
   * which are printed, and never printed or written anywhere.
   */
  keys: string[];
  /** What was scanned, for the summary line. */
  scope: string;
  /** The untracked (and not ignored) files that were scanned too, relative to the top. */
  untracked: string[];
}

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/**
 * Scans for OnePin keys: given paths; the git work tree (the default: tracked files, and
 * the untracked ones git does not ignore, where a fresh `config.env` sits before anyone
 * commits it); the staged changes (for a pre-commit hook); or the whole history.
 */
export async function scan(mode: ScanMode, cwd: string): Promise<ScanResult> {
  if (mode.kind === 'paths') {
    const { findings, keys, filesScanned } = await scanFiles(mode.paths, cwd);
    return { findings, keys, scope: plural(filesScanned, 'file'), untracked: [] };
  }
  if (!(await isGitRepository(cwd))) {
    throw new Error('not inside a git repository: pass the files or directories to scan');
  }
  if (mode.kind === 'staged') {
    return {
      ...scanDiff(await git(cwd, ['diff', '--cached', '-U0', '--no-color', '--no-ext-diff'])),
      scope: 'staged changes',
      untracked: [],
    };
  }
  if (mode.kind === 'history') {
    const log = await git(cwd, [
      'log',
      '-p',
      '-U0',
      '--all',
      '--no-color',
      '--no-ext-diff',
      '--format=commit %H',
    ]);
    return { ...scanDiff(log), scope: 'git history', untracked: [] };
  }
  const top = (await git(cwd, ['rev-parse', '--show-toplevel'])).trim();
  const list = async (args: string[]) => (await git(top, args)).split('\0').filter(Boolean);
  const tracked = await list(['ls-files', '-z']);
  const untracked = mode.untracked
    ? await list(['ls-files', '-z', '--others', '--exclude-standard'])
    : [];
  const inTracked = await scanFiles(tracked, top, false);
  const inUntracked = await scanFiles(untracked, top, false);
  const scope =
    `${plural(inTracked.filesScanned, 'tracked file')}` +
    (mode.untracked ? ` and ${plural(inUntracked.filesScanned, 'untracked file')}` : '');
  return {
    findings: [
      ...inTracked.findings,
      ...inUntracked.findings.map((finding) => ({ ...finding, untracked: true as const })),
    ],
    keys: [...new Set([...inTracked.keys, ...inUntracked.keys])],
    scope,
    untracked,
  };
}
