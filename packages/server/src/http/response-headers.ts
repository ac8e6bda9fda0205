import type { Context, TypedResponse } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { JSONParsed } from 'hono/utils/types';
import type { AppEnv } from './app-env.js';
import { applySecurityHeaders, type HeaderRecord, isApiPath } from './security-headers.js';

/**
 * Every JSON answer of the server, success or error, with all of its headers in one plain
 * object: content type, `X-Request-Id`, the key's `X-RateLimit-*`, a `Set-Cookie`, the route's
 * own (`extraHeaders`) and the security headers. @hono/node-server hands a plain object
 * straight to `writeHead`; a `Headers` object — what `c.header()` and `c.json()` build, and what
 * reading `c.res.headers` makes — costs about a microsecond per header to validate, sort and
 * copy again (npm run bench).
 *
 * So nothing adds headers with `c.header()`: middleware leaves them on the context as data
 * (`requestId`, `rateLimit`, `setCookie`) and they are written here, once. Responses built any
 * other way (pages, files, the OpenAPI document) get the same headers from `completeHeaders`.
 */
export function jsonResponse<T, S extends ContentfulStatusCode>(
  c: Context<AppEnv>,
  body: T,
  status: S,
  extraHeaders?: HeaderRecord,
): Response & TypedResponse<JSONParsed<T>, S, 'json'> {
  const security = c.get('securityHeaders');
  const api = isApiPath(c.req.path);
  // A page keeps a header its route chose over the server's; an API response never does.
  const headers: Record<string, string> = api ? {} : { ...security.page };
  headers['content-type'] = 'application/json';
  headers['x-request-id'] = c.get('requestId');
  const rateLimit = c.get('rateLimit');
  if (rateLimit !== undefined) {
    headers['x-ratelimit-limit'] = String(rateLimit.limit);
    headers['x-ratelimit-remaining'] = String(rateLimit.remaining);
    headers['x-ratelimit-reset'] = String(Math.ceil(rateLimit.resetAtMs / 1000));
  }
  const cookie = c.get('setCookie');
  if (cookie !== undefined) headers['set-cookie'] = cookie;
  if (extraHeaders !== undefined) {
    for (const name in extraHeaders) headers[name.toLowerCase()] = extraHeaders[name] as string;
  }
  if (api) Object.assign(headers, security.api);

  const response = new Response(JSON.stringify(body), { status, headers });
  c.set('completeResponse', response);
  return response as Response & TypedResponse<JSONParsed<T>, S, 'json'>;
}

/**
 * Gives a response that `jsonResponse` did not build the server's headers, through its
 * `Headers`: `X-Request-Id`, the rate-limit headers and a `Set-Cookie` unless the route set
 * them itself, and the security headers.
 */
export function completeHeaders(c: Context<AppEnv>): void {
  try {
    addServerHeaders(c, c.res.headers);
  } catch {
    // A response with immutable headers (one passed through from fetch): copy it first.
    c.res = new Response(c.res.body, c.res);
    addServerHeaders(c, c.res.headers);
  }
}

function addServerHeaders(c: Context<AppEnv>, headers: Headers): void {
  const setUnlessPresent = (name: string, value: string) => {
    if (!headers.has(name)) headers.set(name, value);
  };
  setUnlessPresent('x-request-id', c.get('requestId'));
  const rateLimit = c.get('rateLimit');
  if (rateLimit !== undefined) {
    setUnlessPresent('x-ratelimit-limit', String(rateLimit.limit));
    setUnlessPresent('x-ratelimit-remaining', String(rateLimit.remaining));
    setUnlessPresent('x-ratelimit-reset', String(Math.ceil(rateLimit.resetAtMs / 1000)));
  }
  const cookie = c.get('setCookie');
  if (cookie !== undefined) headers.append('set-cookie', cookie);
  applySecurityHeaders(headers, c.req.path, c.get('securityHeaders'));
}
