import { CliError } from '../errors.js';
import type { CliIo } from '../io.js';
import { type Colors, colorsFor } from './colors.js';
import { renderTable, type Table } from './table.js';

export interface OutputOptions {
  json: boolean;
  color: boolean;
}

/**
 * The output contract of SPEC §6: data on stdout (JSON with --json, a table on a TTY,
 * tab-separated text when piped), messages and errors on stderr.
 */
export class Output {
  readonly colors: Colors;
  readonly #io: CliIo;
  readonly #json: boolean;

  constructor(io: CliIo, options: OutputOptions) {
    this.#io = io;
    this.#json = options.json;
    this.colors = colorsFor(options.color);
  }

  get json(): boolean {
    return this.#json;
  }

  get tty(): boolean {
    return this.#io.stdoutIsTTY;
  }

  /** Prints a command's result: `value` as JSON with --json, else the table or text. */
  data(value: unknown, human: () => Table | string): void {
    if (this.#json) {
      this.#io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
      return;
    }
    const rendered = human();
    const text =
      typeof rendered === 'string' ? rendered : renderTable(rendered, this.tty, this.colors.bold);
    if (text) this.#io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  }

  /** A message for the person (never data): stderr, so pipes carry only data. */
  message(text: string): void {
    this.#io.stderr.write(`${text}\n`);
  }

  success(text: string): void {
    this.message(`${this.colors.green('✓')} ${text}`);
  }

  warn(text: string): void {
    this.message(`${this.colors.yellow('!')} ${text}`);
  }

  /** `[CODE] message (request_id=…)`, or the error as JSON on stderr with --json. */
  error(error: CliError): void {
    if (this.#json) {
      const body = {
        error: {
          code: error.code,
          message: error.message,
          ...(error.requestId && { request_id: error.requestId }),
        },
      };
      this.#io.stderr.write(`${JSON.stringify(body)}\n`);
      return;
    }
    const suffix = error.requestId ? ` (request_id=${error.requestId})` : '';
    this.message(`${this.colors.red(`[${error.code}]`)} ${error.message}${suffix}`);
    if (error.hint) this.message(error.hint);
  }
}

export { CliError };
