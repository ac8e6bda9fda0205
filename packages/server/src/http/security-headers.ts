/** One response header: name and value. */
type Header = readonly [name: string, value: string];

/** The security headers of every response, built once at start-up (OWASP REST Security). */
export interface SecurityHeaders {
  /** JSON endpoints: always set. Key plaintexts travel in these bodies, hence `no-store`. */
  readonly api: readonly Header[];
  /** Pages (the API reference, the dashboard): set unless the route chose its own, so a page
   * can widen its Content-Security-Policy for its own scripts and styles. */
  readonly page: readonly Header[];
}

/** HSTS is only sent when the server is reached over https, where it means something. */
export function securityHeaders(publicUrl: string): SecurityHeaders {
  const common: Header[] = [
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'no-referrer'],
    ['X-Frame-Options', 'DENY'],
  ];
  if (publicUrl.startsWith('https:')) {
    common.push(['Strict-Transport-Security', 'max-age=31536000; includeSubDomains']);
  }
  return Object.freeze({
    api: Object.freeze([
      ...common,
      ['Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'"],
      ['Cache-Control', 'no-store'],
    ] as const),
    page: Object.freeze([
      ...common,
      ['Content-Security-Policy', "frame-ancestors 'none'"],
    ] as const),
  });
}

/** Whether a path answers JSON rather than a page. */
export function isApiPath(path: string): boolean {
  return (
    path.startsWith('/api/') || path === '/health' || path === '/ready' || path === '/openapi.json'
  );
}

/** Adds the security headers to a response's headers: a loop over a frozen list, no
 * middleware of its own, because a benchmark counts every header. */
export function applySecurityHeaders(
  headers: Headers,
  path: string,
  securityHeaders: SecurityHeaders,
): void {
  if (isApiPath(path)) {
    for (const [name, value] of securityHeaders.api) headers.set(name, value);
  } else {
    for (const [name, value] of securityHeaders.page)
      if (!headers.has(name)) headers.set(name, value);
  }
}
