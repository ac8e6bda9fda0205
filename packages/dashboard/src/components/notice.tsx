import type { ReactNode } from 'react';
import { ApiRequestError } from '../api.js';

/** What to tell a person about a failed request. */
export function describeError(error: unknown): string {
  if (!(error instanceof ApiRequestError)) return 'Something went wrong. Try again.';
  if (error.status === 429 && error.retryAfterSeconds !== null) {
    const minutes = Math.ceil(error.retryAfterSeconds / 60);
    return `${error.message} Try again in ${minutes === 1 ? 'a minute' : `${minutes} minutes`}.`;
  }
  return error.message;
}

/** An error announced to screen readers as it appears. */
export function ErrorNotice({ error }: { error: unknown }) {
  if (error === null || error === undefined) return null;
  return (
    <p className="notice notice-error" role="alert">
      {describeError(error)}
    </p>
  );
}

export function InfoNotice({ children }: { children: ReactNode }) {
  return <p className="notice notice-info">{children}</p>;
}
