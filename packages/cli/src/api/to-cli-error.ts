import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  CredentialsError,
  OnePinError,
  PermissionDeniedError,
  RateLimitError,
} from '@onepin/sdk';
import { CancelledError, CliError } from '../errors.js';

/** The server a command was talking to, for messages that name it. */
export interface ApiTarget {
  baseUrl: string;
  /** Where the key came from, e.g. `ONEPIN_API_KEY`. */
  keyFrom: string;
  /** Where the base URL came from, e.g. `the default (http://127.0.0.1:8000)`. */
  baseUrlFrom: string;
  /** What to do when the server refuses the key (default: save a new one with `onepin login`). */
  whenRefused?: string | undefined;
}

/**
 * The one place SDK errors become CLI errors (exit 1): the server's code and request id are
 * kept; a 401 and a connection failure get the messages of SPEC §6; credentials-file errors
 * keep their code and their message, which names the file and the fix.
 */
export function toCliError(error: unknown, target: ApiTarget | undefined): CliError | undefined {
  if (error instanceof CliError) return error;
  if (!(error instanceof OnePinError)) return undefined;
  const base = target?.baseUrl ?? 'the server';
  if (error instanceof AuthenticationError) {
    return new CliError(
      'INVALID_API_KEY',
      `Invalid API key. Create one at ${base}/settings/api-keys`,
      {
        requestId: error.requestId,
        hint: `The key came from ${target?.keyFrom ?? 'the command line'}. ${target?.whenRefused ?? 'Run `onepin login` to save a new one.'}`,
      },
    );
  }
  if (error instanceof APIError) {
    return new CliError(error.code, error.message, {
      requestId: error.requestId,
      details: error.details,
      hint: hintFor(error),
    });
  }
  if (error instanceof APIConnectionError) {
    const timeout = error instanceof APIConnectionTimeoutError;
    const cause = timeout ? 'The server did not answer in time.' : causeOf(error);
    const from = target ? ` The base URL came from ${target.baseUrlFrom}.` : '';
    return new CliError(
      timeout ? 'TIMEOUT' : 'CONNECTION_ERROR',
      `Cannot reach ${base} — check your connection`,
      {
        hint: `${cause ? `${cause} ` : ''}Is the server running there?${from} Point at another with --base-url URL (or ONEPIN_BASE_URL), or start one: npm start (in the OnePin repository) or onepin-server serve.`,
      },
    );
  }
  if (error instanceof APIUserAbortError) return new CancelledError();
  if (error instanceof CredentialsError) return new CliError(error.code, error.message);
  return new CliError('CONFIGURATION_ERROR', error.message);
}

function hintFor(error: APIError): string | undefined {
  if (error instanceof RateLimitError && error.retryAfter !== null) {
    return `Try again in ${error.retryAfter} s.`;
  }
  if (error instanceof PermissionDeniedError && error.code === 'INSUFFICIENT_SCOPE') {
    return 'See what this key may do with `onepin whoami`.';
  }
  return undefined;
}

/** The system's reason (ECONNREFUSED, ENOTFOUND…) when there is one, for -v readers and humans. */
function causeOf(error: Error): string | undefined {
  const cause = error.cause as { code?: unknown; cause?: { code?: unknown } } | undefined;
  const code = cause?.code ?? cause?.cause?.code;
  return typeof code === 'string' ? `(${code})` : undefined;
}
