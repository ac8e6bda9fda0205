import type { Context } from 'hono';
import type { AppEnv } from '../http/app-env.js';

/**
 * The caller's address for per-address throttling. Behind a trusted reverse proxy, the last
 * `X-Forwarded-For` hop: the address the proxy itself saw. Earlier hops come from the client
 * and can be anything, so trusting the first one would let an attacker pick a fresh address
 * for every guess. Otherwise, the socket's peer.
 */
export function clientAddress(c: Context<AppEnv>, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.raw.headers.get('x-forwarded-for');
    if (forwarded) {
      const last = forwarded.slice(forwarded.lastIndexOf(',') + 1).trim();
      if (last) return last;
    }
  }
  return c.env?.incoming?.socket.remoteAddress ?? 'unknown';
}
