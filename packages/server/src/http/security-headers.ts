/** Response headers by lower-case name, as `writeHead` takes them. */
export type HeaderRecord = Readonly<Record<string, string>>;

/** The security headers of every response, built once at start-up (OWASP REST Security). */
export interface SecurityHeaders {
  /** JSON endpoints: always set. Key plaintexts travel in these bodies, hence `no-store`. */
  readonly api: HeaderRecord;
  /** Pages (the API reference, the dashboard): set unless the route chose its own, so a page
   * can widen its Content-Security-Policy for its own scripts and styles. */
  readonly page: HeaderRecord;
}

/** HSTS is only sent when the server is reached over https, where it means something. */
export function securityHeaders(publicUrl: string): SecurityHeaders {
  const common: Record<string, string> = {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
  };
  if (publicUrl.startsWith('https:')) {
    common['strict-transport-security'] = 'max-age=31536000; includeSubDomains';
  }
  return Object.freeze({
    api: Object.freeze({
      ...common,
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
      'cache-control': 'no-store',
    }),
    page: Object.freeze({ ...common, 'content-security-policy': "frame-ancestors 'none'" }),
  });
}

/** Whether a path answers JSON rather than a page. */
export function isApiPath(path: string): boolean {
  return (
    path.startsWith('/api/') || path === '/health' || path === '/ready' || path === '/openapi.json'
  );
}

/** Adds the security headers to a response's `Headers`, for the responses that were not built
 * with them (see `jsonResponse`). */
export function applySecurityHeaders(
  headers: Headers,
  path: string,
  securityHeaders: SecurityHeaders,
): void {
  if (isApiPath(path)) {
    for (const [name, value] of Object.entries(securityHeaders.api)) headers.set(name, value);
  } else {
    for (const [name, value] of Object.entries(securityHeaders.page))
      if (!headers.has(name)) headers.set(name, value);
  }
}
