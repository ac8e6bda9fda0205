/** Exit codes of SPEC §6. */
export const EXIT = { ok: 0, error: 1, usage: 2, interrupted: 130 } as const;

export interface CliErrorOptions {
  exitCode?: number;
  requestId?: string | null | undefined;
  /** Advice printed on its own line after the error (e.g. "Run `onepin login`."). */
  hint?: string | undefined;
  /** Per-field problems of a validation error. */
  details?: ReadonlyArray<{ field: string; message: string }> | undefined;
}

/** An error the CLI reports as `[CODE] message (request_id=…)` and exits with. */
export class CliError extends Error {
  override name = 'CliError';
  readonly code: string;
  readonly exitCode: number;
  readonly requestId: string | undefined;
  readonly hint: string | undefined;
  readonly details: ReadonlyArray<{ field: string; message: string }>;

  constructor(code: string, message: string, options: CliErrorOptions = {}) {
    super(message);
    this.code = code;
    this.exitCode = options.exitCode ?? EXIT.error;
    this.requestId = options.requestId ?? undefined;
    this.hint = options.hint;
    this.details = options.details ?? [];
  }
}

/** A problem with the command line itself: exit code 2. */
export class UsageError extends CliError {
  override name = 'UsageError';
  constructor(message: string, hint?: string) {
    super('USAGE', message, { exitCode: EXIT.usage, hint });
  }
}

/**
 * The person stopped the command (Ctrl-C at a prompt, or "no" to a confirmation): exit 130,
 * like an interrupt. Nothing was changed; this is reported as a message, not as an error.
 */
export class CancelledError extends CliError {
  override name = 'CancelledError';
  constructor(message = 'Cancelled.') {
    super('CANCELLED', message, { exitCode: EXIT.interrupted });
  }
}
