import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const DRIVER = fileURLToPath(new URL('../driver/sdk_driver.py', import.meta.url));

/** How a call authenticates: an API key, or a dashboard session (cookie and CSRF token). */
export type Auth = { token: string } | { cookie: string; csrf: string };

export interface SdkCall {
  auth: Auth;
  /** The SDK method, e.g. `workflows.create_workflow`. */
  call: string;
  args?: unknown[];
  kwargs?: Record<string, unknown>;
  /** Arguments to build as the SDK's pydantic models first, e.g. `{definition: 'WorkflowDefinitionInput'}`. */
  models?: Record<string, string>;
  /** `request_options.max_retries`: 0 where an error is expected (the SDK retries 409 and 5xx). */
  maxRetries?: number;
}

export type SdkAnswer =
  | { ok: true; type: string; data: any }
  | { ok: false; error: { type: string; status: number | null; body: any; text: string } };

/** One long-lived Python process running official SDK calls, one JSON line each way. */
export class SdkDriver {
  readonly #child: ChildProcessWithoutNullStreams;
  readonly #pending = new Map<number, (answer: SdkAnswer) => void>();
  #next = 0;
  #stderr = '';

  constructor(pythonBin: string, baseUrl: string) {
    this.#child = spawn(join(pythonBin, 'python'), [DRIVER, baseUrl], {
      env: { ...process.env, ONEPIN_NO_UPDATE_CHECK: '1', PYTHONUNBUFFERED: '1' },
    });
    this.#child.stderr.on('data', (chunk) => {
      this.#stderr += String(chunk);
    });
    createInterface({ input: this.#child.stdout }).on('line', (line) => {
      const { id, ...answer } = JSON.parse(line);
      this.#pending.get(id)?.(answer as SdkAnswer);
      this.#pending.delete(id);
    });
    this.#child.once('exit', (code) => {
      for (const resolve of this.#pending.values()) {
        resolve({
          ok: false,
          error: {
            type: 'DriverExited',
            status: null,
            body: null,
            text: `${code}: ${this.#stderr}`,
          },
        });
      }
      this.#pending.clear();
    });
  }

  /** Runs one SDK call; resolves with its result or its error, never rejects. */
  call(request: SdkCall): Promise<SdkAnswer> {
    const id = ++this.#next;
    const { maxRetries, ...rest } = request;
    const line = JSON.stringify({
      id,
      ...rest,
      ...(maxRetries !== undefined && { max_retries: maxRetries }),
    });
    return new Promise((resolve) => {
      this.#pending.set(id, resolve);
      this.#child.stdin.write(`${line}\n`);
    });
  }

  /** The call's data, or an error that says what the SDK raised. */
  async data(request: SdkCall): Promise<any> {
    const answer = await this.call(request);
    if (!answer.ok) {
      throw new Error(
        `${request.call} failed in the official SDK: ${JSON.stringify(answer.error)}`,
      );
    }
    return answer.data;
  }

  async close(): Promise<void> {
    if (this.#child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.#child.once('exit', resolve));
    this.#child.stdin.end();
    await exited;
  }
}
