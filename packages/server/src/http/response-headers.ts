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
 * So nothing adds headers with `c.header()` (a test forbids it in routes): middleware leaves
 * them on the context as data (`requestId`, `rateLimit`, `setCookie`) and they are written
 * here, once. Responses built any other way (pages, files) get the same headers from
 * `completeHeaders`, which `requestContext` calls for every response.
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
  writeServerHeaders(c, headers);
  if (extraHeaders !== undefined) {
    for (const name in extraHeaders) headers[name.toLowerCase()] = extraHeaders[name] as string;
  }
  if (api) Object.assign(headers, security.api);

  const response = new Response(JSON.stringify(body), { status, headers });
  completeResponses.add(response);
  return response as Response & TypedResponse<JSONParsed<T>, S, 'json'>;
}

/**
 * Responses that left `jsonResponse` with every header. Anything else — a page, a file, a
 * response a middleware re-wrapped after the route — goes through `completeHeaders`.
 */
const completeResponses = new WeakSet<Response>();

/**
 * The server's own headers of a response, by lower-case name: `X-Request-Id`, the key's
 * `X-RateLimit-*` and a `Set-Cookie`. The one place they are made, for both writers below.
 */
function writeServerHeaders(c: Context<AppEnv>, into: Record<string, string>): void {
  into['x-request-id'] = c.get('requestId');
  const rateLimit = c.get('rateLimit');
  if (rateLimit !== undefined) {
    into['x-ratelimit-limit'] = String(rateLimit.limit);
    into['x-ratelimit-remaining'] = String(rateLimit.remaining);
    into['x-ratelimit-reset'] = String(Math.ceil(rateLimit.resetAtMs / 1000));
  }
  const cookie = c.get('setCookie');
  if (cookie !== undefined) into['set-cookie'] = cookie;
}

/**
 * Gives the response the server's headers unless it has them: idempotent, so a response
 * that already went through here, or that a middleware copied from one that did (compression,
 * ETag), comes out the same — one `Set-Cookie`, not two. The route's own headers win over the
 * server's, except the security headers of an API response.
 */
export function completeHeaders(c: Context<AppEnv>): void {
  if (completeResponses.has(c.res)) return;
  try {
    addMissingHeaders(c, c.res.headers);
  } catch {
    // A response with immutable headers (one passed through from fetch): copy it first.
    c.res = new Response(c.res.body, c.res);
    addMissingHeaders(c, c.res.headers);
  }
  completeResponses.add(c.res);
}

function addMissingHeaders(c: Context<AppEnv>, headers: Headers): void {
  const server: Record<string, string> = {};
  writeServerHeaders(c, server);
  for (const name in server) {
    const value = server[name] as string;
    if (name === 'set-cookie') {
      // Several cookies may be set: add ours unless this very one is already there.
      if (!headers.getSetCookie().includes(value)) headers.append(name, value);
    } else if (!headers.has(name)) {
      headers.set(name, value);
    }
  }
  applySecurityHeaders(headers, c.req.path, c.get('securityHeaders'));
}
