import type { Context } from 'hono';
import type { AppEnv } from '../http/app-env.js';

/** The caller's address for per-address throttling. Behind a trusted proxy, the first
 * `X-Forwarded-For` hop; otherwise the socket's peer. */
export function clientAddress(c: Context<AppEnv>, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.raw.headers.get('x-forwarded-for');
    const first = forwarded?.split(',')[0]?.trim();
    if (first) return first;
  }
  return c.env?.incoming?.socket.remoteAddress ?? 'unknown';
}
