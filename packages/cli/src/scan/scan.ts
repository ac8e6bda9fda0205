import { git, isGitRepository } from './git.js';
import { scanDiff } from './scan-diff.js';
import { scanFiles } from './scan-files.js';
import type { ScanFinding } from './scan-finding.js';

export type ScanMode =
  | { kind: 'paths'; paths: readonly string[] }
  | { kind: 'tracked' }
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
}

/**
 * Scans for OnePin keys: given paths, the git repository's tracked files (the default),
 * the staged changes (for a pre-commit hook) or the whole history.
 */
export async function scan(mode: ScanMode, cwd: string): Promise<ScanResult> {
  if (mode.kind === 'paths') {
    const { findings, keys, filesScanned } = await scanFiles(mode.paths, cwd);
    return { findings, keys, scope: `${filesScanned} file${filesScanned === 1 ? '' : 's'}` };
  }
  if (!(await isGitRepository(cwd))) {
    throw new Error('not inside a git repository: pass the files or directories to scan');
  }
  if (mode.kind === 'staged') {
    return {
      ...scanDiff(await git(cwd, ['diff', '--cached', '-U0', '--no-color', '--no-ext-diff'])),
      scope: 'staged changes',
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
    return { ...scanDiff(log), scope: 'git history' };
  }
  const top = (await git(cwd, ['rev-parse', '--show-toplevel'])).trim();
  const tracked = (await git(top, ['ls-files', '-z'])).split('\0').filter(Boolean);
  const { findings, keys, filesScanned } = await scanFiles(tracked, top, false);
  return { findings, keys, scope: `${filesScanned} tracked file${filesScanned === 1 ? '' : 's'}` };
}
