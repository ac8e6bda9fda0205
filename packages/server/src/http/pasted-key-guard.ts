import { containsApiKey, type ErrorDetail } from '@onepin/core';
import type { MiddlewareHandler } from 'hono';
import { ApiError } from '../api-error.js';
import type { AppEnv } from './app-env.js';

/**
 * The OpenAPI extension that documents a route whose JSON body may carry an API key — a
 * verification endpoint, a public revocation endpoint — because its body policy says so
 * (`{ kind: 'json', acceptsApiKey: true }`, `routes/route-definition.ts`); the guard is then
 * left out of its middleware. The leak reports declare it (`routes/leak-reports/`).
 */
export const ACCEPTS_API_KEY_IN_BODY = 'x-accepts-api-key-in-body';

export const PASTED_KEY_MESSAGE = 'must not contain an API key';
export const PASTED_KEY_ERROR_MESSAGE =
  'The request contains an API key. Keys are secrets: the server never stores one in plaintext.';

/** The media types Hono's JSON validator parses: only such bodies ever reach a route as JSON. */
const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i;

/** More findings than this add nothing to the answer. */
const MAX_DETAILS = 20;

/**
 * Refuses every JSON request body that holds an API key anywhere — in any string, at any
 * depth, object keys included — with 422 `VALIDATION_ERROR` naming each field, before a route
 * can store it (a name, a description, a workflow's extra fields, an upload's file name, an
 * email) and copy it into the audit log that viewers read. It is part of every JSON body
 * policy, so a new route is covered without doing anything; one that must receive a key says
 * so in its body policy (`acceptsApiKey`). It sees the parsed values, so JSON escapes
 * (`op\u005flive…`) hide nothing. The parsed body is Hono's cached one: the route's
 * validator reads the same object, and a body that is not JSON is left to it (400).
 */
export const pastedKeyGuard: MiddlewareHandler<AppEnv> = async (c, next) => {
  const method = c.req.method;
  // No look at `c.req.raw.body` (on @hono/node-server it builds a web Request): a request
  // without a body parses as no JSON below and is left to the validator.
  if (method === 'GET' || method === 'HEAD') return next();
  const contentType = c.req.header('content-type');
  if (contentType === undefined) return next();
  if (!JSON_MEDIA_TYPE.test(contentType.split(';')[0]?.trim() ?? '')) return next();
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    return next();
  }
  const details = fieldsHoldingKeys(body);
  if (details.length > 0) {
    throw new ApiError('VALIDATION_ERROR', PASTED_KEY_ERROR_MESSAGE, { details });
  }
  return next();
};

/**
 * Every field of a parsed JSON value whose string (or whose own name) holds an API key, as
 * `details` entries with dotted paths like the validator's (`definition.graph.nodes.0.label`).
 * Iterative, so a deeply nested body cannot overflow the stack.
 */
export function fieldsHoldingKeys(value: unknown): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  // Breadth first, so the top-level fields come first in the answer.
  const queue: Array<{ value: unknown; path: string }> = [{ value, path: '' }];
  const field = (path: string) => path || '(body)';
  for (let next = 0; next < queue.length && details.length < MAX_DETAILS; next++) {
    const current = queue[next] as { value: unknown; path: string };
    queue[next] = { value: undefined, path: '' }; // let the visited subtree go
    if (typeof current.value === 'string') {
      if (containsApiKey(current.value)) {
        details.push({ field: field(current.path), message: PASTED_KEY_MESSAGE });
      }
      continue;
    }
    if (typeof current.value !== 'object' || current.value === null) continue;
    const prefix = current.path ? `${current.path}.` : '';
    for (const [name, child] of Object.entries(current.value)) {
      if (containsApiKey(name)) {
        // The error renderer replaces the key in this path by its preview.
        details.push({
          field: `${prefix}${name}`,
          message: `${PASTED_KEY_MESSAGE} (here in a field name)`,
        });
      }
      queue.push({ value: child, path: `${prefix}${name}` });
    }
  }
  return details;
}
