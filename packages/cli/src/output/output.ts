import { CancelledError, type CliError } from '../errors.js';
import type { CliIo } from '../io.js';
import { type Colors, colorsFor } from './colors.js';
import { renderFields, renderTable, type Table } from './table.js';

export interface OutputOptions {
  json: boolean;
  /** Colour is wanted (no --no-color, no NO_COLOR); each stream still needs to be a TTY. */
  color: boolean;
}

/**
 * The output contract of SPEC §6: data on stdout (JSON with --json, a table on a TTY,
 * tab-separated text when piped), messages and errors on stderr.
 */
export class Output {
  /** Colours for data on stdout. */
  readonly colors: Colors;
  /** Colours for messages on stderr. */
  readonly messageColors: Colors;
  readonly #io: CliIo;
  readonly #json: boolean;

  constructor(io: CliIo, options: OutputOptions) {
    this.#io = io;
    this.#json = options.json;
    this.colors = colorsFor(options.color && io.stdoutIsTTY);
    this.messageColors = colorsFor(options.color && io.stderrIsTTY);
  }

  get json(): boolean {
    return this.#json;
  }

  /** Whether stdout is a terminal (a person reads it) rather than a pipe or file. */
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

  /**
   * Prints one object: `value` as JSON with --json; else `Label  value` lines on a TTY and
   * `label<TAB>value` lines when piped. Empty values show as `-` on a TTY.
   */
  fields(value: unknown, rows: ReadonlyArray<readonly [string, string]>): void {
    this.data(value, () => renderFields(rows, this.tty, this.colors.dim));
  }

  /** A message for the person (never data): stderr, so pipes carry only data. */
  message(text: string): void {
    this.#io.stderr.write(`${text}\n`);
  }

  success(text: string): void {
    this.message(`${this.messageColors.green('✓')} ${text}`);
  }

  warn(text: string): void {
    this.message(`${this.messageColors.yellow('!')} ${text}`);
  }

  /** `[CODE] message (request_id=…)`, or the error as JSON on stderr with --json. */
  error(error: CliError): void {
    if (error instanceof CancelledError) {
      // Not a failure: the person said no. Say what happened and nothing more.
      this.message(error.message);
      return;
    }
    if (this.#json) {
      const body = {
        error: {
          code: error.code,
          message: error.message,
          ...(error.details.length > 0 && { details: error.details }),
          ...(error.requestId && { request_id: error.requestId }),
        },
      };
      this.#io.stderr.write(`${JSON.stringify(body)}\n`);
      return;
    }
    const suffix = error.requestId ? ` (request_id=${error.requestId})` : '';
    this.message(`${this.messageColors.red(`[${error.code}]`)} ${error.message}${suffix}`);
    for (const detail of error.details) this.message(`  ${detail.field}: ${detail.message}`);
    if (error.hint) this.message(error.hint);
  }
}
