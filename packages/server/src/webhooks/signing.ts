import { randomBytes } from 'node:crypto';
import { WEBHOOK_SECRET_PREFIX } from '@onepin/core';
import { Webhook } from 'standardwebhooks';

/** A new signing secret: `whsec_` + 32 random bytes in base64 (Standard Webhooks). */
export function newSigningSecret(): string {
  return `${WEBHOOK_SECRET_PREFIX}${randomBytes(32).toString('base64')}`;
}

/** The headers of one signed delivery (Standard Webhooks). */
export interface SignedHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  /** One `v1,<base64>` per secret, space-separated: during a rotation both secrets sign. */
  'webhook-signature': string;
}

/**
 * Signs `body` for message `id` at `timestamp` with every secret given, with the maintained
 * Standard Webhooks implementation. A receiver accepts the delivery when any signature
 * verifies with the secret it holds, so rotating a secret never drops a delivery.
 */
export function signDelivery(
  secrets: readonly string[],
  id: string,
  timestamp: Date,
  body: string,
): SignedHeaders {
  if (secrets.length === 0) throw new Error('a delivery needs at least one signing secret');
  const signatures = secrets.map((secret) =>
    new Webhook(secret.slice(WEBHOOK_SECRET_PREFIX.length)).sign(id, timestamp, body),
  );
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
    'webhook-signature': signatures.join(' '),
  };
}
