import { z } from '@hono/zod-openapi';
import { redactKeyShapedText } from '@onepin/core';

export const Meta = z
  .object({
    request_id: z.string().openapi({ example: '3f1e…' }),
    timestamp: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('Meta');

export const OffsetPagination = z
  .object({
    limit: z.number().int(),
    offset: z.number().int(),
    total: z.number().int(),
    next: z.string().nullable().openapi({ description: 'Path of the next page, or null' }),
    prev: z.string().nullable().openapi({ description: 'Path of the previous page, or null' }),
  })
  .openapi('OffsetPagination');

export const CursorPagination = z
  .object({
    limit: z.number().int(),
    cursor: z
      .string()
      .nullable()
      .openapi({ description: 'Pass as `cursor` for the next page; null on the last page' }),
    next: z.string().nullable(),
    prev: z.null().openapi({ description: 'Always null: cursor pages go forward only' }),
  })
  .openapi('CursorPagination');

export const ErrorDetail = z
  .object({ field: z.string(), message: z.string() })
  .openapi('ErrorDetail');

export const ErrorEnvelope = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'INVALID_API_KEY' }),
      message: z.string(),
      details: z.array(ErrorDetail).optional(),
    }),
    meta: Meta,
  })
  .openapi('Error');

/** `{ data, meta }` around a schema. */
export function envelope<T extends z.ZodType>(data: T) {
  return z.object({ data, meta: Meta });
}

/** `{ data: [...], pagination, meta }` for offset-paginated lists. */
export function listEnvelope<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), pagination: OffsetPagination, meta: Meta });
}

/** `{ data: [...], pagination, meta }` for cursor-paginated lists. */
export function cursorListEnvelope<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), pagination: CursorPagination, meta: Meta });
}

export function jsonContent<T extends z.ZodType>(schema: T, description: string) {
  return { content: { 'application/json': { schema } }, description };
}

/** A JSON request body that must be present. */
export function jsonBody<T extends z.ZodType>(schema: T) {
  return { content: { 'application/json': { schema } }, required: true };
}

const STATUS_DESCRIPTIONS: Record<number, string> = {
  400: 'Malformed request (e.g. invalid JSON)',
  401: 'Missing, malformed, unknown, revoked or expired API key (INVALID_API_KEY)',
  403: 'Missing scope (INSUFFICIENT_SCOPE) or X-Workspace-Id mismatch (WORKSPACE_MISMATCH)',
  404: 'Not found, or owned by another workspace or environment',
  409: 'Conflict with the current state',
  410: 'The link was used, withdrawn or has expired (GONE)',
  413: 'Request body too large',
  415: 'Unsupported content type',
  422: 'Validation error; `details` names each offending field',
  429: 'Rate limited; see Retry-After',
  503: 'Busy or unavailable for a moment; see Retry-After',
};

/** Error responses for the OpenAPI document, each with the shared envelope. */
export function errorResponses(...statuses: number[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      jsonContent(ErrorEnvelope, STATUS_DESCRIPTIONS[status] ?? 'Error'),
    ]),
  );
}

export const Timestamp = z
  .string()
  .openapi({ format: 'date-time', example: '2026-11-26T12:00:00.000Z' });

/** A whole number in a query string: digits only, so `1e2`, `0x10` and ` 5` are refused. */
export function queryInteger(name: string, min: number, max: number, fallback: number) {
  return z
    .string()
    .regex(/^\d{1,9}$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`))
    .optional()
    .transform((value) => value ?? fallback)
    .openapi({
      param: { name, in: 'query' },
      type: 'integer',
      minimum: min,
      maximum: max,
      default: fallback,
    });
}

/** `limit` 1–100 (default 50) and `offset` ≥ 0 (SPEC §5): out of range is a 422, not clamped. */
export const OffsetQuery = z.object({
  limit: queryInteger('limit', 1, 100, 50),
  offset: queryInteger('offset', 0, 1_000_000_000, 0),
});

/**
 * A rejected value as a validation message may quote it: a string's first 40 characters, a
 * number or boolean as is, otherwise its kind. Never `JSON.stringify` of client input: a deeply
 * nested value overflows the stack, and a long one would be echoed back whole. Anything
 * key-shaped is replaced by its preview *before* the cut: cutting first could leave 38 of a
 * key's 40 characters, no longer key-shaped, for every later redaction to miss.
 */
export function describeInput(input: unknown): string {
  if (typeof input === 'string') {
    const safe = redactKeyShapedText(input);
    return JSON.stringify(safe.length > 40 ? `${safe.slice(0, 40)}…` : safe);
  }
  if (typeof input === 'number' || typeof input === 'boolean' || input === null) {
    return String(input);
  }
  if (Array.isArray(input)) return 'an array';
  return typeof input === 'object' ? 'an object' : `a ${typeof input}`;
}
