import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Context } from 'hono';
import type { AppEnv } from './http/app-env.js';
import { isBrowserHost, WRONG_HOST_MESSAGE } from './http/browser-host.js';
import type { RouteRegistrar } from './routes/route-definition.js';

/** Paths the dashboard never answers, whatever the SPA's routes: the API and the server's own. */
const SERVER_PATHS = /^\/(api|health|ready|docs|openapi\.json)(\/|$)/;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Headers of the dashboard's pages: nothing may load from or be sent to another host, and
 * the page cannot be framed. The server adds `Referrer-Policy: no-referrer` (setup and
 * invitation links carry tokens), `X-Frame-Options` and `nosniff` to every response itself.
 */
const DASHBOARD_HTML_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'Cache-Control': 'no-cache',
};

interface StaticFile {
  body: Uint8Array;
  type: string;
  etag: string;
  /** Vite names everything under /assets/ by its content hash: cache it forever. */
  immutable: boolean;
}

/** Where `npm run build` puts the dashboard, next to this package in the monorepo. */
export function defaultDashboardDir(): string {
  return fileURLToPath(new URL('../../dashboard/dist/', import.meta.url));
}

/** Every file of a built dashboard by URL path, read once; `null` when it is not built. */
function loadFiles(root: string): Map<string, StaticFile> | null {
  const files = new Map<string, StaticFile>();
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = `${prefix}/${entry.name}`;
      if (entry.isDirectory()) walk(join(dir, entry.name), path);
      else if (entry.isFile()) {
        const body = readFileSync(join(dir, entry.name));
        files.set(path, {
          body,
          type: CONTENT_TYPES[extname(entry.name)] ?? 'application/octet-stream',
          etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
          immutable: path.startsWith('/assets/'),
        });
      }
    }
  };
  try {
    walk(root, '');
  } catch {
    return null;
  }
  return files.has('/index.html') ? files : null;
}

const NOT_BUILT = `<!doctype html><html lang="en"><meta charset="utf-8"><title>OnePin</title>
<body>
<h1>The dashboard is not built</h1>
<p>The API works (see <a href="/docs">/docs</a>), but the dashboard's files are missing.
Build them from the repository root with <code>npm run build</code> (<code>npm start</code> does it
for you), then restart the server.</p></body></html>`;

/** The dashboard at a host name that is not the server's (DNS rebinding, or a proxy that does
 * not pass the public host on): refused, with what to do about it. */
const WRONG_HOST_PAGE = `<!doctype html><html lang="en"><meta charset="utf-8"><title>OnePin</title>
<body>
<h1>Wrong address</h1>
<p>${WRONG_HOST_MESSAGE} Open the dashboard at its public URL. Behind a reverse proxy, pass the
public host on (<code>Host</code>, or <code>X-Forwarded-Host</code> with
<code>ONEPIN_TRUST_PROXY=true</code>).</p></body></html>`;

function send(
  c: Context<AppEnv>,
  file: StaticFile,
  extraHeaders: Readonly<Record<string, string>>,
) {
  const headers: Record<string, string> = {
    ...extraHeaders,
    'Content-Type': file.type,
    ETag: file.etag,
  };
  if (file.immutable) headers['Cache-Control'] = 'public, max-age=31536000, immutable';
  if (c.req.header('if-none-match') === file.etag) return c.body(null, 304, headers);
  return c.body(file.body as Uint8Array<ArrayBuffer>, 200, headers);
}

/**
 * Serves the built dashboard at `/`: its files with their types and cache headers, and
 * `index.html` for any other extension-less path (the app's own routes, which it renders,
 * "not found" included). Never for the API, /health, /ready, /docs or /openapi.json.
 */
export function serveDashboard(root: string = defaultDashboardDir()): RouteRegistrar {
  return (app, deps) => {
    const files = loadFiles(root);
    app.get('*', async (c, next) => {
      const path = c.req.path;
      if (SERVER_PATHS.test(path)) return next();
      if (!isBrowserHost(c, deps.settings)) {
        return c.html(WRONG_HOST_PAGE, 403, DASHBOARD_HTML_HEADERS);
      }
      if (files === null) {
        return path === '/' || extname(path) === ''
          ? c.html(NOT_BUILT, 503, { ...DASHBOARD_HTML_HEADERS, 'Retry-After': '60' })
          : next();
      }
      const file = files.get(path);
      if (file)
        return send(c, file, file.type.startsWith('text/html') ? DASHBOARD_HTML_HEADERS : {});
      if (extname(path) !== '') return next();
      return send(c, files.get('/index.html') as StaticFile, DASHBOARD_HTML_HEADERS);
    });
  };
}
