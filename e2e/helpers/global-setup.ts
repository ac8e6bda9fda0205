import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { SERVER_LOG_DIR } from './server-process.js';

const PLAINTEXT_KEY = /op_(?:live|test)_[0-9A-Za-z]{32}/;

/** Keys found in the log files: file and line number, never the key itself. */
export function findKeysInLogs(directory: string): string[] {
  let files: string[];
  try {
    files = readdirSync(directory);
  } catch {
    return [];
  }
  const findings: string[] = [];
  for (const file of files) {
    const lines = readFileSync(join(directory, file), 'utf8').split('\n');
    lines.forEach((line, index) => {
      if (PLAINTEXT_KEY.test(line)) findings.push(`${file}:${index + 1}`);
    });
  }
  return findings;
}

/**
 * Before the suite: forget the server logs of earlier runs. After it: no server that a test
 * started may have logged a plaintext key (SPEC §2), whatever the test did to it.
 */
export default function setup() {
  rmSync(SERVER_LOG_DIR, { recursive: true, force: true });
  return () => {
    const findings = findKeysInLogs(SERVER_LOG_DIR);
    if (findings.length > 0) {
      // Vitest prints an error thrown here but would still exit 0.
      process.exitCode = 1;
      throw new Error(`plaintext API keys in the server logs at ${findings.join(', ')}`);
    }
  };
}
