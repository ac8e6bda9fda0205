import type { CliIo } from './io.js';
import { Output } from './output/output.js';

/** The options every command accepts, before or after its name (SPEC §6). */
export interface GlobalOptions {
  apiKey?: string;
  baseUrl?: string;
  profile?: string;
  json?: boolean;
  /** `false` with --no-color. */
  color?: boolean;
  verbose?: boolean;
  yes?: boolean;
}

/** What a running command works with; built once per invocation. */
export class CliContext {
  readonly io: CliIo;
  /** Set by a command that succeeds but must exit non-zero (e.g. `scan` finding a key). */
  exitCode = 0;
  #global: GlobalOptions = {};
  #out: Output | undefined;

  constructor(io: CliIo) {
    this.io = io;
  }

  /** Called before the action runs, once commander has parsed the global options. */
  configure(global: GlobalOptions): void {
    this.#global = global;
    const noColor = this.io.env.NO_COLOR !== undefined && this.io.env.NO_COLOR !== '';
    this.#out = new Output(this.io, {
      json: global.json === true,
      color: global.color !== false && !noColor && this.io.stdoutIsTTY,
    });
  }

  get global(): GlobalOptions {
    return this.#global;
  }

  get out(): Output {
    this.#out ??= new Output(this.io, { json: false, color: false });
    return this.#out;
  }
}
