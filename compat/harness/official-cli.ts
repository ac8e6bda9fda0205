import { execFile } from 'node:child_process';
import { join } from 'node:path';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON (the commands run with `--json`). */
  json(): any;
}

/**
 * Runs the official `onepin` command as a user would, in a process of its own: the key and
 * server from the environment, a home directory of its own, no colour, no update check.
 */
export function officialCli(
  pythonBin: string,
  env: { home: string; apiKey: string; baseUrl: string },
) {
  return (args: string[]): Promise<CliResult> =>
    new Promise((resolve) => {
      execFile(
        join(pythonBin, 'onepin'),
        args,
        {
          env: {
            PATH: process.env.PATH,
            HOME: env.home,
            ONEPIN_API_KEY: env.apiKey,
            ONEPIN_BASE_URL: env.baseUrl,
            ONEPIN_NO_UPDATE_CHECK: '1',
            NO_COLOR: '1',
            COLUMNS: '200',
          },
          timeout: 120_000,
        },
        (error, stdout, stderr) => {
          const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
          resolve({
            code,
            stdout,
            stderr,
            json() {
              try {
                return JSON.parse(stdout);
              } catch {
                throw new Error(`not JSON (exit ${code}): ${stdout}\n${stderr}`);
              }
            },
          });
        },
      );
    });
}
