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

  /** The width tables and fields fit on a terminal (80 when the terminal does not say). */
  get width(): number {
    return this.#io.columns && this.#io.columns > 0 ? this.#io.columns : 80;
  }

  /**
   * Prints a command's result: `value` as JSON with --json, else the table or text. A table
   * is fitted to the terminal; the columns it had to hide are named on stderr.
   */
  data(value: unknown, human: () => Table | string): void {
    if (this.#json) {
      this.#io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
      return;
    }
    const rendered = human();
    if (typeof rendered === 'string') {
      if (rendered) this.#io.stdout.write(rendered.endsWith('\n') ? rendered : `${rendered}\n`);
      return;
    }
    const { text, hidden } = renderTable(rendered, {
      tty: this.tty,
      width: this.width,
      bold: this.colors.bold,
    });
    if (text) this.#io.stdout.write(text);
    if (hidden.length > 0) {
      this.message(
        this.messageColors.dim(
          `Not shown at ${this.width} columns: ${hidden.join(', ')} (a wider terminal shows more; --json shows all).`,
        ),
      );
    }
  }

  /**
   * Prints one object: `value` as JSON with --json; else `Label  value` lines on a TTY
   * (long values wrapped between words) and `label<TAB>value` lines when piped. Empty values
   * show as `-` on a TTY.
   */
  fields(value: unknown, rows: ReadonlyArray<readonly [string, string]>): void {
    this.data(value, () =>
      renderFields(rows, { tty: this.tty, width: this.width, dim: this.colors.dim }),
    );
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
