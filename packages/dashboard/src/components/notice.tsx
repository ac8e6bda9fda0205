import type { ReactNode } from 'react';
import { describeError } from './describe-error.js';

export { describeError };

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
