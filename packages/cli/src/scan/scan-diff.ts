import { extractApiKeys, findApiKeys } from '@onepin/core';
import type { ScanFinding } from './scan-finding.js';

/**
 * Finds keys in the lines a unified diff adds (`git diff -U0`, `git log -p -U0`), reporting
 * each at its line in the new version of the file, and the commit when the diff comes from
 * `git log` with `--format=commit %H`.
 */
export function scanDiff(diff: string): { findings: ScanFinding[]; keys: string[] } {
  const findings: ScanFinding[] = [];
  const keys = new Set<string>();
  let commit: string | undefined;
  let file: string | undefined;
  let nextLine = 0;
  for (const line of diff.split('\n')) {
    if (line.startsWith('commit ')) {
      commit = line.slice(7).trim();
    } else if (line.startsWith('+++ ')) {
      const target = line.slice(4);
      file = target === '/dev/null' ? undefined : target.replace(/^b\//, '');
    } else if (line.startsWith('@@')) {
      const start = /\+(\d+)/.exec(line)?.[1];
      nextLine = start ? Number(start) : 0;
    } else if (line.startsWith('+') && file !== undefined) {
      for (const found of findApiKeys(line.slice(1))) {
        findings.push({ ...found, file, line: nextLine, ...(commit && { commit }) });
      }
      for (const key of extractApiKeys(line.slice(1))) keys.add(key);
      nextLine++;
    } else if (line.startsWith(' ')) {
      nextLine++;
    }
  }
  return { findings, keys: [...keys] };
}
