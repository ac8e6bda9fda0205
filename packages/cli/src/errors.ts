/** Exit codes of SPEC §6. */
export const EXIT = { ok: 0, error: 1, usage: 2, interrupted: 130 } as const;

/** An error the CLI reports as `[CODE] message (request_id=…)` and exits with. */
export class CliError extends Error {
  override name = 'CliError';
  readonly code: string;
  readonly exitCode: number;
  readonly requestId: string | undefined;
  /** Extra lines of advice printed after the error (e.g. "run onepin login"). */
  readonly hint: string | undefined;

  constructor(
    code: string,
    message: string,
    options: { exitCode?: number; requestId?: string; hint?: string } = {},
  ) {
    super(message);
    this.code = code;
    this.exitCode = options.exitCode ?? EXIT.error;
    this.requestId = options.requestId;
    this.hint = options.hint;
  }
}

/** A problem with the command line itself: exit code 2. */
export class UsageError extends CliError {
  override name = 'UsageError';
  constructor(message: string) {
    super('USAGE', message, { exitCode: EXIT.usage });
  }
}

/** The user interrupted (Ctrl-C, or declined a confirmation): exit code 130. */
export class CancelledError extends CliError {
  override name = 'CancelledError';
  constructor(message = 'Cancelled.') {
    super('CANCELLED', message, { exitCode: EXIT.interrupted });
  }
}
