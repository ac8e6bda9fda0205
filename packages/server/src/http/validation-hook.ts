import type { ErrorDetail } from '@onepin/core';
import { ApiError } from '../api-error.js';

interface ZodIssueLike {
  path: PropertyKey[];
  message: string;
  code?: string;
  keys?: string[];
}

/** A zod issue as a `details` entry: the dotted path of the field and what is wrong with it. */
export function issueToDetail(issue: ZodIssueLike): ErrorDetail[] {
  const base = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys' && issue.keys) {
    return issue.keys.map((key) => ({
      field: base ? `${base}.${key}` : key,
      message: 'is not a known field',
    }));
  }
  return [{ field: base || '(body)', message: issue.message }];
}

/** Schema violations become 422 `VALIDATION_ERROR` with `details` (SPEC §5). */
export function validationHook(result: {
  success: boolean;
  error?: { issues: ZodIssueLike[] };
}): void {
  if (result.success) return;
  const details = (result.error?.issues ?? []).flatMap(issueToDetail);
  throw new ApiError('VALIDATION_ERROR', 'The request is not valid.', { details });
}
