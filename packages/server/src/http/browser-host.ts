import type { Context } from 'hono';
import { ApiError } from '../api-error.js';
import type { AppSettings } from '../deps.js';
import type { AppEnv } from './app-env.js';
import { assertSameOrigin } from './same-origin.js';

/** Names of this machine that a page on another site can never be served from. */
const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

export const WRONG_HOST_MESSAGE =
  'This server answers browsers only at the host of its public URL (ONEPIN_PUBLIC_URL); this request was sent to another host name.';

const cache = new Map<string, { hosts: ReadonlySet<string>; defaultPort: string }>();

/**
 * The `Host` values a browser may use: the public URL's, and when that is a loopback address
 * (the default, `http://127.0.0.1:PORT`), the machine's other loopback names on the same port
 * (`localhost:PORT`, `[::1]:PORT`): a page from another site can never carry those.
 */
export function browserHosts(publicUrl: string): ReadonlySet<string> {
  return hostsOf(publicUrl).hosts;
}

function hostsOf(publicUrl: string) {
  let known = cache.get(publicUrl);
  if (known === undefined) {
    const url = new URL(publicUrl);
    const defaultPort = url.protocol === 'https:' ? '443' : '80';
    const port = url.port === '' ? '' : `:${url.port}`;
    const hosts = new Set([url.host.toLowerCase()]);
    if (LOOPBACK_NAMES.includes(url.hostname) || /^127\.\d+\.\d+\.\d+$/.test(url.hostname)) {
      for (const name of LOOPBACK_NAMES) hosts.add(`${name}${port}`);
    }
    known = { hosts, defaultPort };
    cache.set(publicUrl, known);
  }
  return known;
}

/**
 * The host a browser addressed: `Host` (the URL's authority under `app.request` in tests),
 * or behind a trusted proxy the last `X-Forwarded-Host` — the value the proxy itself set, as
 * with `X-Forwarded-For`: earlier ones come from the client.
 */
function requestedHost(c: Context<AppEnv>, trustProxy: boolean): string | undefined {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-host');
    if (forwarded) {
      const last = forwarded.slice(forwarded.lastIndexOf(',') + 1).trim();
      if (last) return last;
    }
  }
  const host = c.req.header('host');
  if (host !== undefined) return host;
  try {
    return new URL(c.req.url).host;
  } catch {
    return undefined;
  }
}

/**
 * Refuses a browser-facing request (sign-in, setup, invitation links, every cookie-
 * authenticated request, the dashboard's pages) sent to a host name other than the server's
 * own: against DNS rebinding, where a page on `evil.example` that re-resolves to 127.0.0.1
 * talks to the server as `Host: evil.example:8000` with a matching `Origin`, same-origin to
 * the browser. Requests with an API key are not browser sessions and are not checked.
 */
export function assertBrowserHost(c: Context<AppEnv>, settings: AppSettings): void {
  if (!isBrowserHost(c, settings)) throw new ApiError('FORBIDDEN', WRONG_HOST_MESSAGE);
}

export function isBrowserHost(c: Context<AppEnv>, settings: AppSettings): boolean {
  const { hosts, defaultPort } = hostsOf(settings.publicUrl);
  const host = requestedHost(c, settings.trustProxy)?.toLowerCase();
  if (host === undefined) return false;
  return hosts.has(
    host.endsWith(`:${defaultPort}`) ? host.slice(0, -defaultPort.length - 1) : host,
  );
}

/**
 * For the public operations meant for programs (device login's code and token, which the CLI
 * calls before it has any key): a program sends no `Origin` and, like a request with an API
 * key, may use any name that reaches the server — an internal host name, an IP — since these
 * operations give nothing without a signed-in member's approval at the public host. A browser
 * always sends `Origin` with a POST; one must address the public host from the server's own
 * origin like any browser request, so a page that re-resolved its name to this server (DNS
 * rebinding) can neither start a sign-in nor poll one.
 */
export function assertBrowserHostIfBrowser(c: Context<AppEnv>, settings: AppSettings): void {
  if (c.req.header('origin') === undefined) return;
  assertBrowserHost(c, settings);
  assertSameOrigin(c, settings);
}
