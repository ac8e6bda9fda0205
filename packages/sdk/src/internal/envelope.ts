import { OnePinError } from '../errors.js';
import type { ApiResponse } from './transport.js';

/** `{ data, meta }`, plus `pagination` for lists. */
export interface Envelope {
  data: unknown;
  pagination?: unknown;
  meta?: unknown;
}

/** The envelope of a 2xx answer, or a clear error when the body is not one (wrong base URL?). */
export function envelopeOf(result: ApiResponse): Envelope {
  const { body, response } = result;
  if (typeof body === 'object' && body !== null && 'data' in body) return body as Envelope;
  const type = response.headers.get('content-type') ?? 'no content type';
  throw new OnePinError(
    `Expected a OnePin JSON envelope from ${new URL(response.url || 'http://unknown').pathname} but got ${response.status} with ${type}. Is baseUrl the OnePin API?`,
  );
}
