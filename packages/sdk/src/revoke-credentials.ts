import type { components } from './generated/openapi.js';
import { checkTimeout, normalizeBaseUrl } from './internal/config.js';
import { envelopeOf } from './internal/envelope.js';
import { sleep } from './internal/sleep.js';
import { type Fetch, Transport } from './internal/transport.js';

/** What the server says it received (the same whether or not any key existed). */
export type CredentialsRevokeReceipt = components['schemas']['CredentialsRevokeReceipt'];

export interface RevokeCredentialsOptions {
  /** The server, `http://127.0.0.1:8000` by default. */
  baseUrl?: string | null | undefined;
  fetch?: Fetch | undefined;
  timeoutMs?: number | undefined;
  signal?: AbortSignal | undefined;
}

/** The server takes this many per request; more are sent in several. */
const PER_REQUEST = 1000;

/**
 * Reports keys found in the open to the server's public revocation endpoint, which revokes
 * every one that is a live key (no credential needed: holding the key is the proof). The
 * answer never says which were real. Needs no client, since you may hold no key of your own.
 *
 * @example await revokeCredentials([leakedKey], { baseUrl: 'https://onepin.example.com' });
 */
export async function revokeCredentials(
  credentials: readonly string[],
  options: RevokeCredentialsOptions = {},
): Promise<CredentialsRevokeReceipt> {
  const baseUrl = normalizeBaseUrl(options.baseUrl);
  const transport = new Transport({
    token: '',
    baseUrl,
    workspaceId: undefined,
    timeoutMs: checkTimeout(options.timeoutMs),
    maxRetries: 2,
    fetch: options.fetch ?? ((request) => globalThis.fetch(request)),
    sleep,
    random: Math.random,
  });
  let received = 0;
  for (let start = 0; start < credentials.length; start += PER_REQUEST) {
    const response = await transport.request(
      {
        method: 'POST',
        path: `${baseUrl}/api/v1/credentials/revoke`,
        json: { credentials: credentials.slice(start, start + PER_REQUEST) },
        authenticated: false,
        // Revoking twice is harmless: safe to retry.
        retryable: true,
      },
      { signal: options.signal },
    );
    received += (envelopeOf(response).data as CredentialsRevokeReceipt).received;
  }
  return { received };
}
