import { formatDuration } from '@onepin/sdk/format';
import { ApiRequestError } from '../api.js';

/** What to tell a person about a failed request. */
export function describeError(error: unknown): string {
  if (!(error instanceof ApiRequestError)) return 'Something went wrong. Try again.';
  if (error.status === 429 && error.retryAfterSeconds !== null) {
    // Say when once: the server's "Try again later." gives way to the actual wait.
    const reason = error.message.replace(/\s*Try again later\.?$/i, '');
    return `${reason} Try again in ${formatDuration(error.retryAfterSeconds * 1000)}.`;
  }
  return error.message;
}
